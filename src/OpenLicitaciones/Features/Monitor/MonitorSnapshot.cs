using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Monitor;

/// <summary>Every supplier's synced history, rebuilt in the background after each data change (see BancoSnapshot).</summary>
public sealed class MonitorSnapshot
{
    private readonly DerivedView<Built> _view;

    public MonitorSnapshot(IDbContextFactory<AppDbContext> dbFactory, DataChangedNotifier notifier, Modalidades modalidades, ILogger<MonitorSnapshot>? log = null) =>
        _view = new DerivedView<Built>(notifier, log ?? (ILogger)NullLogger.Instance, ct => BuildAsync(dbFactory, modalidades, ct));

    public sealed record Built(IReadOnlyList<ProveedorHistoria> Proveedores, DateTime? HistoriaDesde)
    {
        private readonly Lazy<Dictionary<string, string>> _names = new(() => Proveedores.ToDictionary(p => p.Id, p => SupplierIdentity.NormalizeName(p.Nombre)));
        private readonly ConcurrentDictionary<(int, int, int, string), Lazy<IReadOnlyList<Fila>>> _windows = new();
        private readonly ConcurrentDictionary<(int, int, int, string, string), Lazy<IReadOnlyList<Fila>>> _orders = new();

        /// <summary>Each supplier's name folded for search, computed once per snapshot rather than on every request.</summary>
        public string SearchName(ProveedorHistoria p) => _names.Value.TryGetValue(p.Id, out var name) ? name : SupplierIdentity.NormalizeName(p.Nombre);

        /// <summary>
        /// The suppliers that took part in the window, with their summaries, in the given order: computed once per snapshot,
        /// window and order, and shared by the API, the pages and the exports; filters then keep that order.
        /// </summary>
        public IReadOnlyList<Fila> Ventana(int desde, int hasta, int aniosNuevo, IReadOnlyList<string> municipios, string orden)
        {
            var lugar = string.Join('|', municipios);
            return Cached(_orders, (desde, hasta, aniosNuevo, lugar, orden), () => MonitorQuery.Order(Cached(_windows, (desde, hasta, aniosNuevo, lugar),
                () => Proveedores.Select(h => new Fila(h, MonitorCounts.Resumen(h, desde, hasta, aniosNuevo, municipios, HistoriaDesde)))
                    .Where(f => f.Resumen.Participaciones > 0).ToList()), orden));
        }

        // A few dozen windows cover real use; past that (odd URLs) results are computed but not kept, so memory stays bounded.
        private static IReadOnlyList<Fila> Cached<TKey>(ConcurrentDictionary<TKey, Lazy<IReadOnlyList<Fila>>> cache, TKey key, Func<IReadOnlyList<Fila>> compute)
            where TKey : notnull =>
            cache.TryGetValue(key, out var hit) ? hit.Value
            : cache.Count >= 64 ? compute()
            : cache.GetOrAdd(key, _ => new Lazy<IReadOnlyList<Fila>>(compute)).Value;

        private readonly ConcurrentDictionary<(int, int), Lazy<IReadOnlyList<Alerta>>> _alertas = new();

        /// <summary>
        /// The red flags of a window, computed once per snapshot and window: over a department's million processes one
        /// computation takes seconds (`benchmark --scale department`), and they change only when the data does.
        /// </summary>
        public IReadOnlyList<Alerta> Alertas(int desde, int hasta, MonitorOptions options) =>
            _alertas.TryGetValue((desde, hasta), out var hit) ? hit.Value
            : _alertas.Count >= 64 ? MonitorAlertas.Calcular(this, desde, hasta, options)
            : _alertas.GetOrAdd((desde, hasta), _ => new Lazy<IReadOnlyList<Alerta>>(() => MonitorAlertas.Calcular(this, desde, hasta, options))).Value;

        /// <summary>The entity's processes and awards as the red flags read them (see RedFlags).</summary>
        public IReadOnlyList<ProcesoMonitor> Procesos { get; init; } = [];
        public IReadOnlyList<(int? Anio, AdjudicacionMonitor Adjudicacion)> Adjudicaciones { get; init; } = [];
    }

    /// <summary>A supplier with its summary for one window.</summary>
    public sealed record Fila(ProveedorHistoria Historia, ResumenProveedor Resumen)
    {
        private MonitorItem? _item;

        /// <summary>The row as the API publishes it, made once per window rather than on every request.</summary>
        public MonitorItem Item => _item ??= MonitorItem.From(Resumen);
    }

    public Task<Built> GetAsync(CancellationToken ct = default) => _view.GetAsync(ct);

