using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Components;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Monitor;

/// <summary>Every supplier's synced history, rebuilt in the background after each data change (see BancoSnapshot).</summary>
public sealed class MonitorSnapshot
{
    private readonly DerivedView<Built> _view;

    /// <param name="options">When given, each build also computes the default window's list and alerts before it is swapped in,
    /// so that no visitor waits seconds for them after a sync (a department's million processes, `benchmark vistas`).</param>
    /// <param name="certificaciones">The women-led certifications staff recorded, read again at each build (none when not given).</param>
    public MonitorSnapshot(IDbContextFactory<AppDbContext> dbFactory, DataChangedNotifier notifier, Modalidades modalidades,
        ILogger<MonitorSnapshot>? log = null, IOptions<MonitorOptions>? options = null, TimeProvider? time = null,
        CertificacionesMujer? certificaciones = null) =>
        _view = new DerivedView<Built>(notifier, log ?? (ILogger)NullLogger.Instance, async ct =>
        {
            var built = await BuildAsync(dbFactory, modalidades, ct, certificaciones is null ? null : (await certificaciones.LeerAsync(ct)).Filas);
            if (options?.Value is { } o)
            {
                var hasta = ColombiaTime.Now(time ?? TimeProvider.System).Year;
                var desde = hasta - (MonitorFilter.Years - 1);
                built.Ventana(desde, hasta, o.AniosNuevo, o.Municipios, MonitorFilter.DefaultOrden);
                built.Alertas(desde, hasta, o);
            }
            return built;
        });

    public sealed record Built(IReadOnlyList<ProveedorHistoria> Proveedores, DateTime? HistoriaDesde)
    {
        // By reference, not by id: two identities can publish one id (a person's SECOP code seen with two documents).
        private readonly Lazy<Dictionary<ProveedorHistoria, string>> _names = new(() =>
            Proveedores.ToDictionary<ProveedorHistoria, ProveedorHistoria, string>(p => p, p => SupplierIdentity.NormalizeName(p.Nombre), ReferenceEqualityComparer.Instance));
        private readonly ConcurrentDictionary<(int, int, int, string), Lazy<IReadOnlyList<Fila>>> _windows = new();
        private readonly ConcurrentDictionary<(int, int, int, string, string), Lazy<IReadOnlyList<Fila>>> _orders = new();

        private readonly Lazy<Dictionary<string, ProveedorHistoria>> _byId = new(() =>
        {
            var byId = new Dictionary<string, ProveedorHistoria>();
            foreach (var p in Proveedores) byId.TryAdd(p.Id, p);
            return byId;
        });
        private readonly ConcurrentDictionary<(int, int), double?> _tasasPromedio = new();

        /// <summary>The women-led certifications staff recorded (CONTRACTS §4: they win over the proxy).</summary>
        public IReadOnlyList<Certificacion> Certificaciones
        {
            get => _certificaciones;
            init => (_certificaciones, _certificacionesPorNit) = (value, value.GroupBy(c => c.Nit).ToDictionary(g => g.Key, g => g.ToArray()));
        }
        private readonly IReadOnlyList<Certificacion> _certificaciones = [];
        private readonly Dictionary<string, Certificacion[]> _certificacionesPorNit = [];

        /// <summary>The certifications of one NIT (none for a supplier without one); no list is made for the many without.</summary>
        public IReadOnlyList<Certificacion> CertificacionesDe(string? nit) =>
            nit is not null && _certificacionesPorNit.TryGetValue(nit, out var propias) ? propias : [];

        /// <summary>The supplier with this published id (the first, if two identities share it), or null.</summary>
        public ProveedorHistoria? Proveedor(string id) => _byId.Value.GetValueOrDefault(id);

        /// <summary>The entity's average success rate in a window (see MonitorCounts.TasaPromedio), once per snapshot and window.</summary>
        public double? TasaPromedio(int desde, int hasta) =>
            _tasasPromedio.TryGetValue((desde, hasta), out var hit) ? hit
            : _tasasPromedio.Count >= 64 ? MonitorCounts.TasaPromedio(Proveedores, desde, hasta)
            : _tasasPromedio.GetOrAdd((desde, hasta), _ => MonitorCounts.TasaPromedio(Proveedores, desde, hasta));

