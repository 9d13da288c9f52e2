using System.Globalization;

namespace OpenLicitaciones.Components;

/// <summary>How numbers and dates read in Colombian Spanish: "$ 1.234.567", "22 de noviembre de 2026".</summary>
public static class Format
{
    public static readonly CultureInfo Colombia = CultureInfo.GetCultureInfo("es-CO");

    public static string Pesos(long? value) => value is { } v ? "$ " + v.ToString("#,0", Colombia) : "Sin dato";

    public static string Number(long value) => value.ToString("#,0", Colombia);

    public static string Date(DateTime? value) => value is { } d ? d.ToString("d 'de' MMMM 'de' yyyy", Colombia) : "Sin dato";

    /// <summary>"marzo de 2026"; "Sin dato" without a month.</summary>
    public static string Month(int year, int? month) =>
        month is >= 1 and <= 12 ? new System.DateTime(year, month.Value, 1).ToString("MMMM 'de' yyyy", Colombia) : $"Sin dato ({year})";

    /// <summary>A UTC instant shown in Colombian time.</summary>
    public static string DateTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), ColombiaTime.Zone).ToString("d 'de' MMMM 'de' yyyy, h:mm tt", Colombia);
}