    /// <summary>Reads processes, registry, bids, offers and contracts once; both the histories and the red-flag inputs come from them.</summary>
    public static async Task<Built> BuildAsync(IDbContextFactory<AppDbContext> dbFactory, Modalidades modalidades, CancellationToken ct)
    {
        var rows = await LoadAsync(dbFactory, ct);
        var (suppliers, from) = BuildHistories(rows, modalidades);
        var (procesos, adjudicaciones) = BuildFlagInputs(rows, modalidades, suppliers);
        return new Built(suppliers, from) { Procesos = procesos, Adjudicaciones = adjudicaciones };
    }

    private sealed record ProcesoFila(string IdDelProceso, string? IdDelPortafolio, DateTime? FechaPublicacion, string? Modalidad, bool? Adjudicado,
        string? CodigoProveedor, string? NitProveedorAdjudicado, string? NombreProveedor, string? CiudadProveedor, string? EstadoDelProcedimiento,
        string? EstadoResumen, DateTime? FechaRecepcion, int? RespuestasAlProcedimiento, long? ValorTotalAdjudicacion, long? PrecioBase);

    private sealed record PropuestaFila(string IdProcedimiento, string? NitProveedor, string? CodigoProveedor, string? Proveedor, DateTime? FechaPublicacion);

    private sealed record OfertaFila(string IdDelProcesoDeCompra, string? NitDelProveedor, string? CodigoProveedor, string? NombreProveedor,
        DateTime? FechaDeRegistro, string? Modalidad);

    private sealed record Fuente(Dictionary<string, ProveedorRegistrado> Registry, List<ProcesoFila> Procesos, List<PropuestaFila> Proponentes,
        List<OfertaFila> Ofertas, List<ContratoFila> Contratos, string Secret);

    // Only the columns the Monitor reads: a contract row has about a hundred, and at a department's scale loading them
    // all held several GB during the build (`benchmark --scale department`).
    private sealed record ContratoFila(string IdContrato, string? ProcesoDeCompra, DateTime? FechaDeFirma, long? ValorDelContrato,
        string? Modalidad, string? EstadoContrato, bool? EsGrupo, string? TipoDocProveedor, string? DocumentoProveedor, string? CodigoProveedor,
        string? ProveedorAdjudicado, string? CodigoCategoriaPrincipal, string? UrlProceso, string? GeneroRepresentanteLegal, bool? EsPyme);

    private static async Task<Fuente> LoadAsync(IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new Fuente(
            await db.Proveedores.AsNoTracking().ToDictionaryAsync(p => p.Codigo, ct),
            await db.Procesos.AsNoTracking().Select(p => new ProcesoFila(p.IdDelProceso, p.IdDelPortafolio, p.FechaPublicacion, p.Modalidad, p.Adjudicado,
                p.CodigoProveedor, p.NitProveedorAdjudicado, p.NombreProveedor, p.CiudadProveedor, p.EstadoDelProcedimiento, p.EstadoResumen, p.FechaRecepcion,
                p.RespuestasAlProcedimiento, p.ValorTotalAdjudicacion, p.PrecioBase)).ToListAsync(ct),
            await db.Proponentes.AsNoTracking().Select(b => new PropuestaFila(b.IdProcedimiento, b.NitProveedor, b.CodigoProveedor, b.Proveedor, b.FechaPublicacion)).ToListAsync(ct),
            await db.Ofertas.AsNoTracking().Select(o => new OfertaFila(o.IdDelProcesoDeCompra, o.NitDelProveedor, o.CodigoProveedor, o.NombreProveedor, o.FechaDeRegistro, o.Modalidad)).ToListAsync(ct),
            await db.Contratos.AsNoTracking().Select(c => new ContratoFila(c.IdContrato, c.ProcesoDeCompra, c.FechaDeFirma, c.ValorDelContrato,
                c.Modalidad, c.EstadoContrato, c.EsGrupo, c.TipoDocProveedor, c.DocumentoProveedor, c.CodigoProveedor, c.ProveedorAdjudicado,
                c.CodigoCategoriaPrincipal, c.UrlProceso, c.GeneroRepresentanteLegal, c.EsPyme)).ToListAsync(ct),
            await InstallationSecret.GetAsync(db, null, ct));
    }

    private sealed class Acc(string key)
    {
        public string Key { get; } = key;
        public (DateTime When, string Name)? Name;
        public string? Nit, Municipio, TipoDocumento;
        public bool? EsGrupo, PymeRegistro;
        public readonly Dictionary<string, Participacion> Procesos = [];
        public readonly List<ContratoProveedor> Contratos = [];
        public readonly HashSet<string> Codigos = [];

