using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OpenLicitaciones.Components;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Banco;

/// <summary>
/// The opportunities of the current and next fiscal year, built once from the database and kept in memory until the
/// data changes: filtering thousands of lines in memory is milliseconds, and the join of plan, processes and
/// contracts is done once per sync instead of once per request.
/// </summary>
public sealed class BancoSnapshot
{
    private readonly TimeProvider _time;
    private readonly DerivedView<Built> _view;

    private sealed record Built(IReadOnlyList<Oportunidad> Rows, int Year);

    public BancoSnapshot(IDbContextFactory<AppDbContext> dbFactory, DataChangedNotifier notifier, Modalidades modalidades, TimeProvider time,
        ILogger<BancoSnapshot>? log = null)
    {
        _time = time;
        _view = new DerivedView<Built>(notifier, log ?? (ILogger)NullLogger.Instance, async ct =>
        {
            var year = ColombiaTime.Now(time).Year;
            return new Built(await BuildAsync(dbFactory, modalidades, [year, year + 1], ct), year);
        }, built => built.Year == ColombiaTime.Now(_time).Year);
    }

    public async Task<IReadOnlyList<Oportunidad>> GetAsync(CancellationToken ct = default) => (await _view.GetAsync(ct)).Rows;

    public static async Task<IReadOnlyList<Oportunidad>> BuildAsync(IDbContextFactory<AppDbContext> dbFactory, Modalidades modalidades,
        IReadOnlyList<int> years, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vigentes = await db.PaaVigentes.AsNoTracking().Where(v => years.Contains(v.Annio)).ToListAsync(ct);
        var lines = await db.PaaLines.AsNoTracking()
            .Where(l => years.Contains(l.Annio) && db.PaaVigentes.Any(v => v.CodigoEntidad == l.CodigoEntidad && v.Annio == l.Annio
                                                                           && (v.Version == l.VersionDelPaa || v.VersionAnterior == l.VersionDelPaa)))
            .Select(l => new
            {
                l.Id, l.CodigoEntidad, l.Annio, l.VersionDelPaa, l.Descripcion, l.CategoriasUnspsc, l.MesEsperadoInicio, l.MesEsperadoRecepcion,
                l.ValorTotalEsperado, l.Modalidad, l.ProcesosRelacionados, l.UrlProceso, l.Fingerprint, l.FechaVersion,
            })
            .ToListAsync(ct);
        var current = lines.Where(l => vigentes.Any(v => v.CodigoEntidad == l.CodigoEntidad && v.Annio == l.Annio && v.Version == l.VersionDelPaa)).ToList();
        var previous = lines.Except(current).GroupBy(l => (l.CodigoEntidad, l.Annio))
            .ToDictionary(g => g.Key, g => g.Select(l => l.Fingerprint).ToHashSet());
        var firstSeen = lines.GroupBy(l => l.Fingerprint).ToDictionary(g => g.Key, g => g.Min(l => l.FechaVersion));

        var refs = current.ToDictionary(l => l.Id, l => ProcesoRefs.Parse(l.ProcesosRelacionados, l.UrlProceso));
        var all = refs.Values.SelectMany(r => r).Distinct().ToList();
        var reqs = all.Where(r => r.StartsWith("CO1.REQ.", StringComparison.Ordinal)).ToList();
        var bdos = all.Where(r => r.StartsWith("CO1.BDOS.", StringComparison.Ordinal)).ToList();
        var ntcs = all.Where(r => r.StartsWith("CO1.NTC.", StringComparison.Ordinal)).ToList();
        var procesos = await db.Procesos.AsNoTracking()
            .Where(p => reqs.Contains(p.IdDelProceso) || bdos.Contains(p.IdDelPortafolio!) || ntcs.Contains(p.NoticeUid!))
            .Select(p => new ProcesoVinculado(p.IdDelProceso, p.IdDelPortafolio, p.NoticeUid, p.EstadoDelProcedimiento, p.EstadoResumen,
                p.Adjudicado, p.FechaPublicacion, p.FechaRecepcion, p.FechaAdjudicacion, p.Modalidad, p.NombreUnidad, p.PrecioBase,
                p.ValorTotalAdjudicacion, p.NombreProveedor, p.NitProveedorAdjudicado, p.CodigoProveedor, p.UrlProceso))
            .ToListAsync(ct);
        var portfolios = procesos.Select(p => p.IdDelPortafolio).Where(b => b is not null).Concat(bdos).Distinct().ToList();
        var notices = procesos.Select(p => p.NoticeUid).Where(n => n is not null).Concat(ntcs).Distinct().ToList();
        var contratos = await db.Contratos.AsNoTracking()
            .Where(c => portfolios.Contains(c.ProcesoDeCompra) || notices.Contains(c.NoticeUid))
            .Select(c => new { c.NoticeUid, Vinculado = new ContratoVinculado(c.IdContrato, c.ProcesoDeCompra, c.EstadoContrato, c.FechaDeFirma,
                c.ValorDelContrato, c.ProveedorAdjudicado, c.DocumentoProveedor, c.TipoDocProveedor, c.CodigoProveedor, c.UrlProceso) })
            .ToListAsync(ct);

        var processByRef = new Dictionary<string, List<ProcesoVinculado>>();
        foreach (var p in procesos)
            foreach (var key in new[] { p.IdDelProceso, p.IdDelPortafolio, p.NoticeUid }.OfType<string>())
                (processByRef.TryGetValue(key, out var list) ? list : processByRef[key] = []).Add(p);
        var contractsByRef = new Dictionary<string, List<ContratoVinculado>>();
        foreach (var c in contratos)
            foreach (var key in new[] { c.Vinculado.ProcesoDeCompra, c.NoticeUid }.OfType<string>())
                (contractsByRef.TryGetValue(key, out var list) ? list : contractsByRef[key] = []).Add(c.Vinculado);

        return current.Select(l =>
        {
            var linked = refs[l.Id].SelectMany(r => processByRef.GetValueOrDefault(r) ?? []).DistinctBy(p => p.IdDelProceso).ToList();
            var contractKeys = linked.SelectMany(p => new[] { p.IdDelPortafolio, p.NoticeUid }).Concat(refs[l.Id]).OfType<string>();
            var contracts = contractKeys.SelectMany(k => contractsByRef.GetValueOrDefault(k) ?? []).DistinctBy(c => c.IdContrato).ToList();
            var planned = modalidades.Resolve(l.Modalidad);
            var actual = linked.OrderByDescending(p => p.FechaPublicacion).FirstOrDefault() is { Modalidad: { } m } ? modalidades.Resolve(m) : planned;
            var isNew = previous.TryGetValue((l.CodigoEntidad, l.Annio), out var before) && !before.Contains(l.Fingerprint);
            return new Oportunidad(l.Id, l.CodigoEntidad, l.Annio, l.VersionDelPaa, l.Descripcion, l.CategoriasUnspsc.Split(';', StringSplitOptions.RemoveEmptyEntries),
                l.MesEsperadoInicio ?? l.MesEsperadoRecepcion, l.ValorTotalEsperado, l.Modalidad, planned, actual,
                linked.Select(p => p.Unidad).FirstOrDefault(u => u is not null), isNew, firstSeen.GetValueOrDefault(l.Fingerprint), linked, contracts);
        }).ToList();
    }
}
