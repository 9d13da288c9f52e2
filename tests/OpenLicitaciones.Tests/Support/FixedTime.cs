namespace OpenLicitaciones.Tests.Support;

/// <summary>A clock stopped at one instant, in Colombia's zone, so date rules give the same answer every day.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");
}
