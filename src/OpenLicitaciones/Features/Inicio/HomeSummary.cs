using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Inicio;

public sealed record HomeFigures(int LineasPaa, int Procesos, int Contratos, long ValorContratado, int Proveedores, int Asociaciones);

public static class HomeSummary
{
    public static async Task<HomeFigures> LoadAsync(IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var currentLines = db.PaaLines.Where(l => db.PaaVigentes.Any(v => v.CodigoEntidad == l.CodigoEntidad && v.Annio == l.Annio && v.Version == l.VersionDelPaa));
        return new HomeFigures(
            await currentLines.CountAsync(ct),
            await db.Procesos.CountAsync(ct),
            await db.Contratos.CountAsync(ct),
            await db.Contratos.SumAsync(c => c.ValorDelContrato ?? 0, ct),
            await db.Proveedores.CountAsync(ct),
            await db.Asociaciones.CountAsync(ct));
    }
}
