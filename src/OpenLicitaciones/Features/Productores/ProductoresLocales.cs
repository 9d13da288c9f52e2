using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Productores;

/// <summary>The suppliers staff marked as small producers or ACFC organisations (Ley 2046), read for G10 in Capacidad and the Indicadores.</summary>
public static class ProductoresLocales
{
    /// <summary>NIT → the supplier's name in SECOP's registry, or a label saying only the NIT is known.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> MarcadosAsync(AppDbContext db, CancellationToken ct)
    {
        var nits = await db.MarcasProductor.AsNoTracking().Where(m => m.PequenoProductor || m.Acfc).Select(m => m.Nit).ToListAsync(ct);
        if (nits.Count == 0) return new Dictionary<string, string>();
        var nombres = (await db.Proveedores.AsNoTracking().Where(p => p.Nit != null && nits.Contains(p.Nit) && p.Nombre != null)
                .Select(p => new { p.Nit, p.Nombre }).ToListAsync(ct))
            .GroupBy(p => p.Nit!).ToDictionary(g => g.Key, g => g.First().Nombre!);
        return nits.ToDictionary(n => n, n => nombres.GetValueOrDefault(n) ?? $"NIT {n} (marcado por la Secretaría)");
    }
}
