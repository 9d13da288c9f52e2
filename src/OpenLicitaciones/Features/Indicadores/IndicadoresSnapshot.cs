using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Components;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Indicadores;

/// <summary>
/// Every indicator of the board in every year and quarter of the window, with what they were computed from so that a
/// detail can list its rows. Built once per data change and shared by the board, the API and the print view.
/// </summary>
public sealed class DatosIndicadores(
    FuentesIndicadores fuentes, IReadOnlyList<ResultadoIndicador> anuales, IReadOnlyList<ResultadoIndicador> trimestrales, int desde, int hasta,
    IReadOnlyList<string> avisos, Func<string, string> nombreModalidad, Func<Periodo, IReadOnlyDictionary<string, string>> urlsProcesos,
    Func<int, IReadOnlyDictionary<string, string>> textosPlan, MetasIndicadores metas)
{
    private readonly Dictionary<(string, Periodo), ResultadoIndicador> _porClave =
        anuales.Concat(trimestrales).ToDictionary(r => (r.Codigo, r.Periodo));
    private readonly ConcurrentDictionary<(string, Periodo), Lazy<IReadOnlyList<FilaDetalle>>> _detalles = new();
    private readonly ConcurrentDictionary<Periodo, Lazy<IReadOnlyList<ModalidadMujer>>> _modalidades = new();

    /// <summary>First and last year of the window (the last is the current year, in progress).</summary>
    public int Desde => desde;
    public int Hasta => hasta;

    /// <summary>The targets in force when this version was built.</summary>
    public MetasIndicadores Metas => metas;

    /// <summary>Rows of the staff files that could not be used, for the page to say so.</summary>
    public IReadOnlyList<string> Avisos => avisos;

    public IReadOnlyList<ResultadoIndicador> Resultados(bool trimestral) => trimestral ? trimestrales : anuales;

    /// <summary>The periods of the window, oldest first.</summary>
    public IReadOnlyList<Periodo> Periodos(bool trimestral) => Resultados(trimestral).Select(r => r.Periodo).Distinct().ToList();

    public ResultadoIndicador? Resultado(string codigo, Periodo periodo) => _porClave.GetValueOrDefault((codigo, periodo));

    /// <summary>An indicator over every period of the window, oldest first.</summary>
    public IReadOnlyList<ResultadoIndicador> Serie(string codigo, bool trimestral) => Resultados(trimestral).Where(r => r.Codigo == codigo).ToList();

    /// <summary>The rows behind a result, computed on first request and kept with this version of the data.</summary>
    public IReadOnlyList<FilaDetalle> Detalle(string codigo, Periodo periodo) =>
        Guardado(_detalles, (codigo, periodo), () => DetalleIndicador.Filas(fuentes, codigo, periodo, nombreModalidad,
            codigo is "g5" or "g6" or "g8" or "r018" or "r013" ? urlsProcesos(periodo) : null, codigo == "g13" ? textosPlan(periodo.Anio) : null));

    /// <summary>Women-led firms against the others per modality in a period, computed on first request.</summary>
    public IReadOnlyList<ModalidadMujer> Modalidades(Periodo periodo) =>
        Guardado(_modalidades, periodo, () => PorModalidad.Calcular(fuentes.Participaciones(periodo)));

    public string NombreModalidad(string codigo) => nombreModalidad(codigo);

    // A few dozen details cover real use; past that (odd URLs) results are computed but not kept, so memory stays bounded.
    private static IReadOnlyList<T> Guardado<TKey, T>(ConcurrentDictionary<TKey, Lazy<IReadOnlyList<T>>> cache, TKey key, Func<IReadOnlyList<T>> calcular)
        where TKey : notnull =>
        cache.TryGetValue(key, out var hit) ? hit.Value
        : cache.Count >= 64 ? calcular()
        : cache.GetOrAdd(key, _ => new Lazy<IReadOnlyList<T>>(calcular)).Value;
}

public sealed class IndicadoresSnapshot
{
    /// <summary>Years of the board, the current one included: the trend's six years.</summary>
    public const int Anios = 6;

    private readonly DerivedView<DatosIndicadores> _view;

    public IndicadoresSnapshot(IDbContextFactory<AppDbContext> dbFactory, DataChangedNotifier notifier, MonitorSnapshot monitor, Modalidades modalidades,
        MetasVigentes metasVigentes, IOptions<MonitorOptions> monitorOptions, CertificacionesMujer certificaciones, TimeProvider time,
        ILogger<IndicadoresSnapshot> log)
    {
        var construidoEn = DateOnly.MinValue;
        _view = new DerivedView<DatosIndicadores>(notifier, log, async ct =>
        {
            var hoy = construidoEn = DateOnly.FromDateTime(ColombiaTime.Now(time));
            return await BuildAsync(dbFactory, monitor, modalidades, metasVigentes, monitorOptions.Value.AniosNuevo, certificaciones, hoy, ct);
        }, _ => construidoEn == DateOnly.FromDateTime(ColombiaTime.Now(time))); // a new day can open a new quarter or year
    }

