using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.EndToEnd;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Scale;

/// <summary>
/// Two processes of the built app on one PostgreSQL database, as behind a reverse proxy: Quartz's clustered job store
/// runs each scheduled firing on one of them, and both serve what either synced.
/// </summary>
public sealed partial class TwoInstancesTests
{
    private const string EveryFifteenSeconds = "0/15 * * * * ?";

    [Fact]
    public async Task Each_scheduled_firing_runs_on_one_instance_only_and_both_serve_the_synced_data()
    {
        using var db = new TestDb(DatabaseProvider.Postgresql);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__OpenLicitaciones"] = db.ConnectionString,
            ["Database__Provider"] = "postgresql",
            ["Sync__Source"] = "demo",
            ["Sync__LoadOnFirstStart"] = "false",
            ["Sync__ScheduleEnabled"] = "true",
            ["Logging__LogLevel__OpenLicitaciones"] = "Information",
        };
        foreach (var dataset in SecopDatasets.All) settings[$"Sync__Schedules__{dataset.Id}"] = EveryFifteenSeconds;

        // Started together: EF Core's migration lock lets one create the schema while the other waits.
        var starting = new[] { AppProcess.StartAsync(settings), AppProcess.StartAsync(settings) };
        await Task.WhenAll(starting.Select(t => t.ContinueWith(_ => { })));
        await using var first = await starting[0];
        await using var second = await starting[1];

        // Two rounds of firings of all seven datasets, each sync having finished.
        var deadline = DateTime.UtcNow.AddSeconds(150);
        while (FinishedRuns(db) < 2 * SecopDatasets.All.Count && DateTime.UtcNow < deadline) await Task.Delay(500);
        var firings = Firings(first).Concat(Firings(second)).ToList();

        Assert.True(FinishedRuns(db) >= 2 * SecopDatasets.All.Count,
            $"only {FinishedRuns(db)} runs finished in 150 s.\n--- first ---\n{first.Output}\n--- second ---\n{second.Output}");
        var twice = firings.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"firings run on both instances: {string.Join(", ", twice)}");
        Assert.DoesNotContain("otra sincronización de este conjunto está en curso", first.Output + second.Output);

        // Each instance's watcher notices the runs in the database and rebuilds its own views: both publish the same lists.
        foreach (var list in new[] { "/api/v1/licitaciones", "/api/v1/monitor/proveedores", "/api/v1/procesos" })
        {
            var totals = new[] { await TotalAsync(first, list), await TotalAsync(second, list) };
            Assert.True(totals[0] > 0, $"{list} is empty on the first instance after the syncs");
            Assert.Equal(totals[0], totals[1]);
        }

        // A page served by one and then by the other is protected with one key ring, kept in the database.
        foreach (var app in new[] { first, second })
        {
            using var client = app.CreateClient();
            Assert.Contains("<!--Blazor:", await client.GetStringAsync("/licitaciones"));
        }
        await using var context = db.CreateDbContext();
        Assert.Equal(1, await context.DataProtectionKeys.CountAsync());
    }

    /// <summary>(dataset, scheduled fire time) of each firing this instance ran, from its log.</summary>
    private static IEnumerable<string> Firings(AppProcess app) =>
        FiringLine().Matches(app.Output).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}");

    [GeneratedRegex(@"Sincronización programada de (\S+) \(disparo (\S+)\)")]
    private static partial Regex FiringLine();

    private static int FinishedRuns(TestDb db)
    {
        using var context = db.CreateDbContext();
        return context.SyncRuns.Count(r => r.FinishedAt != null && r.Error == null);
    }

    /// <summary>The list's total, once the instance's views have caught up with the last run (they rebuild in the background).</summary>
    private static async Task<long> TotalAsync(AppProcess app, string list)
    {
        using var client = app.CreateClient();
        long total = 0;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var previous = total;
            total = (await client.GetFromJsonAsync<JsonElement>($"{list}?pageSize=1")).GetProperty("total").GetInt64();
            if (total > 0 && total == previous) return total;
            await Task.Delay(500);
        }
        return total;
    }
}
