using System.Globalization;

namespace OpenLicitaciones.Features.Indicadores;

/// <summary>A calendar year or one of its quarters (CONTRACTS §7): the unit every indicator is computed for.</summary>
public sealed record Periodo(int Anio, int? Trimestre = null)
{
    public DateTime Inicio => new(Anio, Trimestre is { } t ? 3 * t - 2 : 1, 1);

    /// <summary>The first day after the period.</summary>
    public DateTime Fin => Trimestre is null ? Inicio.AddYears(1) : Inicio.AddMonths(3);

    public bool Contiene(DateTime fecha) => fecha >= Inicio && fecha < Fin;

    /// <summary>"2025" or "2025-T3": how the API and the URL write it.</summary>
    public string Codigo => Trimestre is { } t ? $"{Anio.ToString(CultureInfo.InvariantCulture)}-T{t}" : Anio.ToString(CultureInfo.InvariantCulture);

    /// <summary>"anio=2025" or "anio=2025&amp;trimestre=3": the period in the address of the board, a detail or the print view.</summary>
    public string Query => Trimestre is { } t
        ? $"anio={Anio.ToString(CultureInfo.InvariantCulture)}&trimestre={t.ToString(CultureInfo.InvariantCulture)}"
        : $"anio={Anio.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"2025" or "3.er trimestre de 2025", as the page says it.</summary>
    public string Nombre => Trimestre switch
    {
        null => Anio.ToString(CultureInfo.InvariantCulture),
        1 => $"1.er trimestre de {Anio}",
        2 => $"2.º trimestre de {Anio}",
        3 => $"3.er trimestre de {Anio}",
        _ => $"4.º trimestre de {Anio}",
    };

    /// <summary>The period before this one (the card's "change against the previous period").</summary>
    public Periodo Anterior => Trimestre switch
    {
        null => new Periodo(Anio - 1),
        1 => new Periodo(Anio - 1, 4),
        { } t => new Periodo(Anio, t - 1),
    };

    /// <summary>Every year, or every quarter, from <paramref name="desde"/> to <paramref name="hasta"/> (years, inclusive), oldest first.</summary>
    public static IReadOnlyList<Periodo> Entre(int desde, int hasta, bool trimestral) =>
        Enumerable.Range(desde, Math.Max(0, hasta - desde + 1))
            .SelectMany(a => trimestral ? Enumerable.Range(1, 4).Select(t => new Periodo(a, t)) : [new Periodo(a)])
            .ToList();

    /// <summary>Reads "2025" or "2025-T3" (as <see cref="Codigo"/> writes it, any case); null for anything else.</summary>
    public static Periodo? Leer(string? codigo)
    {
        var partes = codigo?.Trim().ToUpperInvariant().Split("-T");
        if (partes is null || partes.Length > 2 || !int.TryParse(partes[0], NumberStyles.None, CultureInfo.InvariantCulture, out var anio) || anio is < 2000 or > 2100)
            return null;
        if (partes.Length == 1) return new Periodo(anio);
        return int.TryParse(partes[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t is >= 1 and <= 4 ? new Periodo(anio, t) : null;
    }

    /// <summary>The period a date falls in.</summary>
    public static Periodo De(DateTime fecha, bool trimestral) => trimestral ? new Periodo(fecha.Year, (fecha.Month + 2) / 3) : new Periodo(fecha.Year);
}