        public void Saw(string? name, DateTime? when)
        {
            if (string.IsNullOrWhiteSpace(name) || PlainText.IsSentinel(name)) return;
            var at = when ?? DateTime.MinValue;
            if (Name is null || at >= Name.Value.When) Name = (at, name.Trim());
        }

        public void Took(string proceso, int? anio, Modalidad modalidad, bool oferto, bool adjudicado)
        {
            var before = Procesos.GetValueOrDefault(proceso);
            Procesos[proceso] = new Participacion(proceso, before?.Anio ?? anio, modalidad.Competitiva, modalidad.Code,
                oferto || before?.Oferto == true, adjudicado || before?.Adjudicado == true);
        }
    }

    private static (IReadOnlyList<ProveedorHistoria>, DateTime?) BuildHistories(Fuente rows, Modalidades modalidades)
    {
        var (registry, procesos, bidders, offers, contracts, secret) = (rows.Registry, rows.Procesos, rows.Proponentes, rows.Ofertas, rows.Contratos, rows.Secret);
        var byPortfolio = procesos.Where(p => p.IdDelPortafolio is not null).GroupBy(p => p.IdDelPortafolio!).ToDictionary(g => g.Key, g => g.First());
        var byId = procesos.ToDictionary(p => p.IdDelProceso);

        // One identity per document: a row that has only the supplier code takes the document that the registry or
        // any other row gives for that code, so a person seen by code only and by document stays one supplier.
        var documentByCode = registry.Values.Where(r => r.Nit is not null).ToDictionary(r => r.Codigo, r => r.Nit!);
        foreach (var (document, code) in procesos.Select(p => (p.NitProveedorAdjudicado, p.CodigoProveedor))
                     .Concat(bidders.Select(b => (b.NitProveedor, b.CodigoProveedor))).Concat(offers.Select(o => (o.NitDelProveedor, o.CodigoProveedor)))
                     .Concat(contracts.Select(c => (c.DocumentoProveedor, c.CodigoProveedor))))
            if (document is not null && code is not null) documentByCode.TryAdd(code, document);

        var suppliers = new Dictionary<string, Acc>();

        Acc? Supplier(string? nit, string? codigo)
        {
            var registered = codigo is null ? null : registry.GetValueOrDefault(codigo);
            var key = SupplierIdentity.Key(nit ?? (codigo is null ? null : documentByCode.GetValueOrDefault(codigo)), codigo);
            if (key is null) return null;
            if (!suppliers.TryGetValue(key, out var acc))
            {
                suppliers[key] = acc = new Acc(key) { Nit = key.StartsWith("c-", StringComparison.Ordinal) ? null : key };
            }
            if (codigo is not null) acc.Codigos.Add(codigo);
            if (registered is not null)
            {
                acc.Municipio ??= registered.Municipio;
                acc.PymeRegistro ??= registered.EsPyme;
                acc.EsGrupo ??= registered.EsGrupo;
                acc.Saw(registered.Nombre, DateTime.MinValue);
            }
            return acc;
        }

        foreach (var p in procesos.Where(p => p.Adjudicado == true))
            if (Supplier(p.NitProveedorAdjudicado, p.CodigoProveedor) is { } s)
            {
                s.Took(p.IdDelProceso, p.FechaPublicacion?.Year, modalidades.Resolve(p.Modalidad), false, true);
                s.Saw(p.NombreProveedor, p.FechaPublicacion);
                s.Municipio ??= p.CiudadProveedor;
            }

        foreach (var b in bidders)
            if (Supplier(b.NitProveedor, b.CodigoProveedor) is { } s)
            {
                var p = byId.GetValueOrDefault(b.IdProcedimiento);
                s.Took(b.IdProcedimiento, (p?.FechaPublicacion ?? b.FechaPublicacion)?.Year, modalidades.Resolve(p?.Modalidad), true, false);
                s.Saw(b.Proveedor, b.FechaPublicacion);
            }

        foreach (var o in offers)
            if (Supplier(o.NitDelProveedor, o.CodigoProveedor) is { } s)
            {
                var p = byPortfolio.GetValueOrDefault(o.IdDelProcesoDeCompra);
                s.Took(p?.IdDelProceso ?? o.IdDelProcesoDeCompra, (p?.FechaPublicacion ?? o.FechaDeRegistro)?.Year, modalidades.Resolve(p?.Modalidad ?? o.Modalidad), true, false);
                s.Saw(o.NombreProveedor, o.FechaDeRegistro);
            }

        DateTime? historyFrom = null;
        foreach (var c in contracts)
        {
            if (c.FechaDeFirma is { } f && (historyFrom is null || f < historyFrom)) historyFrom = f;
            if (Supplier(c.DocumentoProveedor, c.CodigoProveedor) is not { } s) continue;
            var p = c.ProcesoDeCompra is null ? null : byPortfolio.GetValueOrDefault(c.ProcesoDeCompra);
            var proceso = p?.IdDelProceso ?? c.ProcesoDeCompra ?? c.IdContrato;
            var vigente = SecopRules.CountsAsContract(c.EstadoContrato);
            var anio = p?.FechaPublicacion?.Year ?? c.FechaDeFirma?.Year;
            if (vigente) s.Took(proceso, anio, modalidades.Resolve(p?.Modalidad ?? c.Modalidad), false, true);
            s.Contratos.Add(new ContratoProveedor(c.IdContrato, proceso, anio, c.FechaDeFirma, c.ValorDelContrato, vigente, c.GeneroRepresentanteLegal, c.EsPyme)
            {
                Unspsc = c.CodigoCategoriaPrincipal, Url = c.UrlProceso,
            });
            s.Saw(c.ProveedorAdjudicado, c.FechaDeFirma);
            s.TipoDocumento ??= c.TipoDocProveedor;
            s.EsGrupo ??= c.EsGrupo;
        }

        var result = suppliers.Values.Select(s =>
        {
            var id = SupplierIdentity.PublicId(s.Key, s.Codigos, secret);
            var name = s.Name?.Name ?? id;
            return new ProveedorHistoria(id, name, SupplierIdentity.Tipo(s.TipoDocumento, s.EsGrupo, name, s.Nit), s.Nit, s.Municipio, s.PymeRegistro,
                s.Procesos.Values.ToList(), s.Contratos);
        }).ToList();
        return (result, historyFrom);
    }

