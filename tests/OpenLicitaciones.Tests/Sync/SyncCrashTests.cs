using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.EndToEnd;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Sync;

/// <summary>
/// The built app's `sync` command as an operator runs it against a fake SODA server, killed with SIGKILL at a chosen
/// point and run again at once. The app must have been built in the tests' configuration (as for the end-to-end tests).
/// </summary>
public sealed class SyncCrashTests(SyncCrashTests.CleanRun clean) : IAsyncLifetime, IClassFixture<SyncCrashTests.CleanRun>
{
    private const int PageSize = 3;
    private const string Ofertas = "wi7w-2nvm";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);
    private readonly TestDb _db = new();
    private FakeSodaServer _fake = null!;

    public async Task InitializeAsync() => _fake = await StartFakeAsync();

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _db.Dispose();
    }

    /// <summary>Ten processes in four pages, six offers in two, the other datasets empty: every kill point, few rows.</summary>
    private static async Task<FakeSodaServer> StartFakeAsync()
    {
        var fake = await FakeSodaServer.StartAsync();
        foreach (var dataset in SecopDatasets.All) fake.Put(dataset.Id);
        fake.Put(ProcesoRows.Dataset, ProcesoRows.Many(10));
        fake.Put(Ofertas, Enumerable.Range(1, 6).Select(n => new JsonObject
        {
            [":id"] = $"oferta-{n}",
            [":updated_at"] = "2026-01-03T08:00:00.000Z",
            ["id_del_proceso_de_compra"] = $"CO1.BDOS.{8_000_000 + (n + 1) / 2}",
            ["identificador_de_la_oferta"] = $"CO1.BID.{5_000_000 + n}",
            ["valor_de_la_oferta"] = $"{1_000_000 * n}",
            ["nombre_proveedor"] = $"Proveedor {n}",
        }));
        return fake;
    }

    /// <summary>One uninterrupted sync of the same data: its totals and the pages it asked for, in order.</summary>
    public sealed class CleanRun : IAsyncLifetime
    {
        public List<string> Totals { get; private set; } = [];
        public IReadOnlyList<SodaRequest> Requests { get; private set; } = [];

        public async Task InitializeAsync()
        {
            using var db = new TestDb();
            await using var fake = await StartFakeAsync();
            var run = await RunToEndAsync(fake, db.Path);
            Assert.True(run.Code == 0, run.Error + run.Output);
            Totals = await TotalsAsync(db.Path);
            Requests = fake.Requests;
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    public enum KillPoint
    {
        /// <summary>Half of the third page of processes has arrived.</summary>
        InsidePage,
        /// <summary>Two pages of processes are stored and the third is asked for.</summary>
        BetweenPages,
        /// <summary>Bidders are done and the first page of offers is asked for.</summary>
        BetweenDatasets,
    }

    [Theory]
    [InlineData(KillPoint.InsidePage)]
    [InlineData(KillPoint.BetweenPages)]
    [InlineData(KillPoint.BetweenDatasets)]
    public async Task Killed_sync_run_again_at_once_takes_the_dead_lease_over_and_ends_with_the_same_data_as_a_clean_run(KillPoint point)
    {
        var (dataset, page) = point == KillPoint.BetweenDatasets ? (Ofertas, 1) : (ProcesoRows.Dataset, 3);
        // The killed run asks for the same pages as the clean one, in the same order, up to the kill.
        var target = clean.Requests.Where(r => r.Dataset == dataset).ElementAt(page - 1).Number;
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var halfSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fake.On(target, point == KillPoint.InsidePage ? new Fault.Stall(halfSent) : new Fault.Hold(new TaskCompletionSource().Task));
        _fake.OnRequest = r => { if (r.Number == target) arrived.TrySetResult(); };

        using (var doomed = Start(_fake, _db.Path))
        {
            await arrived.Task.WaitAsync(RunTimeout);
            if (point == KillPoint.InsidePage) await halfSent.Task.WaitAsync(RunTimeout);
            doomed.Kill(); // SIGKILL: no finally block, no lease released, the run left open
            await doomed.WaitForExitAsync();
            Assert.Equal(128 + 9, doomed.ExitCode);

            var status = await new SyncStatusQuery(_db, TimeProvider.System).LastRunsAsync();
            var cut = Assert.Single(status, s => s.Dataset == dataset);
            Assert.Equal(((DateTime?)null, SecopSync.Interrupted), (cut.FinishedAt, cut.Error));

            var rerun = await RunToEndAsync(_fake, _db.Path);

            Assert.True(rerun.Code == 0, rerun.Error + rerun.Output);
            Assert.Equal("", rerun.Error);
            var takeover = Assert.Single(rerun.Output.Split('\n'), l => l.Contains("se retoma la sincronización", StringComparison.Ordinal));
            Assert.Contains($"{dataset}: se retoma la sincronización que tenía {Environment.MachineName}:{doomed.Id}:", takeover);
            Assert.Contains($"el proceso {doomed.Id} ya no existe", takeover);
        }

        Assert.Equal(clean.Totals, await TotalsAsync(_db.Path));
        var runs = await RunsAsync(_db.Path, dataset);
        Assert.Equal([SecopSync.Interrupted, ""], runs.Select(r => r.Error));
        Assert.All(runs, r => Assert.True(r.Finished));
        if (point != KillPoint.BetweenDatasets)
        {
            // Resumed after the second page's checkpoint: the first two pages were not asked for again.
            var resumed = _fake.Requests.Where(r => r.Number > target && r.Dataset == dataset).ToList();
            Assert.Equal(clean.Requests.Where(r => r.Dataset == dataset).Skip(2).Select(r => r.After), resumed.Select(r => r.After));
        }
    }

    [Fact]
    public async Task A_live_holder_in_another_process_still_blocks_the_same_dataset()
    {
        var release = new TaskCompletionSource();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fake.On(1, new Fault.Hold(release.Task));
        _fake.OnRequest = r => { if (r.Number == 1) arrived.TrySetResult(); };
        using var holder = Start(_fake, _db.Path, "--dataset", ProcesoRows.Dataset);
        var holderOutput = holder.StandardOutput.ReadToEndAsync();
        try
        {
            await arrived.Task.WaitAsync(RunTimeout);

            var second = await RunToEndAsync(_fake, _db.Path, "--dataset", ProcesoRows.Dataset);

            Assert.Equal(1, second.Code);
            Assert.Equal($"Error: {ProcesoRows.Dataset}: otra sincronización de este conjunto está en curso", second.Error.Trim());
            Assert.Null(Assert.Single(await new SyncStatusQuery(_db, TimeProvider.System).LastRunsAsync()).Error);
        }
        finally
        {
            release.SetResult();
        }
        await holder.WaitForExitAsync().WaitAsync(RunTimeout);
        Assert.Equal(0, holder.ExitCode);
        Assert.Equal($"{ProcesoRows.Dataset} (socrata): 10 leídas, 10 guardadas, 0 en cuarentena", (await holderOutput).Trim());
    }

    private static Process Start(FakeSodaServer fake, string database, params string[] extra)
    {
        var start = new ProcessStartInfo(AppProcess.AppExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "sync", "--source", "socrata", "--base-url", fake.BaseUrl, "--database", database }.Concat(extra))
            start.ArgumentList.Add(arg);
        start.Environment["Sync__PageSize"] = $"{PageSize}";
        start.Environment["Sync__OverlapMinutes"] = "0"; // so a resumed run starts exactly at its checkpoint
        start.Environment["Sync__RetryBaseDelayMs"] = "10";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }

    private static async Task<(int Code, string Output, string Error)> RunToEndAsync(FakeSodaServer fake, string database, params string[] extra)
    {
        using var process = Start(fake, database, extra);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(RunTimeout);
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Rows per table and every checkpoint: what an uninterrupted sync leaves behind.</summary>
    private static async Task<List<string>> TotalsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        var totals = new List<string>();
        var tables = await QueryAsync(connection, """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            AND name NOT IN ('__EFMigrationsHistory', 'SyncRuns', 'SyncLeases', 'SyncCheckpoints') ORDER BY name
            """);
        foreach (var table in tables)
            totals.Add($"{table}: {(await QueryAsync(connection, $"SELECT COUNT(*) FROM \"{table}\""))[0]}");
        totals.AddRange(await QueryAsync(connection, """SELECT "Dataset" || ' ' || "UpdatedAt" || ' ' || "RowId" FROM "SyncCheckpoints" ORDER BY 1"""));
        return totals;
    }

    private static async Task<List<(string Error, bool Finished)>> RunsAsync(string database, string dataset)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        var rows = await QueryAsync(connection,
            $"""SELECT coalesce("Error", '') || '|' || ("FinishedAt" IS NOT NULL) FROM "SyncRuns" WHERE "Dataset" = '{dataset}' ORDER BY "Id" """);
        return rows.Select(r => r.Split('|')).Select(p => (p[0], p[1] == "1")).ToList();
    }

    private static async Task<List<string>> QueryAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }
}
