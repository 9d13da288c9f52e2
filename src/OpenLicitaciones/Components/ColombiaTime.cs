namespace OpenLicitaciones.Components;

/// <summary>Civil time in Colombia (UTC−5, no daylight saving), whatever the server's own zone.</summary>
public static class ColombiaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");

    public static DateTime Now(TimeProvider time) => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime;
}