        /// <summary>Each supplier's name folded for search, computed once per snapshot rather than on every request.</summary>
        public string SearchName(ProveedorHistoria p) => _names.Value.TryGetValue(p, out var name) ? name : SupplierIdentity.NormalizeName(p.Nombre);

        /// <summary>
        /// The suppliers that took part in the window, with their summaries, in the given order: computed once per snapshot,
        /// window and order, and shared by the API, the pages and the exports; filters then keep that order.
        /// </summary>
        public IReadOnlyList<Fila> Ventana(int desde, int hasta, int aniosNuevo, IReadOnlyList<string> municipios, string orden)
        {
            var lugar = string.Join('|', municipios);
            return Cached(_orders, (desde, hasta, aniosNuevo, lugar, orden), () => MonitorQuery.Order(Cached(_windows, (desde, hasta, aniosNuevo, lugar),
                () => Proveedores.Select(h => new Fila(h, MonitorCounts.Resumen(h, desde, hasta, aniosNuevo, municipios, HistoriaDesde, CertificacionesDe(h.Nit))))
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

        /// <summary>The windows whose alerts this snapshot has computed, and those whose list it has ordered (desde, hasta).</summary>
        internal IEnumerable<(int Desde, int Hasta)> VentanasConAlertas => _alertas.Keys;
        internal IEnumerable<(int Desde, int Hasta)> VentanasConLista => _orders.Keys.Select(k => (k.Item1, k.Item2));

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

    /// <summary>
    /// The snapshot of every change announced so far, waiting for a rebuild under way: for views built from this one (the
    /// Indicadores), which must not be built from the version before the change they are rebuilt for.
    /// </summary>
    public async Task<Built> GetCurrentAsync(CancellationToken ct = default)
    {
        await _view.RefreshAsync().WaitAsync(ct);
        return await _view.GetAsync(ct);
    }

    /// <summary>
    /// Streams processes, bids, offers and contracts once each, keeping only what the histories and the red flags need:
    /// at a department's million processes, loading the rows first held several GB (`benchmark vistas`).
    /// </summary>
    public static async Task<Built> BuildAsync(IDbContextFactory<AppDbContext> dbFactory, Modalidades modalidades, CancellationToken ct,
        IReadOnlyList<Certificacion>? certificaciones = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var build = new Construccion(modalidades,
            await db.Proveedores.AsNoTracking().ToDictionaryAsync(p => p.Codigo, ct),
            await DocumentsByCodeAsync(db, ct));

        var bidderCounts = await db.Proponentes.AsNoTracking().GroupBy(b => b.IdProcedimiento)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        await foreach (var p in db.Procesos.AsNoTracking().Select(p => new ProcesoFila(p.IdDelProceso, p.IdDelPortafolio, p.FechaPublicacion, p.Modalidad,
                           p.Adjudicado, p.CodigoProveedor, p.NitProveedorAdjudicado, p.NombreProveedor, p.CiudadProveedor, p.EstadoDelProcedimiento,
                           p.EstadoResumen, p.FechaRecepcion, p.RespuestasAlProcedimiento, p.ValorTotalAdjudicacion, p.PrecioBase))
                           .AsAsyncEnumerable().WithCancellation(ct))
            build.Proceso(p, bidderCounts.TryGetValue(p.IdDelProceso, out var n) ? n : p.RespuestasAlProcedimiento);
        bidderCounts = null;

        await foreach (var b in db.Proponentes.AsNoTracking().Select(b => new PropuestaFila(b.IdProcedimiento, b.NitProveedor, b.CodigoProveedor, b.Proveedor, b.FechaPublicacion))
                           .AsAsyncEnumerable().WithCancellation(ct))
            build.Propuesta(b);
        await foreach (var o in db.Ofertas.AsNoTracking().Select(o => new OfertaFila(o.IdDelProcesoDeCompra, o.NitDelProveedor, o.CodigoProveedor, o.NombreProveedor,
                           o.FechaDeRegistro, o.Modalidad)).AsAsyncEnumerable().WithCancellation(ct))
            build.Oferta(o);
        await foreach (var c in db.Contratos.AsNoTracking().Select(c => new ContratoFila(c.IdContrato, c.ProcesoDeCompra, c.FechaDeFirma, c.ValorDelContrato,
                           c.Modalidad, c.EstadoContrato, c.EsGrupo, c.TipoDocProveedor, c.DocumentoProveedor, c.CodigoProveedor, c.ProveedorAdjudicado,
                           c.CodigoCategoriaPrincipal, c.UrlProceso, c.GeneroRepresentanteLegal, c.EsPyme)).AsAsyncEnumerable().WithCancellation(ct))
            build.Contrato(c);
        return build.Terminar(await InstallationSecret.GetAsync(db, null, ct), certificaciones ?? []);
    }

    /// <summary>
    /// One identity per document: a row that has only the supplier code takes the document that the registry or any
    /// other row gives for that code, so a person seen by code only and by document stays one supplier. The first
    /// document seen wins: registry, then processes, bids, offers and contracts.
    /// </summary>
    private static async Task<Dictionary<string, string>> DocumentsByCodeAsync(AppDbContext db, CancellationToken ct)
    {
        var byCode = await db.Proveedores.AsNoTracking().Where(r => r.Nit != null).ToDictionaryAsync(r => r.Codigo, r => r.Nit!, ct);
        async Task AddAsync(IAsyncEnumerable<DocumentoCodigo> pairs)
        {
            await foreach (var pair in pairs.WithCancellation(ct)) byCode.TryAdd(pair.Codigo, pair.Documento);
        }
        await AddAsync(db.Procesos.AsNoTracking().Where(p => p.NitProveedorAdjudicado != null && p.CodigoProveedor != null)
            .Select(p => new DocumentoCodigo(p.NitProveedorAdjudicado!, p.CodigoProveedor!)).AsAsyncEnumerable());
        await AddAsync(db.Proponentes.AsNoTracking().Where(b => b.NitProveedor != null && b.CodigoProveedor != null)
            .Select(b => new DocumentoCodigo(b.NitProveedor!, b.CodigoProveedor!)).AsAsyncEnumerable());
        await AddAsync(db.Ofertas.AsNoTracking().Where(o => o.NitDelProveedor != null && o.CodigoProveedor != null)
            .Select(o => new DocumentoCodigo(o.NitDelProveedor!, o.CodigoProveedor!)).AsAsyncEnumerable());
        await AddAsync(db.Contratos.AsNoTracking().Where(c => c.DocumentoProveedor != null && c.CodigoProveedor != null)
            .Select(c => new DocumentoCodigo(c.DocumentoProveedor!, c.CodigoProveedor!)).AsAsyncEnumerable());
        return byCode;
    }

    private sealed record DocumentoCodigo(string Documento, string Codigo);

    private sealed record ProcesoFila(string IdDelProceso, string? IdDelPortafolio, DateTime? FechaPublicacion, string? Modalidad, bool? Adjudicado,
        string? CodigoProveedor, string? NitProveedorAdjudicado, string? NombreProveedor, string? CiudadProveedor, string? EstadoDelProcedimiento,
        string? EstadoResumen, DateTime? FechaRecepcion, int? RespuestasAlProcedimiento, long? ValorTotalAdjudicacion, long? PrecioBase);

    private sealed record PropuestaFila(string IdProcedimiento, string? NitProveedor, string? CodigoProveedor, string? Proveedor, DateTime? FechaPublicacion);

    private sealed record OfertaFila(string IdDelProcesoDeCompra, string? NitDelProveedor, string? CodigoProveedor, string? NombreProveedor,
        DateTime? FechaDeRegistro, string? Modalidad);

    // Only the columns the Monitor reads: a contract row has about a hundred.
    private sealed record ContratoFila(string IdContrato, string? ProcesoDeCompra, DateTime? FechaDeFirma, long? ValorDelContrato,
        string? Modalidad, string? EstadoContrato, bool? EsGrupo, string? TipoDocProveedor, string? DocumentoProveedor, string? CodigoProveedor,
        string? ProveedorAdjudicado, string? CodigoCategoriaPrincipal, string? UrlProceso, string? GeneroRepresentanteLegal, bool? EsPyme);

    /// <summary>What later rows need to know about a process: its id, publication year and modality (null when SECOP gives none).</summary>
    private sealed record ProcesoClave(string Id, int? Anio, byte Trimestre, Modalidad? Modalidad);

    private static byte Trimestre(DateTime? fecha) => fecha is { } f ? (byte)((f.Month + 2) / 3) : (byte)0;

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

        public void Took(string proceso, int? anio, byte trimestre, Modalidad modalidad, bool oferto, bool adjudicado)
        {
            // The first year seen stays; the latest row's modality wins; having bid or won, once seen, stays.
            var known = Procesos.TryGetValue(proceso, out var before);
            var (a, t) = known && before.Anio is not null ? (before.Anio, before.Trimestre) : (anio, trimestre);
            Procesos[proceso] = new Participacion(proceso, a, modalidad.Competitiva, modalidad.Code,
                oferto || (known && before.Oferto), adjudicado || (known && before.Adjudicado), t);
        }
    }

    /// <summary>The histories and the red-flag inputs, fed one row at a time in the order processes, bids, offers, contracts.</summary>
    private sealed class Construccion(Modalidades modalidades, Dictionary<string, ProveedorRegistrado> registry, Dictionary<string, string> documentByCode)
    {
        private readonly Dictionary<string, ProcesoClave> _byId = [];
        private readonly Dictionary<string, ProcesoClave> _byPortfolio = [];
        private readonly Dictionary<string, Acc> _suppliers = [];
        private readonly List<ProcesoMonitor> _procesos = [];
        private readonly List<(int? Anio, string ProcesoId, Acc Proveedor, long? Valor, string? Segmento, bool Directa)> _awards = [];
        // Thousands of rows repeat a handful of states, genders and segments: one string each.
        private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
        private DateTime? _historyFrom;

        private string? Pooled(string? value) => value is null ? null : _pool.TryGetValue(value, out var same) ? same : _pool[value] = value;

        private Acc? Supplier(string? nit, string? codigo)
        {
            var registered = codigo is null ? null : registry.GetValueOrDefault(codigo);
            var key = SupplierIdentity.Key(nit ?? (codigo is null ? null : documentByCode.GetValueOrDefault(codigo)), codigo);
            if (key is null) return null;
            if (!_suppliers.TryGetValue(key, out var acc))
                _suppliers[key] = acc = new Acc(key) { Nit = key.StartsWith("c-", StringComparison.Ordinal) ? null : key };
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

        public void Proceso(ProcesoFila p, int? proponentes)
        {
            var modalidad = modalidades.Resolve(p.Modalidad);
            var clave = new ProcesoClave(p.IdDelProceso, p.FechaPublicacion?.Year, Trimestre(p.FechaPublicacion), p.Modalidad is null ? null : modalidad);
            _byId[p.IdDelProceso] = clave;
            if (p.IdDelPortafolio is not null) _byPortfolio.TryAdd(p.IdDelPortafolio, clave);
            _procesos.Add(new ProcesoMonitor(p.IdDelProceso, modalidad.Code, modalidad.Competitiva, Pooled(p.EstadoDelProcedimiento), p.FechaPublicacion,
                p.FechaRecepcion, proponentes, p.ValorTotalAdjudicacion is > 0 ? p.ValorTotalAdjudicacion : p.PrecioBase, p.Adjudicado == true,
                SecopRules.IsCancelled(p.EstadoDelProcedimiento, p.EstadoResumen)));
            if (p.Adjudicado != true || Supplier(p.NitProveedorAdjudicado, p.CodigoProveedor) is not { } s) return;
            s.Took(p.IdDelProceso, clave.Anio, clave.Trimestre, modalidad, false, true);
            s.Saw(p.NombreProveedor, p.FechaPublicacion);
            s.Municipio ??= p.CiudadProveedor;
        }

        public void Propuesta(PropuestaFila b)
        {
            if (Supplier(b.NitProveedor, b.CodigoProveedor) is not { } s) return;
            var p = _byId.GetValueOrDefault(b.IdProcedimiento);
            s.Took(p?.Id ?? b.IdProcedimiento, p?.Anio ?? b.FechaPublicacion?.Year, p?.Anio is null ? Trimestre(b.FechaPublicacion) : p.Trimestre,
                p?.Modalidad ?? Modalidad.SinDato, true, false);
            s.Saw(b.Proveedor, b.FechaPublicacion);
        }

        public void Oferta(OfertaFila o)
        {
            if (Supplier(o.NitDelProveedor, o.CodigoProveedor) is not { } s) return;
            var p = _byPortfolio.GetValueOrDefault(o.IdDelProcesoDeCompra);
            s.Took(p?.Id ?? o.IdDelProcesoDeCompra, p?.Anio ?? o.FechaDeRegistro?.Year, p?.Anio is null ? Trimestre(o.FechaDeRegistro) : p.Trimestre,
                p?.Modalidad ?? modalidades.Resolve(o.Modalidad), true, false);
            s.Saw(o.NombreProveedor, o.FechaDeRegistro);
        }

        public void Contrato(ContratoFila c)
        {
            if (c.FechaDeFirma is { } f && (_historyFrom is null || f < _historyFrom)) _historyFrom = f;
            if (Supplier(c.DocumentoProveedor, c.CodigoProveedor) is not { } s) return;
            var p = c.ProcesoDeCompra is null ? null : _byPortfolio.GetValueOrDefault(c.ProcesoDeCompra);
            var proceso = p?.Id ?? c.ProcesoDeCompra ?? c.IdContrato;
            var vigente = SecopRules.CountsAsContract(c.EstadoContrato);
            var anio = p?.Anio ?? c.FechaDeFirma?.Year;
            var trimestre = p?.Anio is null ? Trimestre(c.FechaDeFirma) : p.Trimestre;
            var modalidad = p?.Modalidad ?? modalidades.Resolve(c.Modalidad);
            if (vigente) s.Took(proceso, anio, trimestre, modalidad, false, true);
            s.Contratos.Add(new ContratoProveedor(c.IdContrato, proceso, anio, c.FechaDeFirma, c.ValorDelContrato, vigente, Pooled(c.GeneroRepresentanteLegal), c.EsPyme)
            {
                Unspsc = Pooled(c.CodigoCategoriaPrincipal), Url = c.UrlProceso,
            });
            s.Saw(c.ProveedorAdjudicado, c.FechaDeFirma);
            s.TipoDocumento ??= Pooled(c.TipoDocProveedor);
            s.EsGrupo ??= c.EsGrupo;
            // Awards from valid contracts, for the concentration and multi-purpose flags.
            if (vigente)
                _awards.Add((anio, proceso, s, c.ValorDelContrato,
                    c.CodigoCategoriaPrincipal is { Length: >= 2 } code ? Pooled(code[..2]) : null, !modalidad.Competitiva && modalidad.Code != Modalidad.SinDato.Code));
        }

        public Built Terminar(string secret, IReadOnlyList<Certificacion> certificaciones)
        {
            var ids = new Dictionary<Acc, string>(ReferenceEqualityComparer.Instance);
            var result = _suppliers.Values.Select(s =>
            {
                var id = ids[s] = SupplierIdentity.PublicId(s.Key, s.Codigos, secret);
                var name = s.Name?.Name ?? id;
                return new ProveedorHistoria(id, name, SupplierIdentity.Tipo(s.TipoDocumento, s.EsGrupo, name, s.Nit), s.Nit, s.Municipio, s.PymeRegistro,
                    s.Procesos.Values.ToArray(), s.Contratos.ToArray());
            }).ToList();
            var awards = _awards.Select(a => (a.Anio, new AdjudicacionMonitor(a.ProcesoId, ids[a.Proveedor], a.Valor, a.Segmento, a.Directa))).ToList();
            var built = new Built(result, _historyFrom) { Procesos = _procesos, Adjudicaciones = awards, Certificaciones = certificaciones };
            Soltar();
            return built;
        }

        /// <summary>
        /// Lets go of the scaffolding (half a gigabyte over a department) as soon as the histories exist. On PostgreSQL the
        /// finished build stayed reachable for a while after it returned — a pooled connection still pointing at its last
        /// await, as a heap dump of `benchmark vistas` showed — and with it every lookup of this object.
        /// </summary>
        private void Soltar()
        {
            foreach (var d in new System.Collections.IDictionary[] { _byId, _byPortfolio, _suppliers, _pool, registry, documentByCode }) d.Clear();
            _awards.Clear();
            _awards.TrimExcess();
            _byId.TrimExcess();
            _byPortfolio.TrimExcess();
            _suppliers.TrimExcess();
            _pool.TrimExcess();
            registry.TrimExcess();
            documentByCode.TrimExcess();
        }
    }
}
