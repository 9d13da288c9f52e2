using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Sync;

public static class FirstStart
{
    /// <summary>
    /// Before serving, load every dataset that has never synced successfully: the whole source on a first start with
    /// an empty database, or what an interrupted first load left undone.
    /// </summary>
    public static async Task LoadMissingDatasetsAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        if (!services.GetRequiredService<IOptions<SyncOptions>>().Value.LoadOnFirstStart) return;
        List<string> loaded;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct))
            loaded = await db.SyncRuns.Where(r => r.FinishedAt != null && r.Error == null).Select(r => r.Dataset).Distinct().ToListAsync(ct);
        var missing = SecopDatasets.All.Where(d => !loaded.Contains(d.Id)).ToList();
        if (missing.Count == 0) return;

        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FirstStart));
        var sync = services.GetRequiredService<SecopSync>();
        log.LogInformation("Cargando {Count} conjuntos desde la fuente '{Source}' antes de servir", missing.Count, sync.SourceName);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var results = new List<SyncResult>();
        foreach (var dataset in missing) results.Add(await sync.RunAsync(dataset, ct));
        var rows = results.Sum(r => r.RowsUpserted);
        log.LogInformation("Carga inicial: {Rows} filas en {Seconds:F1} s ({RowsPerSecond:F0} filas/s), {Failed} conjuntos con error",
            rows, started.Elapsed.TotalSeconds, rows / Math.Max(0.001, started.Elapsed.TotalSeconds), results.Count(r => !r.Succeeded));
    }
}
