using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Sync;

public static class FirstStart
{
    /// <summary>On first start with an empty database, fill it from the configured source before serving.</summary>
    public static async Task LoadIfEmptyAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        if (!services.GetRequiredService<IOptions<SyncOptions>>().Value.LoadOnFirstStart) return;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct))
            if (await db.SyncRuns.AnyAsync(ct)) return;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FirstStart));
        var sync = services.GetRequiredService<SecopSync>();
        log.LogInformation("Base de datos vacía: cargando datos desde la fuente '{Source}' antes de servir", sync.SourceName);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var results = await sync.RunAllAsync(ct);
        log.LogInformation("Carga inicial: {Rows} filas guardadas en {Seconds:F1} s ({Failed} conjuntos con error)",
            results.Sum(r => r.RowsUpserted), started.Elapsed.TotalSeconds, results.Count(r => !r.Succeeded));
    }
}
