using Microsoft.Extensions.Time.Testing;
using OpenLicitaciones.Components;

namespace OpenLicitaciones.Tests.Support;

public static class TestClock
{
    /// <summary>
    /// A clock stopped at <paramref name="at"/> that moves only when the test advances it. Two things FakeTimeProvider
    /// does not do by itself: it reports the start's own offset from GetUtcNow (so the start is given in UTC), and its
    /// local zone is UTC (the app's date rules expect Bogotá).
    /// </summary>
    public static FakeTimeProvider At(DateTimeOffset at)
    {
        var clock = new FakeTimeProvider(at.ToUniversalTime());
        clock.SetLocalTimeZone(ColombiaTime.Zone);
        return clock;
    }
}