    public Task<DatosIndicadores> GetAsync(CancellationToken ct = default) => _view.GetAsync(ct);

    private static async Task<DatosIndicadores> BuildAsync(IDbContextFactory<AppDbContext> dbFactory, MonitorSnapshot monitor, Modalidades modalidades,
        MetasVigentes metasVigentes, int aniosNuevo, CertificacionesMujer registro, DateOnly hoy, CancellationToken ct)
    {
        var (desde, hasta) = (hoy.Year - (Anios - 1), hoy.Year);
        var historias = await monitor.GetCurrentAsync(ct);
        // The Monitor's build has just left about a gigabyte of long-lived scaffolding (its lookups over a department's
        // million processes) that only a full collection frees; this build would otherwise pile its own work on top and
        // take the server past its 2 GiB (`benchmark vistas`, department). One blocking collection per rebuild, off any request.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);

        var (certificaciones, errores) = await registro.LeerAsync(ct);
        var avisos = errores.Select(e => e.ToString()).ToList();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var registroConNit = (await db.Asociaciones.AsNoTracking().Where(a => a.Nit != null).OrderBy(a => a.Id).Select(a => new { a.Nit, a.Nombre }).ToListAsync(ct))
            .Select(a => (a.Nit, a.Nombre));
        var productores = Ley2046.ProductoresPorNit(registroConNit, await ProductoresLocales.MarcadosAsync(db, ct));
        var metas = await metasVigentes.LeerAsync(ct);
        var lineas = await db.PaaLines.AsNoTracking()
            .Where(l => l.Annio >= desde && l.Annio <= hasta
                        && db.PaaVigentes.Any(v => v.CodigoEntidad == l.CodigoEntidad && v.Annio == l.Annio && v.Version == l.VersionDelPaa))
            .Select(l => new { l.Id, l.Annio, l.Modalidad, l.ValorTotalEsperado })
            .ToListAsync(ct);
        var plan = lineas.GroupBy(l => l.Annio).ToDictionary(g => g.Key, g => (IReadOnlyList<LineaPlan>)g
            .Select(l => new LineaPlan(l.Id, modalidades.Resolve(l.Modalidad), l.ValorTotalEsperado)).ToList());

        var fuentes = new FuentesIndicadores(historias.Proveedores, historias.Procesos, historias.HistoriaDesde, certificaciones, productores, plan, aniosNuevo);
        var trimestres = Periodo.Entre(desde, hasta, trimestral: true).Where(p => DateOnly.FromDateTime(p.Inicio) <= hoy);
        // Years and quarters in one call: the history behind G9 is grouped once.
        var resultados = Tablero.Calcular(fuentes, [.. Periodo.Entre(desde, hasta, trimestral: false), .. trimestres], metas.Meta);
        return new DatosIndicadores(fuentes,
            resultados.Where(r => r.Periodo.Trimestre is null).ToList(),
            resultados.Where(r => r.Periodo.Trimestre is not null).ToList(),
            desde, hasta, avisos, codigo => modalidades.ByCode(codigo)?.Label ?? (codigo == Modalidad.SinDato.Code ? "Modalidad sin dato" : "Otra modalidad"),
            periodo => UrlsProcesos(dbFactory, periodo), anio => TextosPlan(dbFactory, anio), metas);
    }

    /// <summary>What each line of the year's current plan says, read when G13's detail is first asked for.</summary>
    private static IReadOnlyDictionary<string, string> TextosPlan(IDbContextFactory<AppDbContext> dbFactory, int anio)
    {
        using var db = dbFactory.CreateDbContext();
        return db.PaaLines.AsNoTracking()
            .Where(l => l.Annio == anio && db.PaaVigentes.Any(v => v.CodigoEntidad == l.CodigoEntidad && v.Annio == l.Annio && v.Version == l.VersionDelPaa))
            .Select(l => new { l.Id, l.Descripcion }).AsEnumerable()
            .GroupBy(l => l.Id).ToDictionary(g => g.Key, g => PlainText.Clip(g.First().Descripcion, 200));
    }

    /// <summary>SECOP II's page of each process published in the period, read when a process detail is first asked for.</summary>
    private static IReadOnlyDictionary<string, string> UrlsProcesos(IDbContextFactory<AppDbContext> dbFactory, Periodo periodo)
    {
        using var db = dbFactory.CreateDbContext();
        var (inicio, fin) = (periodo.Inicio, periodo.Fin);
        return db.Procesos.AsNoTracking().Where(p => p.FechaPublicacion >= inicio && p.FechaPublicacion < fin && p.UrlProceso != null)
            .Select(p => new { p.IdDelProceso, p.UrlProceso }).AsEnumerable()
            .GroupBy(p => p.IdDelProceso).ToDictionary(g => g.Key, g => g.First().UrlProceso!);
    }
}
