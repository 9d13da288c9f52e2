using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Sync;

public sealed record SyncResult(string Dataset, string Source, int RowsRead, int RowsUpserted, int RowsQuarantined, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Reads a dataset page by page from a source, maps every row, and stores each page with its checkpoint in one
/// transaction: a crash or cancellation loses nothing and the next run resumes where the last page ended.
/// </summary>
public sealed class SecopSync(
    IDbContextFactory<AppDbContext> dbFactory,
    IRowSource source,
    IOptions<SyncOptions> options,
    IOptions<EntitiesOptions> entities,
    TimeProvider time,
    ILogger<SecopSync> log)
{
    /// <summary>What a run left open by a process that died is closed with.</summary>
    public const string Interrupted = "Sincronización interrumpida: el proceso terminó antes de cerrarla; la siguiente continúa desde el último punto guardado.";
    public const string Cancelled = "Sincronización cancelada; la próxima continúa desde el último punto guardado.";
    private const string Failed = "La última sincronización de este conjunto falló; se reintentará en la próxima ejecución.";

    /// <summary>
    /// What the public sees of a stored run error: our own sentences as they are; anything else (it can carry exception
    /// text) becomes one general sentence, the detail staying in the log and the database.
    /// </summary>
    public static string? PublicError(string? stored) => stored is null or Interrupted or Cancelled ? stored : Failed;

    // A holder on another machine is given up a minute after its last heartbeat; it beats four times a minute
    // on a timer, so a slow page or a slow database never lets a live holder's lease lapse.
    private static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(15);
    private readonly ProcessIdentity _me = ProcessIdentity.Current;
    private readonly HashSet<long> _runsWithoutOtherSources = [];
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public string SourceName => source.Name;

    /// <summary>All datasets in dependency order (headers, offers and suppliers are selected from what came before).</summary>
    public async Task<IReadOnlyList<SyncResult>> RunAllAsync(CancellationToken ct)
    {
        var results = new List<SyncResult>();
        foreach (var dataset in SecopDatasets.All) results.Add(await RunAsync(dataset, ct));
        return results;
    }

    public Task<SyncResult> RunAsync(SecopDataset dataset, CancellationToken ct) => RunAsync(dataset, null, ct);

    /// <param name="rowsRead">Told the rows read so far each time a page is stored (the CLI's progress bar).</param>
    public async Task<SyncResult> RunAsync(SecopDataset dataset, IProgress<int>? rowsRead, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (!await TryAcquireLeaseAsync(dataset.Id, ct))
        {
            log.LogWarning("{Dataset}: otra sincronización de este conjunto está en curso; esta no empieza", dataset.Id);
            return new SyncResult(dataset.Id, source.Name, 0, 0, 0, $"{dataset.Id}: otra sincronización de este conjunto está en curso");
        }

        var run = new SyncRun { Dataset = dataset.Id, Source = source.Name, StartedAt = Now(), Holder = _holder };
        var unknownColumns = new SortedSet<string>(StringComparer.Ordinal);
        using var stopBeating = new CancellationTokenSource();
        var heartbeat = BeatAsync(dataset.Id, stopBeating.Token);
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                db.SyncRuns.Add(run);
                await db.SaveChangesAsync(ct);
            }
            await ReadAllPagesAsync(dataset, run, unknownColumns, rowsRead, ct);
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                await dataset.AfterRunAsync(db, ct);
        }
        catch (OperationCanceledException)
        {
            run.Error = Cancelled;
        }
        catch (SyncFailedException e)
        {
            run.Error = e.Message;
        }
        catch (Exception e)
        {
            // A bug or a database problem must not take the server down: record it and let the next run try again.
            log.LogError(e, "{Dataset}: error inesperado en la sincronización", dataset.Id);
            run.Error = $"Error interno: {e.Message}";
        }
        finally
        {
            await stopBeating.CancelAsync();
            await heartbeat;
            run.FinishedAt = Now();
            run.UnknownColumns = unknownColumns.Count > 0 ? string.Join(", ", unknownColumns) : null;
            await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
            {
                if (run.Id != 0) db.SyncRuns.Update(run);
                await db.SaveChangesAsync(CancellationToken.None);
                await db.SyncLeases.Where(l => l.Dataset == dataset.Id && l.Holder == _holder).ExecuteDeleteAsync(CancellationToken.None);
            }
        }

        if (unknownColumns.Count > 0)
            log.LogWarning("{Dataset}: columnas nuevas en la fuente (se toleran): {Columns}", dataset.Id, run.UnknownColumns);
        if (run.Error is null)
            log.LogInformation("{Dataset} ({Source}): {Read} filas leídas, {Upserted} guardadas, {Quarantined} en cuarentena, {Ms} ms",
                dataset.Id, source.Name, run.RowsRead, run.RowsUpserted, run.RowsQuarantined, clock.ElapsedMilliseconds);
        else
            log.LogError("{Dataset} ({Source}) falló tras {Read} filas leídas y {Upserted} guardadas: {Error}",
                dataset.Id, source.Name, run.RowsRead, run.RowsUpserted, run.Error);
        ct.ThrowIfCancellationRequested();
        return new SyncResult(dataset.Id, source.Name, run.RowsRead, run.RowsUpserted, run.RowsQuarantined, run.Error);
    }

    private async Task ReadAllPagesAsync(SecopDataset dataset, SyncRun run, SortedSet<string> unknownColumns, IProgress<int>? rowsRead, CancellationToken ct)
    {
        IReadOnlyList<RowFilter> filters;
        SodaCursor? start = null;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            filters = await dataset.FiltersAsync(db, entities.Value.Nits, ct);
            if (dataset.Incremental) start = await StartCursorAsync(db, dataset.Id, ct);
        }

        foreach (var filter in filters)
        {
            var cursor = start;
            while (true)
            {
                var rows = await source.FetchPageAsync(new SodaQuery(dataset.Id, filter, cursor, options.Value.PageSize), ct);
                if (rows.Count == 0) break;
                var next = LastCursor(rows) ?? throw new SyncFailedException($"{dataset.Id}: la fuente no devolvió :id ni :updated_at; no se puede paginar con seguridad");
                await StorePageAsync(dataset, run, rows, dataset.Incremental ? next : null, unknownColumns, ct);
                rowsRead?.Report(run.RowsRead);
                if (rows.Count < options.Value.PageSize) break;
                if (cursor is not null && Compare(next, cursor) <= 0)
                    throw new SyncFailedException($"{dataset.Id}: la fuente devolvió filas fuera de orden; se detiene para no repetir páginas sin fin");
                cursor = next;
            }
        }
    }

    private async Task StorePageAsync(SecopDataset dataset, SyncRun run, IReadOnlyList<JsonObject> rows, SodaCursor? checkpoint,
        SortedSet<string> unknownColumns, CancellationToken ct)
    {
        var raws = rows.Select(json => new RawRow(json)).ToList();
        IReadOnlySet<RawRow> unchanged;
        await using (var read = await dbFactory.CreateDbContextAsync(ct)) unchanged = await dataset.UnchangedAsync(read, raws, source.Name, ct);
        var mapped = new List<SyncedRow>(rows.Count);
        var quarantined = new List<QuarantinedRow>();
        foreach (var raw in raws)
        {
            var json = raw.Json;
            foreach (var (column, _) in json)
                if (!column.StartsWith(':') && !dataset.Columns.Contains(column)) unknownColumns.Add(column);
            if (unchanged.Contains(raw)) continue;
            try
            {
                mapped.Add(MapRow(dataset, raw, source.Name));
            }
            catch (RowRejectedException e)
            {
                quarantined.Add(new QuarantinedRow
                {
                    SyncRunId = run.Id, Dataset = dataset.Id, RowKey = SafeKey(dataset, raw), Reason = e.Message,
                    RawJson = json.ToJsonString(), QuarantinedAt = Now(),
                });
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await RowUpsert.BeginPageAsync(db, ct);
        // Switching to live data removes the demo rows in the same transaction that stores the run's first page (once per
        // run: on a large table the delete reads every row).
        var removing = mapped.Count > 0 && !_runsWithoutOtherSources.Contains(run.Id);
        if (removing) await dataset.RemoveOtherSourcesAsync(db, source.Name, ct);
        var upserted = await dataset.UpsertAsync(db, mapped, ct);
        db.Quarantine.AddRange(quarantined);
        if (checkpoint is not null) await SaveCheckpointAsync(db, dataset.Id, checkpoint);
        // A holder that stalled past its lease may have been replaced: it must not write over the new holder's pages.
        if (await RenewLeaseAsync(db, dataset.Id, ct) == 0)
            throw new SyncFailedException($"{dataset.Id}: otro proceso continuó esta sincronización; esta se detiene sin guardar la página");
        run.RowsRead += rows.Count;
        run.RowsUpserted += upserted;
        run.RowsQuarantined += quarantined.Count;
        db.SyncRuns.Update(run);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            if (removing) _runsWithoutOtherSources.Add(run.Id);
        }
        catch
        {
            // The page was rolled back; the run record written at the end must not count it.
            run.RowsRead -= rows.Count;
            run.RowsUpserted -= upserted;
            run.RowsQuarantined -= quarantined.Count;
            throw;
        }
    }

    /// <summary>A source row as the entity stored for it, with where it came from; throws <see cref="RowRejectedException"/>.</summary>
    public static SyncedRow MapRow(SecopDataset dataset, RawRow raw, string source)
    {
        var row = dataset.Map(raw);
        row.Source = source;
        row.SodaId = raw.SystemId;
        row.SodaUpdatedAt = raw.SystemUpdatedAt;
        return row;
    }

    private static string? SafeKey(SecopDataset dataset, RawRow raw)
    {
        try { return dataset.KeyOf(raw) ?? raw.SystemId; }
        catch (RowRejectedException) { return raw.SystemId; }
    }

    private async Task<SodaCursor?> StartCursorAsync(AppDbContext db, string dataset, CancellationToken ct)
    {
        var saved = await db.SyncCheckpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Dataset == dataset, ct);
        if (saved is null || saved.Source != source.Name) return null;
        if (options.Value.OverlapMinutes == 0) return new SodaCursor(saved.UpdatedAt, saved.RowId);
        // Re-read an overlap window before the checkpoint: rows re-stamped meanwhile are caught, upserts absorb repeats.
        if (!DateTime.TryParse(saved.UpdatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            return new SodaCursor(saved.UpdatedAt, saved.RowId);
        return new SodaCursor((at - TimeSpan.FromMinutes(options.Value.OverlapMinutes)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), "");
    }

    private async Task SaveCheckpointAsync(AppDbContext db, string dataset, SodaCursor cursor)
    {
        var checkpoint = await db.SyncCheckpoints.FirstOrDefaultAsync(c => c.Dataset == dataset);
        if (checkpoint is null) db.SyncCheckpoints.Add(checkpoint = new SyncCheckpoint { Dataset = dataset });
        checkpoint.Source = source.Name;
        checkpoint.UpdatedAt = cursor.UpdatedAt;
        checkpoint.RowId = cursor.RowId;
        checkpoint.SavedAt = Now();
    }

    private static SodaCursor? LastCursor(IReadOnlyList<JsonObject> rows)
    {
        var raw = new RawRow(rows[^1]);
        return raw.SystemId is { } id && raw.SystemUpdatedAt is { } at ? new SodaCursor(at, id) : null;
    }

    private static int Compare(SodaCursor a, SodaCursor b)
    {
        var c = string.CompareOrdinal(a.UpdatedAt, b.UpdatedAt);
        return c != 0 ? c : string.CompareOrdinal(a.RowId, b.RowId);
    }

    /// <summary>
    /// A lease row per dataset: one writer at a time across the server's jobs and the CLI. A lease whose holder is
    /// judged dead is taken over, and the runs it left open are closed as interrupted.
    /// </summary>
    private async Task<bool> TryAcquireLeaseAsync(string dataset, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now();
        var held = await db.SyncLeases.AsNoTracking().FirstOrDefaultAsync(l => l.Dataset == dataset, ct);
        if (held is null)
        {
            db.SyncLeases.Add(new SyncLease
            {
                Dataset = dataset, Holder = _holder, Machine = _me.Machine, ProcessId = _me.ProcessId, ProcessStart = _me.Start,
                HeartbeatAt = now, ExpiresAt = now + LeaseLength,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return false; // another process inserted the lease first
            }
        }
        else
        {
            var whyDead = held.Holder == _holder ? null : ProcessIdentity.WhyDead(held, now, _me, ProcessIdentity.StartOf);
            if (held.Holder != _holder && whyDead is null) return false;
            // Replaces only the holder that was judged: if another process took the lease meanwhile, this one backs off.
            var taken = await db.SyncLeases.Where(l => l.Dataset == dataset && l.Holder == held.Holder).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Holder, _holder).SetProperty(l => l.Machine, _me.Machine).SetProperty(l => l.ProcessId, _me.ProcessId)
                .SetProperty(l => l.ProcessStart, _me.Start).SetProperty(l => l.HeartbeatAt, now).SetProperty(l => l.ExpiresAt, now + LeaseLength), ct);
            if (taken == 0) return false;
            if (whyDead is not null)
                log.LogWarning("{Dataset}: se retoma la sincronización que tenía {Holder}, dada por terminada: {Reason}", dataset, held.Holder, whyDead);
        }
        // Whoever holds the lease is the only one syncing this dataset, so any run still open was cut short.
        await db.SyncRuns.Where(r => r.Dataset == dataset && r.FinishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Error, Interrupted), ct);
        return true;
    }

    private Task<int> RenewLeaseAsync(AppDbContext db, string dataset, CancellationToken ct)
    {
        var now = Now();
        return db.SyncLeases.Where(l => l.Dataset == dataset && l.Holder == _holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.HeartbeatAt, now).SetProperty(l => l.ExpiresAt, now + LeaseLength), ct);
    }

    /// <summary>Renews the lease on a timer while the run works, however long one page takes.</summary>
    private async Task BeatAsync(string dataset, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(HeartbeatEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(stop);
                    await RenewLeaseAsync(db, dataset, stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The lease outlives three missed beats; the next tick tries again.
                    log.LogWarning(e, "{Dataset}: no se pudo renovar el turno de sincronización", dataset);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
