using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Inicio;

public sealed record HomeFigures(int LineasPaa, int Procesos, int Contratos, long ValorContratado, int Proveedores, int Asociaciones);

public static class HomeSummary
{
    public static async Task<HomeFigures> LoadAsync(IDbContextFactory<AppDbContext> dbFactory, MonitorSnapshot monitor, CancellationToken ct = default)
    {
        var proveedores = (await monitor.GetAsync(ct)).Proveedores;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var currentLines = db.PaaLines.Where(l => db.PaaVigentes.Any(v => v.CodigoEntidad == l.CodigoEntidad && v.Annio == l.Annio && v.Version == l.VersionDelPaa));
        var contratos = await db.Contratos.Select(c => new ContratoCifra(c.EstadoContrato, c.ValorDelContrato)).ToListAsync(ct);
        return Figures(await currentLines.CountAsync(ct), await db.Procesos.CountAsync(ct), contratos, proveedores, await db.Asociaciones.CountAsync(a => !a.EsDemo, ct));
    }

    public sealed record ContratoCifra(string? Estado, long? Valor);

    /// <summary>
    /// The home page's figures under the shared rules: only counted contracts (CONTRACTS §7, set A) and their value; a
    /// supplier "participated" when its identity has at least one participation (CONTRACTS §4), not one per registry row.
    /// </summary>
    public static HomeFigures Figures(int lineasPaa, int procesos, IEnumerable<ContratoCifra> contratos, IEnumerable<ProveedorHistoria> proveedores, int asociaciones)
    {
        var contados = contratos.Where(c => SecopRules.CountsAsContract(c.Estado)).ToList();
        return new HomeFigures(lineasPaa, procesos, contados.Count, contados.Sum(c => c.Valor ?? 0), proveedores.Count(p => p.Participaciones.Count > 0), asociaciones);
    }
}
