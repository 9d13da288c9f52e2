using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Scale;

/// <summary>The schedule stored in PostgreSQL for the cluster, as instances with their settings start.</summary>
public sealed class ClusteredScheduleTests
{
    private const string Never = "0 0 0 1 1 ? 2099";

    [Fact]
    public async Task An_instance_that_starts_with_a_changed_schedule_reschedules_it_though_stored_triggers_are_not_replaced()
    {
        using var db = new TestDb(DatabaseProvider.Postgresql);

        await StartAndStopAsync(db, ("p6dx-8zbt", "0 0 3 * * ?"), ("jbjy-vk9h", "0 30 3 * * ?"));
        Assert.Contains("p6dx-8zbt 0 0 3 * * ?", Stored(db));

        await StartAndStopAsync(db, ("p6dx-8zbt", "0 0 4 * * ?"), ("jbjy-vk9h", "0 30 3 * * ?"));
        var after = Stored(db);

        Assert.Contains("p6dx-8zbt 0 0 4 * * ?", after);
        Assert.DoesNotContain("p6dx-8zbt 0 0 3 * * ?", after);
        Assert.Contains("jbjy-vk9h 0 30 3 * * ?", after);
    }

    private static async Task StartAndStopAsync(TestDb db, params (string Dataset, string Cron)[] schedules)
    {
        var settings = new Dictionary<string, string?> { ["Sync:ScheduleEnabled"] = "true" };
        foreach (var dataset in SecopDatasets.All) settings[$"Sync:Schedules:{dataset.Id}"] = Never;
        foreach (var (dataset, cron) in schedules) settings[$"Sync:Schedules:{dataset}"] = cron;
        using var host = await TestHost.StartAsync(db, settings, hosted: true);
        await host.StopAsync();
    }

    private static List<string> Stored(TestDb db) =>
        PostgresSchema.Query(db.ConnectionString, "SELECT trigger_name || ' ' || cron_expression FROM qrtz_cron_triggers");
}