    /// <summary>
    /// Processes with their number of bidders (distinct bidders in hgi6, else p6dx's respuestas) and awards from valid
    /// contracts, for the competition and integrity flags. Awards name the supplier by the published id that
    /// <paramref name="proveedores"/> (from <see cref="BuildAsync"/>) gives the contract.
    /// </summary>
    private static (IReadOnlyList<ProcesoMonitor>, IReadOnlyList<(int?, AdjudicacionMonitor)>) BuildFlagInputs(Fuente rows, Modalidades modalidades, IReadOnlyList<ProveedorHistoria> proveedores)
    {
        var bidders = rows.Proponentes.GroupBy(b => b.IdProcedimiento).ToDictionary(g => g.Key, g => g.Count());
        var procesos = rows.Procesos;
        var result = procesos.Select(p =>
        {
            var modalidad = modalidades.Resolve(p.Modalidad);
            return new ProcesoMonitor(p.IdDelProceso, modalidad.Code, modalidad.Competitiva, p.EstadoDelProcedimiento, p.FechaPublicacion, p.FechaRecepcion,
                bidders.TryGetValue(p.IdDelProceso, out var n) ? n : p.RespuestasAlProcedimiento,
                p.ValorTotalAdjudicacion is > 0 ? p.ValorTotalAdjudicacion : p.PrecioBase, p.Adjudicado == true,
                SecopRules.IsCancelled(p.EstadoDelProcedimiento, p.EstadoResumen));
        }).ToList();

        var byPortfolio = procesos.Where(p => p.IdDelPortafolio is not null).GroupBy(p => p.IdDelPortafolio!).ToDictionary(g => g.Key, g => g.First());
        var supplierByContract = proveedores.SelectMany(h => h.Contratos.Select(c => (c.IdContrato, h.Id))).ToDictionary(x => x.IdContrato, x => x.Id);
        var awards = new List<(int?, AdjudicacionMonitor)>();
        foreach (var c in rows.Contratos)
        {
            if (!SecopRules.CountsAsContract(c.EstadoContrato)) continue;
            if (!supplierByContract.TryGetValue(c.IdContrato, out var supplier)) continue;
            var p = c.ProcesoDeCompra is null ? null : byPortfolio.GetValueOrDefault(c.ProcesoDeCompra);
            var modalidad = modalidades.Resolve(p?.Modalidad ?? c.Modalidad);
            awards.Add(((p?.FechaPublicacion ?? c.FechaDeFirma)?.Year,
                new AdjudicacionMonitor(p?.IdDelProceso ?? c.ProcesoDeCompra ?? c.IdContrato, supplier, c.ValorDelContrato,
                    c.CodigoCategoriaPrincipal is { Length: >= 2 } code ? code[..2] : null, !modalidad.Competitiva && modalidad.Code != Modalidad.SinDato.Code)));
        }
        return (result, awards);
    }
}
