using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;
using static OpenLicitaciones.Tests.Sync.ProcesoRows;

namespace OpenLicitaciones.Tests.Sync;

public sealed class SyncPipelineTestsOnSqlite() : SyncPipelineTests(DatabaseProvider.Sqlite);

public sealed class SyncPipelineTestsOnPostgresql() : SyncPipelineTests(DatabaseProvider.Postgresql);

/// <summary>The real SecopSync and SocrataSource against a fake SODA server and a fresh database, on each engine.</summary>
public abstract class SyncPipelineTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int PageSize = 3;
    private readonly TestDb _db = new(provider);
    private readonly List<ServiceProvider> _clients = [];
    private FakeSodaServer _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSodaServer.StartAsync();
        await using var db = _db.CreateDbContext();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        foreach (var client in _clients) await client.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Happy_path_stores_every_row_of_the_entity_logs_the_run_and_saves_the_checkpoint()
    {
        _fake.Put(Dataset, Many(10).AsEnumerable().Reverse());
        _fake.Put(Dataset, Row(11, nit: "899999027")); // another entity's process: the filter must leave it out

        var result = await RunAsync();

        Assert.Null(result.Error);
        Assert.Equal((10, 10, 0), (result.RowsRead, result.RowsUpserted, result.RowsQuarantined));
        await using var db = _db.CreateDbContext();
        var procesos = await db.Procesos.AsNoTracking().OrderBy(p => p.IdDelProceso).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 10).Select(ProcessId), procesos.Select(p => p.IdDelProceso));
        var fourth = procesos[3];
        Assert.Equal("ALCALDÍA MUNICIPIO DE PALMIRA", fourth.Entidad);
        Assert.Equal(4_000_000, fourth.PrecioBase);
        Assert.Equal("CO1.NTC.7000004", fourth.NoticeUid);
        Assert.Equal(new DateTime(2026, 1, 15), fourth.FechaPublicacion);
        Assert.Equal("50192100", fourth.CodigoPrincipalCategoria);
        Assert.Null(fourth.CodigoProveedor); // "No Definido"
        Assert.Equal(("socrata", RowId(4), Stamp(4)), (fourth.Source, fourth.SodaId, fourth.SodaUpdatedAt));

        var run = Assert.Single(await db.SyncRuns.ToListAsync());
        Assert.Equal((Dataset, "socrata", 10, 10, 0), (run.Dataset, run.Source, run.RowsRead, run.RowsUpserted, run.RowsQuarantined));
        Assert.Null(run.Error);
        Assert.Null(run.UnknownColumns);
        Assert.NotNull(run.FinishedAt);
        var checkpoint = Assert.Single(await db.SyncCheckpoints.ToListAsync());
        Assert.Equal((Dataset, "socrata", Stamp(10), RowId(10)), (checkpoint.Dataset, checkpoint.Source, checkpoint.UpdatedAt, checkpoint.RowId));
        Assert.Empty(await db.SyncLeases.ToListAsync());

        // Keyset paging: each page starts after the last row of the one before, ties on :updated_at broken by :id.
        Assert.Equal([null, Cursor(3), Cursor(6), Cursor(9)], _fake.Requests.Select(r => r.After));
        Assert.All(_fake.Requests, r => Assert.Equal(Palmira, Assert.Single(r.FilterValues)));
        Assert.All(_fake.Requests, r => Assert.Equal(PageSize, r.Limit));
    }

    [Fact]
    public async Task Each_stored_page_reports_the_rows_read_so_far()
    {
        _fake.Put(Dataset, Many(10));
        var reported = new List<int>();

        var result = await NewSync().RunAsync(new ProcesosDataset(), new ProgressRecorder(reported.Add), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal([3, 6, 9, 10], reported);
    }

    private sealed class ProgressRecorder(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    [Fact]
    public async Task Throttled_page_is_retried_after_waiting_at_least_the_Retry_After()
    {
        _fake.Put(Dataset, Many(10));
        _fake.On(2, new Fault.Status(429, RetryAfterSeconds: 1));

        var result = await RunAsync();

        Assert.Null(result.Error);
        Assert.Equal(10, result.RowsRead);
        var requests = _fake.Requests;
        Assert.Equal(5, requests.Count);
        Assert.Equal(Cursor(3), requests[1].After);
        Assert.Equal(Cursor(3), requests[2].After);
        // Without Retry-After the backoff here is 10–20 ms; timers may fire a few ms early, hence the margin.
        Assert.True(requests[2].ReceivedAt - requests[1].ReceivedAt >= TimeSpan.FromMilliseconds(985),
            $"retried after {(requests[2].ReceivedAt - requests[1].ReceivedAt).TotalMilliseconds} ms");
        Assert.Equal(10, await CountAsync());
    }

    [Fact]
    public async Task Server_error_is_retried_and_the_page_is_stored_once()
    {
        _fake.Put(Dataset, Many(10));
        _fake.On(2, new Fault.Status(500));

        var result = await RunAsync();

        Assert.Null(result.Error);
        Assert.Equal((10, 10), (result.RowsRead, result.RowsUpserted));
        Assert.Equal([null, Cursor(3), Cursor(3), Cursor(6), Cursor(9)], _fake.Requests.Select(r => r.After));
        Assert.Equal(10, await CountAsync());
    }

    [Fact]
    public async Task Persistent_server_error_fails_the_run_after_the_configured_retries()
    {
        _fake.Put(Dataset, Many(10));
        for (var n = 1; n <= 4; n++) _fake.On(n, new Fault.Status(503));

        var result = await RunAsync(o => o.MaxRetries = 3);

        Assert.NotNull(result.Error);
        Assert.Contains("HTTP 503", result.Error);
        Assert.Contains("4 intentos", result.Error);
        Assert.Equal(4, _fake.Requests.Count);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Request_that_outlasts_the_timeout_is_abandoned_and_retried()
    {
        _fake.Put(Dataset, Many(10));
        _fake.On(1, new Fault.Delay(TimeSpan.FromSeconds(10)));

        var result = await RunAsync(o => o.RequestTimeoutSeconds = 1);

        Assert.Null(result.Error);
        Assert.Equal(10, result.RowsRead);
        var requests = _fake.Requests;
        Assert.Equal([null, null, Cursor(3), Cursor(6), Cursor(9)], requests.Select(r => r.After));
        // Gave up before the server's 10 s delay was over (no lower bound: a loaded machine may start the clock late).
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt < TimeSpan.FromSeconds(9));
        Assert.Equal(10, await CountAsync());
    }

    [Fact]
    public async Task Page_whose_body_stalls_halfway_is_abandoned_at_the_timeout_and_retried()
    {
        _fake.Put(Dataset, Many(10));
        _fake.On(2, new Fault.Stall(new TaskCompletionSource()));

        // The headers arrived in time; the timeout must still cover the rest of the page.
        var result = await RunAsync(o => o.RequestTimeoutSeconds = 1).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Null(result.Error);
        Assert.Equal(10, result.RowsRead);
        Assert.Equal([null, Cursor(3), Cursor(3), Cursor(6), Cursor(9)], _fake.Requests.Select(r => r.After));
        Assert.Equal(10, await CountAsync());
    }

    [Fact]
    public async Task Truncated_json_page_is_retried_then_stored()
    {
        _fake.Put(Dataset, Many(10));
        _fake.On(2, new Fault.TruncatedJson());

        var result = await RunAsync();

        Assert.Null(result.Error);
        Assert.Equal((10, 0), (result.RowsRead, result.RowsQuarantined));
        Assert.Equal([null, Cursor(3), Cursor(3), Cursor(6), Cursor(9)], _fake.Requests.Select(r => r.After));
        Assert.Equal(10, await CountAsync());
    }

    [Fact]
    public async Task Connection_cut_in_the_middle_of_a_page_is_retried_then_stored()
    {
        _fake.Put(Dataset, Many(10));
        _fake.On(3, new Fault.CutConnection());

        var result = await RunAsync();

        Assert.Null(result.Error);
        Assert.Equal(10, result.RowsRead);
        Assert.Equal([null, Cursor(3), Cursor(6), Cursor(6), Cursor(9)], _fake.Requests.Select(r => r.After));
        Assert.Equal(10, await CountAsync());
    }

    [Fact]
    public async Task Process_repeated_on_a_later_page_is_stored_once_with_the_later_values()
    {
        _fake.Put(Dataset, Many(6));
        var republished = Row(7);
        republished["id_del_proceso"] = ProcessId(1);
        republished["nombre_del_procedimiento"] = "Suministro de alimentos, adenda 1";
        _fake.Put(Dataset, republished);

        var result = await RunAsync();

        Assert.Null(result.Error);
        Assert.Equal(7, result.RowsRead);
        await using var db = _db.CreateDbContext();
        Assert.Equal(6, await db.Procesos.CountAsync());
        var first = await db.Procesos.SingleAsync(p => p.IdDelProceso == ProcessId(1));
        Assert.Equal(("Suministro de alimentos, adenda 1", RowId(7)), (first.NombreDelProcedimiento, first.SodaId));
    }

    [Fact]
    public async Task Rejected_rows_at_the_edges_of_the_upsert_batches_leave_every_other_row_of_the_page_stored()
    {
        var rows = Many(120);
        var rejected = new[] { 0, 49, 50, 99, 119 }; // first row, both sides of the 50-row statements' edges, last row
        foreach (var i in rejected) rows[i]["precio_base"] = "abc";
        _fake.Put(Dataset, rows);

        var result = await RunAsync(o => o.PageSize = 200);

        Assert.Equal((120, 115, 5), (result.RowsRead, result.RowsUpserted, result.RowsQuarantined));
        await using var db = _db.CreateDbContext();
        var stored = (await db.Procesos.Select(p => p.IdDelProceso).ToListAsync()).ToHashSet();
        Assert.Equal(Enumerable.Range(0, 120).Where(i => !rejected.Contains(i)).Select(i => ProcessId(i + 1)).ToHashSet(), stored);
        Assert.Equal(rejected.Select(i => ProcessId(i + 1)).Order(), (await db.Quarantine.Select(q => q.RowKey!).ToListAsync()).Order());
    }

    [Fact]
    public async Task Rows_with_unreadable_values_go_to_quarantine_and_the_rest_are_stored()
    {
        var rows = Many(10);
        rows[1]["precio_base"] = "abc";
        rows[4]["fecha_de_publicacion_del"] = "2026-13-45";
        _fake.Put(Dataset, rows);

        var result = await RunAsync();

        Assert.Null(result.Error);
        Assert.Equal((10, 8, 2), (result.RowsRead, result.RowsUpserted, result.RowsQuarantined));
        await using var db = _db.CreateDbContext();
        var stored = await db.Procesos.Select(p => p.IdDelProceso).ToListAsync();
        Assert.Equal(8, stored.Count);
        Assert.DoesNotContain(ProcessId(2), stored);
        Assert.DoesNotContain(ProcessId(5), stored);

        var run = await db.SyncRuns.SingleAsync();
        Assert.Equal(2, run.RowsQuarantined);
        var quarantined = await db.Quarantine.OrderBy(q => q.RowKey).ToListAsync();
        Assert.Equal(2, quarantined.Count);
        Assert.All(quarantined, q => Assert.Equal((Dataset, run.Id), (q.Dataset, q.SyncRunId)));
        var (price, date) = (quarantined[0], quarantined[1]);
        Assert.Equal(ProcessId(2), price.RowKey);
        Assert.Contains("precio_base", price.Reason);
        Assert.Contains("abc", price.Reason);
        var raw = JsonNode.Parse(price.RawJson)!.AsObject();
        Assert.Equal(("abc", RowId(2)), ((string?)raw["precio_base"], (string?)raw[":id"]));
        Assert.Equal(ProcessId(5), date.RowKey);
        Assert.Contains("fecha_de_publicacion_del", date.Reason);
        Assert.Equal("2026-13-45", (string?)JsonNode.Parse(date.RawJson)!["fecha_de_publicacion_del"]);
    }

    [Fact]
    public async Task Unknown_column_is_tolerated_and_reported_once_in_the_run()
    {
        _fake.Put(Dataset, Many(10));
        _fake.On(1, new Fault.ExtraColumn("nueva_columna_cce", "x")).On(2, new Fault.ExtraColumn("nueva_columna_cce", "y"));

        var result = await RunAsync();

        Assert.Null(result.Error);
        Assert.Equal((10, 0), (result.RowsUpserted, result.RowsQuarantined));
        await using var db = _db.CreateDbContext();
        Assert.Equal("nueva_columna_cce", (await db.SyncRuns.SingleAsync()).UnknownColumns);
        Assert.Equal(10, await db.Procesos.CountAsync());
    }

    [Fact]
    public async Task Rejected_query_on_the_first_page_fails_the_run_without_retrying_or_writing_rows()
    {
        _fake.Put(Dataset, Many(10));
        _fake.On(1, new Fault.SoqlError("query.soql.no-such-column", "No such column: nit_entidad"));

        var result = await RunAsync();

        Assert.False(result.Succeeded);
        Assert.Contains("query.soql.no-such-column", result.Error);
        Assert.Single(_fake.Requests);
        await using var db = _db.CreateDbContext();
        Assert.Equal(0, await db.Procesos.CountAsync());
        Assert.Empty(await db.SyncCheckpoints.ToListAsync());
        var run = await db.SyncRuns.SingleAsync();
        Assert.Equal((result.Error, 0), (run.Error, run.RowsRead));
        Assert.Empty(await db.SyncLeases.ToListAsync());
    }

    [Fact]
    public async Task Rejected_query_on_a_later_page_keeps_the_pages_before_and_nothing_of_the_failing_one()
    {
        _fake.Put(Dataset, Many(10));
        _fake.On(2, new Fault.SoqlError("query.soql.type-mismatch", "Type mismatch for op$in"));

        var result = await RunAsync();

        Assert.Contains("query.soql.type-mismatch", result.Error);
        Assert.Equal(2, _fake.Requests.Count);
        await using var db = _db.CreateDbContext();
        Assert.Equal([ProcessId(1), ProcessId(2), ProcessId(3)], await db.Procesos.Select(p => p.IdDelProceso).OrderBy(id => id).ToListAsync());
        var checkpoint = await db.SyncCheckpoints.SingleAsync();
        Assert.Equal((Stamp(3), RowId(3)), (checkpoint.UpdatedAt, checkpoint.RowId));
        Assert.Equal(3, (await db.SyncRuns.SingleAsync()).RowsRead);
    }

    [Fact]
    public async Task Cancelled_run_resumes_after_its_checkpoint_without_rereading_or_duplicating()
    {
        _fake.Put(Dataset, Many(10));
        using var cts = new CancellationTokenSource();
        // The third request means pages 1 and 2 are stored; it hangs so the cancellation lands while it is pending.
        _fake.On(3, new Fault.Delay(TimeSpan.FromSeconds(10)));
        _fake.OnRequest = r => { if (r.Number == 3) cts.Cancel(); };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NewSync().RunAsync(new ProcesosDataset(), cts.Token));

        await using (var db = _db.CreateDbContext())
        {
            Assert.Equal(6, await db.Procesos.CountAsync());
            var cancelled = await db.SyncRuns.SingleAsync();
            Assert.Equal(6, cancelled.RowsRead);
            Assert.Contains("cancelada", cancelled.Error);
            Assert.Empty(await db.SyncLeases.ToListAsync());
        }

        var resumed = await RunAsync();

        Assert.Null(resumed.Error);
        Assert.Equal(4, resumed.RowsRead);
        var secondRun = _fake.Requests.Skip(3).ToList();
        Assert.Equal([Cursor(6), Cursor(9)], secondRun.Select(r => r.After));
        await using (var db = _db.CreateDbContext())
        {
            var ids = await db.Procesos.Select(p => p.IdDelProceso).OrderBy(id => id).ToListAsync();
            Assert.Equal(Enumerable.Range(1, 10).Select(ProcessId), ids);
        }
    }

    [Fact]
    public async Task Cancellation_while_a_page_is_saved_leaves_the_run_counting_only_the_stored_rows()
    {
        _fake.Put(Dataset, Many(10));
        using var cts = new CancellationTokenSource();
        var factory = new CancelOnPageSave(_db, cts, page: 2);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NewSync(factory: factory).RunAsync(new ProcesosDataset(), cts.Token));

        await using var db = _db.CreateDbContext();
        Assert.Equal(3, await db.Procesos.CountAsync());
        var run = await db.SyncRuns.SingleAsync();
        Assert.Equal((3, 3), (run.RowsRead, run.RowsUpserted));
        Assert.Equal(RowId(3), (await db.SyncCheckpoints.SingleAsync()).RowId);
    }

    [Fact]
    public async Task Second_run_over_the_overlap_window_updates_changed_rows_without_duplicates()
    {
        _fake.Put(Dataset, Many(10));
        Assert.Null((await RunAsync(o => o.OverlapMinutes = 60)).Error);
        var changed = Row(4, updatedAt: "2026-01-02T13:00:00.000Z");
        changed["precio_base"] = "4500000.50";
        _fake.Put(Dataset, changed);

        var second = await RunAsync(o => o.OverlapMinutes = 60);

        Assert.Null(second.Error);
        Assert.Equal((10, 1), (second.RowsRead, second.RowsUpserted)); // only the changed row is written again
        Assert.Equal(new SodaCursor("2026-01-02T11:02:00.000Z", ""), _fake.Requests[4].After);
        await using var db = _db.CreateDbContext();
        Assert.Equal(10, await db.Procesos.CountAsync());
        var fourth = await db.Procesos.SingleAsync(p => p.IdDelProceso == ProcessId(4));
        Assert.Equal((4_500_001L, "2026-01-02T13:00:00.000Z"), (fourth.PrecioBase!.Value, fourth.SodaUpdatedAt));
        Assert.Equal(2_000_000, (await db.Procesos.SingleAsync(p => p.IdDelProceso == ProcessId(2))).PrecioBase);
        Assert.Equal(2, await db.SyncRuns.CountAsync(r => r.Error == null));
        var checkpoint = await db.SyncCheckpoints.SingleAsync();
        Assert.Equal(("2026-01-02T13:00:00.000Z", RowId(4)), (checkpoint.UpdatedAt, checkpoint.RowId));
    }

    [Fact]
    public async Task First_live_page_replaces_the_demo_rows_and_the_demo_checkpoint_is_not_resumed()
    {
        var entities = Options.Create(new EntitiesOptions { Items = [new EntityOptions { Nit = Palmira }] });
        var demo = new SecopSync(_db, new DemoRows([Row(101), Row(102)]), Options.Create(new SyncOptions()), entities, TimeProvider.System,
            NullLogger<SecopSync>.Instance);
        Assert.Null((await demo.RunAsync(new ProcesosDataset(), CancellationToken.None)).Error);
        await using (var db = _db.CreateDbContext())
            Assert.Equal(2, await db.Procesos.CountAsync(p => p.Source == "demo"));
        _fake.Put(Dataset, Many(10));

        var live = await RunAsync();

        Assert.Null(live.Error);
        Assert.Null(_fake.Requests[0].After);
        await using (var db = _db.CreateDbContext())
        {
            Assert.Equal(Enumerable.Range(1, 10).Select(ProcessId), await db.Procesos.OrderBy(p => p.IdDelProceso).Select(p => p.IdDelProceso).ToListAsync());
            Assert.All(await db.Procesos.ToListAsync(), p => Assert.Equal("socrata", p.Source));
            Assert.Equal("socrata", (await db.SyncCheckpoints.SingleAsync()).Source);
        }
    }

    [Fact]
    public async Task Second_sync_of_a_dataset_already_running_is_refused_without_reading()
    {
        _fake.Put(Dataset, Many(4));
        var firstInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fake.OnRequest = r => { if (r.Number == 1) firstInFlight.SetResult(); };
        var release = new TaskCompletionSource();
        _fake.On(1, new Fault.Hold(release.Task));

        var first = RunAsync();
        await firstInFlight.Task;
        var second = await RunAsync();
        release.SetResult();

        Assert.Contains("en curso", second.Error);
        Assert.Null((await first).Error);
        Assert.Equal(2, _fake.Requests.Count); // the first run's two pages; the second run asked for nothing
        Assert.Equal(4, await CountAsync());
    }

    private static readonly DateTime T0 = new(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_lease_from_another_machine_is_taken_over_once_its_last_heartbeat_is_a_minute_old_and_not_before()
    {
        _fake.Put(Dataset, Many(4));
        var dead = await SeedLeaseAsync(new SyncLease
        {
            Dataset = Dataset, Holder = "otro-servidor:4242:abc", Machine = "otro-servidor", ProcessId = 4242, ProcessStart = "arranque/1",
            HeartbeatAt = T0, ExpiresAt = T0.AddSeconds(60),
        });

        var early = await NewSync(time: TestClock.At(T0.AddSeconds(59))).RunAsync(new ProcesosDataset(), CancellationToken.None);

        Assert.Equal($"{Dataset}: otra sincronización de este conjunto está en curso", early.Error);
        Assert.Empty(_fake.Requests);
        await using (var db = _db.CreateDbContext())
        {
            Assert.Equal(dead.Holder, (await db.SyncLeases.SingleAsync()).Holder);
            Assert.Null((await db.SyncRuns.SingleAsync()).FinishedAt);
        }

        var late = await NewSync(time: TestClock.At(T0.AddSeconds(60))).RunAsync(new ProcesosDataset(), CancellationToken.None);

        Assert.Null(late.Error);
        Assert.Equal(4, late.RowsRead);
        await using (var db = _db.CreateDbContext())
        {
            var runs = await db.SyncRuns.OrderBy(r => r.Id).ToListAsync();
            Assert.Equal([(SecopSync.Interrupted, (DateTime?)T0.AddSeconds(60)), (null, T0.AddSeconds(60))],
                runs.Select(r => (r.Error, r.FinishedAt)));
            Assert.Empty(await db.SyncLeases.ToListAsync());
        }
    }

    [Fact]
    public async Task A_lease_whose_process_id_now_belongs_to_another_process_is_taken_over_at_once()
    {
        _fake.Put(Dataset, Many(4));
        // This test's own process id, but not its start: the holder died and the system gave its number to us.
        await SeedLeaseAsync(new SyncLease
        {
            Dataset = Dataset, Holder = "reutilizado", Machine = Environment.MachineName, ProcessId = Environment.ProcessId,
            ProcessStart = "arranque-anterior/1", HeartbeatAt = T0, ExpiresAt = T0.AddMinutes(10),
        });

        var result = await NewSync(time: TestClock.At(T0)).RunAsync(new ProcesosDataset(), CancellationToken.None); // well before expiry

        Assert.Null(result.Error);
        await using var db = _db.CreateDbContext();
        Assert.Equal(SecopSync.Interrupted, (await db.SyncRuns.OrderBy(r => r.Id).FirstAsync()).Error);
    }

    [Fact]
    public async Task A_live_holder_on_this_machine_keeps_its_lease_and_its_run_shows_as_running()
    {
        _fake.Put(Dataset, Many(4));
        var live = await SeedLeaseAsync(new SyncLease
        {
            Dataset = Dataset, Holder = "vivo", Machine = Environment.MachineName, ProcessId = Environment.ProcessId,
            ProcessStart = ProcessIdentity.Current.Start, HeartbeatAt = T0, ExpiresAt = T0.AddMinutes(1),
        });
        var clock = TestClock.At(T0);
        var status = new SyncStatusQuery(_db, clock);

        var result = await NewSync(time: clock).RunAsync(new ProcesosDataset(), CancellationToken.None);

        Assert.Equal($"{Dataset}: otra sincronización de este conjunto está en curso", result.Error);
        Assert.Null(Assert.Single(await status.LastRunsAsync()).Error);

        await using (var db = _db.CreateDbContext())
            await db.SyncLeases.ExecuteUpdateAsync(s => s.SetProperty(l => l.ProcessStart, "arranque-anterior/1"));

        Assert.Equal(SecopSync.Interrupted, Assert.Single(await status.LastRunsAsync()).Error);
        Assert.Equal(live.Holder, (await LeaseAsync()).Holder); // reading the status never takes a lease over
    }

    [Fact]
    public async Task The_holder_renews_its_lease_on_a_timer_while_a_page_is_slow()
    {
        _fake.Put(Dataset, Many(4));
        var firstInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fake.OnRequest = r => { if (r.Number == 1) firstInFlight.SetResult(); };
        var release = new TaskCompletionSource();
        _fake.On(1, new Fault.Hold(release.Task));
        var clock = TestClock.At(T0);

        var run = NewSync(o => o.RequestTimeoutSeconds = 300, time: clock).RunAsync(new ProcesosDataset(), CancellationToken.None);
        await firstInFlight.Task;
        Assert.Equal(T0.AddSeconds(60), (await LeaseAsync()).ExpiresAt);

        for (var beat = 1; beat <= 3; beat++)
        {
            clock.Advance(TimeSpan.FromSeconds(15));
            var expected = T0.AddSeconds(15 * beat);
            var lease = await WaitForAsync(LeaseAsync, l => l.HeartbeatAt == expected);
            Assert.Equal(expected.AddSeconds(60), lease.ExpiresAt);
        }
        release.SetResult();

        Assert.Null((await run).Error);
        await using var db = _db.CreateDbContext();
        Assert.Empty(await db.SyncLeases.ToListAsync());
    }

    [Fact]
    public async Task A_holder_whose_lease_was_taken_over_stops_without_storing_its_page()
    {
        _fake.Put(Dataset, Many(10));
        var secondInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fake.OnRequest = r => { if (r.Number == 2) secondInFlight.SetResult(); };
        var release = new TaskCompletionSource();
        _fake.On(2, new Fault.Hold(release.Task));

        var run = RunAsync();
        await secondInFlight.Task;
        await using (var db = _db.CreateDbContext())
            await db.SyncLeases.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, "otro-servidor:1:nuevo"));
        release.SetResult();
        var result = await run;

        Assert.Contains("otro proceso continuó esta sincronización", result.Error);
        Assert.Equal(3, await CountAsync());
        Assert.Equal("otro-servidor:1:nuevo", (await LeaseAsync()).Holder);
    }

    private async Task<SyncLease> SeedLeaseAsync(SyncLease lease)
    {
        await using var db = _db.CreateDbContext();
        db.SyncLeases.Add(lease);
        db.SyncRuns.Add(new SyncRun { Dataset = lease.Dataset, Source = "socrata", StartedAt = lease.HeartbeatAt, Holder = lease.Holder, RowsRead = 3 });
        await db.SaveChangesAsync();
        return lease;
    }

    private async Task<SyncLease> LeaseAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.SyncLeases.AsNoTracking().SingleAsync();
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (done(value) || timeout.IsCancellationRequested) return value;
            await Task.Delay(20);
        }
    }

    private static SodaCursor Cursor(int n) => new(Stamp(n), RowId(n));

    private async Task<int> CountAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.Procesos.CountAsync();
    }

    private Task<SyncResult> RunAsync(Action<SyncOptions>? configure = null) =>
        NewSync(configure).RunAsync(new ProcesosDataset(), CancellationToken.None);

    private SecopSync NewSync(Action<SyncOptions>? configure = null, IDbContextFactory<AppDbContext>? factory = null, TimeProvider? time = null)
    {
        var settings = new SyncOptions
        {
            Source = "socrata", BaseUrl = _fake.BaseUrl, PageSize = PageSize, OverlapMinutes = 0,
            MaxRetries = 3, RetryBaseDelayMs = 10, RetryMaxDelayMs = 2_000, RequestTimeoutSeconds = 5,
        };
        configure?.Invoke(settings);
        var options = Options.Create(settings);
        var source = SocrataClient(options);
        var entities = Options.Create(new EntitiesOptions { Items = [new EntityOptions { Nit = Palmira }] });
        return new SecopSync(factory ?? _db, source, options, entities, time ?? TimeProvider.System, NullLogger<SecopSync>.Instance);
    }

    /// <summary>The SocrataSource as the app registers it: its HttpClient comes with the retry and timeout pipeline.</summary>
    private SocrataSource SocrataClient(IOptions<SyncOptions> options)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddSingleton(options);
        services.AddSocrataClient();
        var provider = services.BuildServiceProvider();
        _clients.Add(provider);
        return provider.GetRequiredService<SocrataSource>();
    }

    /// <summary>Stands in for the demo generator: a source named "demo" with a single page.</summary>
    private sealed class DemoRows(IReadOnlyList<JsonObject> rows) : IRowSource
    {
        public string Name => "demo";

        public Task<IReadOnlyList<JsonObject>> FetchPageAsync(SodaQuery query, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<JsonObject>>(query.After is null ? rows : []);
    }

    /// <summary>Cancels the run's token as the n-th page is being saved, after the sync has counted it.</summary>
    private sealed class CancelOnPageSave(TestDb db, CancellationTokenSource cts, int page) : SaveChangesInterceptor, IDbContextFactory<AppDbContext>
    {
        private int _pages;

        public AppDbContext CreateDbContext() => db.Settings.CreateDbContext(o => o.AddInterceptors(this));

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            // A page's save carries its checkpoint (the rows themselves go through RowUpsert, outside the change tracker).
            if (eventData.Context!.ChangeTracker.Entries<SyncCheckpoint>().Any() && ++_pages == page) cts.Cancel();
            return ValueTask.FromResult(result);
        }
    }
}
