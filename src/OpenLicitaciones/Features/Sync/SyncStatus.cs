using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Sync;

public sealed record DatasetStatus(string Dataset, string Nombre, string Source, DateTime StartedAt, DateTime? FinishedAt,
    int RowsRead, int RowsUpserted, int RowsQuarantined, string? Error);

/// <summary>What the shell shows: when data last changed successfully and whether it is demo data.</summary>
public sealed record DataFreshness(DateTime? LastSuccessUtc, bool IsDemo, int FailedDatasets);

public sealed class SyncStatusQuery(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>
    /// The last run of each dataset, in the sync's dataset order. An open run whose process died is shown as
    /// interrupted even before the next run takes its lease over and closes it.
    /// </summary>
    public async Task<IReadOnlyList<DatasetStatus>> LastRunsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lastIds = db.SyncRuns.GroupBy(r => r.Dataset).Select(g => g.Max(r => r.Id));
        var runs = await db.SyncRuns.AsNoTracking().Where(r => lastIds.Contains(r.Id)).ToListAsync(ct);
        var leases = await db.SyncLeases.AsNoTracking().ToDictionaryAsync(l => l.Dataset, ct);
        var now = time.GetUtcNow().UtcDateTime;
        return SecopDatasets.All.Select(d => runs.FirstOrDefault(r => r.Dataset == d.Id) is { } r ? Status(r, d, leases, now) : null)
            .OfType<DatasetStatus>().ToList();
    }

    /// <summary>The last <paramref name="perDataset"/> runs of each dataset, newest first, in the sync's dataset order.</summary>
    public async Task<IReadOnlyList<DatasetStatus>> RecentRunsAsync(int perDataset, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var leases = await db.SyncLeases.AsNoTracking().ToDictionaryAsync(l => l.Dataset, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var recent = new List<DatasetStatus>();
        foreach (var d in SecopDatasets.All)
        {
            var runs = await db.SyncRuns.AsNoTracking().Where(r => r.Dataset == d.Id).OrderByDescending(r => r.Id).Take(perDataset).ToListAsync(ct);
            recent.AddRange(runs.Select(r => Status(r, d, leases, now)));
        }
        return recent;
    }

    private static DatasetStatus Status(SyncRun r, SecopDataset d, Dictionary<string, SyncLease> leases, DateTime now) =>
        new(r.Dataset, d.Nombre, r.Source, Utc(r.StartedAt), r.FinishedAt is { } f ? Utc(f) : null, r.RowsRead, r.RowsUpserted, r.RowsQuarantined,
            r.FinishedAt is null && !StillRunning(r, leases.GetValueOrDefault(r.Dataset), now) ? SecopSync.Interrupted : r.Error);

    // Run times are stored in UTC; SQLite hands them back unmarked.
    private static DateTime Utc(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);

    private static bool StillRunning(SyncRun run, SyncLease? lease, DateTime now) =>
        lease is not null && lease.Holder == run.Holder
        && ProcessIdentity.WhyDead(lease, now, ProcessIdentity.Current, ProcessIdentity.StartOf) is null;

    public async Task<DataFreshness> FreshnessAsync(CancellationToken ct = default)
    {
        var runs = await LastRunsAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lastSuccess = await db.SyncRuns.Where(r => r.FinishedAt != null && r.Error == null).MaxAsync(r => r.FinishedAt, ct);
        var isDemo = await db.Procesos.AnyAsync(p => p.Source == "demo", ct) || await db.PaaLines.AnyAsync(p => p.Source == "demo", ct);
        return new DataFreshness(lastSuccess, isDemo, runs.Count(r => r.Error is not null));
    }
}
