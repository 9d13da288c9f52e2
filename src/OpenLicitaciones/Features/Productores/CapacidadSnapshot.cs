using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Components;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Productores;

/// <summary>
/// Capacidad productiva's view of the data (CONTRACTS §6): the registry, the food contracts and current PAA food lines,
/// and the declared demand, rebuilt after every change of the synced data or the registry and swapped in whole.
/// </summary>
public sealed class CapacidadSnapshot
{
    public const int Anios = 6;
    private readonly DerivedView<CapacidadDatos> _view;

    public CapacidadSnapshot(IDbContextFactory<AppDbContext> dbFactory, DataChangedNotifier notifier, UnspscFamilias familias,
        IOptions<CapacidadOptions> options, IOptions<EntitiesOptions> entities, RegistroProductores registro, TimeProvider time,
        ILogger<CapacidadSnapshot> log)
    {
        var anioConstruido = 0;
        // A supplier is local where the entities are (the Monitor's rule).
        var municipios = entities.Value.Municipios.Select(PlainText.Fold).ToHashSet();
        _view = new DerivedView<CapacidadDatos>(notifier, log, async ct =>
        {
            var anio = anioConstruido = ColombiaTime.Now(time).Year;
            return await BuildAsync(dbFactory, familias, registro, municipios, anio, ct);
        }, _ => anioConstruido == ColombiaTime.Now(time).Year);
    }

    public Task<CapacidadDatos> GetAsync(CancellationToken ct = default) => _view.GetAsync(ct);

    private static async Task<CapacidadDatos> BuildAsync(IDbContextFactory<AppDbContext> dbFactory, UnspscFamilias familias,
        RegistroProductores registro, IReadOnlySet<string> municipios, int anio, CancellationToken ct)
    {
        var (desde, hasta) = (anio - (Anios - 1), anio);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Ordered here, not by the engine: SQLite and PostgreSQL collate accents and case differently.
        var marcados = await ProductoresLocales.MarcadosAsync(db, ct);
        var productores = (await db.Asociaciones.AsNoTracking().Include(a => a.Productos).ToListAsync(ct))
            .OrderBy(a => a.EsDemo).ThenBy(a => a.Nombre, StringComparer.Ordinal).ThenBy(a => a.Id)
            .Select(a => new ProductorVista(a.Id, a.Nombre, a.Nit, a.Latitud, a.Longitud, a.Lugar, a.EsDemo, a.Fuente,
                a.Productos.OrderBy(p => p.Id).Select(p =>
                {
                    var publicada = new CapacidadPublicada(p.Cantidad, p.Unidad, p.Periodo);
                    return new ProductoVista(p.Producto, p.Familia, publicada, Capacidad.Mensual(publicada));
                }).ToList()))
            .ToList();

        var (inicio, fin) = (new DateTime(desde, 1, 1), new DateTime(hasta + 1, 1, 1));
        // A superset in SQL (engines differ in case rules); FoodRule decides exactly in memory.
        var filas = await db.Contratos.AsNoTracking()
            .Where(c => c.FechaDeFirma >= inicio && c.FechaDeFirma < fin)
            .Where(c => c.CodigoCategoriaPrincipal!.StartsWith("50") || c.CodigoCategoriaPrincipal.StartsWith("8515") || c.CodigoCategoriaPrincipal.StartsWith("9010")
                        || c.ObjetoDelContrato!.Contains("PAE") || c.ObjetoDelContrato.Contains("pae") || c.ObjetoDelContrato.Contains("Pae")
                        || c.ObjetoDelContrato.Contains("scolar") || c.ObjetoDelContrato.Contains("SCOLAR"))
            .Select(c => new
            {
                c.IdContrato, c.FechaDeFirma, c.ValorDelContrato, c.CodigoCategoriaPrincipal, c.EstadoContrato, c.DocumentoProveedor, c.CodigoProveedor,
                c.ProveedorAdjudicado, c.ObjetoDelContrato, c.EsPyme,
            })
            .ToListAsync(ct);
        var secret = await InstallationSecret.GetAsync(db, null, ct);
        // Where each food supplier is and whether it is an MSME, from SECOP's supplier registry, for the "mipyme local" figure.
        // A contract that names its supplier only by SECOP code gets the NIT the supplier registry gives that code.
        var codigos = filas.Where(c => c.DocumentoProveedor is null && c.CodigoProveedor is not null).Select(c => c.CodigoProveedor!).Distinct().ToList();
        var nitPorCodigo = (await db.Proveedores.AsNoTracking().Where(p => p.Nit != null && codigos.Contains(p.Codigo))
                .Select(p => new { p.Codigo, p.Nit }).ToListAsync(ct))
            .GroupBy(p => p.Codigo).ToDictionary(g => g.Key, g => g.First().Nit!);
        var nits = filas.Select(c => c.DocumentoProveedor ?? (c.CodigoProveedor is { } cp ? nitPorCodigo.GetValueOrDefault(cp) : null))
            .Where(n => n is not null).Distinct().ToList();
        var registrados = (await db.Proveedores.AsNoTracking().Where(p => p.Nit != null && nits.Contains(p.Nit))
                .Select(p => new { p.Nit, p.Municipio, p.EsPyme }).ToListAsync(ct))
            .GroupBy(p => p.Nit!).ToDictionary(g => g.Key, g => g.First());
        var contratos = filas
            .Where(c => FoodRule.IsFoodPurchase(c.CodigoCategoriaPrincipal) || FoodRule.IsPaeOperation(c.CodigoCategoriaPrincipal, c.ObjetoDelContrato))
            .Select(c =>
            {
                var documento = c.DocumentoProveedor ?? (c.CodigoProveedor is { } cp ? nitPorCodigo.GetValueOrDefault(cp) : null);
                var nit = documento is { } d && Nit.IsCompany(d) ? d : null;
                // Known for G10 when it has a document (an organisation's NIT, or a person, who is not in the registry);
                // a supplier known only by its SECOP code could be a registered producer, so it stays unknown.
                var identificado = documento is not null ? c.CodigoProveedor ?? "documento" : null;
                var key = SupplierIdentity.Key(c.DocumentoProveedor, c.CodigoProveedor);
                var id = key is null ? null : SupplierIdentity.PublicId(key, c.CodigoProveedor is { } codigo ? [codigo] : [], secret);
                var registro = documento is { } doc ? registrados.GetValueOrDefault(doc) : null;
                var pyme = c.EsPyme ?? registro?.EsPyme;
                bool? local = registro?.Municipio is { } m ? municipios.Contains(PlainText.Fold(m)) : null;
                bool? mipymeLocal = pyme == false || local == false ? false : pyme == true && local == true ? true : null;
                return new ContratoComida(new ContratoAlimento(c.IdContrato, c.FechaDeFirma?.Year, c.ValorDelContrato, c.CodigoCategoriaPrincipal,
                    c.EstadoContrato, nit, identificado, c.ProveedorAdjudicado, mipymeLocal), c.ObjetoDelContrato, id);
            })
            .ToList();

        var lineas = (await db.PaaLines.AsNoTracking()
                .Where(l => l.Annio == anio && l.CategoriasUnspsc.Contains(";50")
                            && db.PaaVigentes.Any(v => v.CodigoEntidad == l.CodigoEntidad && v.Annio == l.Annio && v.Version == l.VersionDelPaa))
                .Select(l => new { l.Id, l.CategoriasUnspsc, l.ValorTotalEsperado, l.MesEsperadoInicio, l.MesEsperadoRecepcion })
                .ToListAsync(ct))
            .Select(l => new LineaComida(l.Id, l.CategoriasUnspsc.Split(';', StringSplitOptions.RemoveEmptyEntries), l.ValorTotalEsperado,
                l.MesEsperadoInicio ?? l.MesEsperadoRecepcion))
            .ToList();

        var avisos = registro.Errores.Select(e => e.ToString()).ToList();
        var filasDemanda = await db.Demanda.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => new DemandaFila(d.Familia, d.Producto, d.Cantidad, d.Unidad, d.Mes, d.EsDemo)).ToListAsync(ct);
        var usables = registro.Demo ? filasDemanda : filasDemanda.Where(f => !f.EsDemo).ToList();
        var (demanda, omitidos) = DemandaDeclarada.PorProducto(usables);
        avisos.AddRange(omitidos);
        return CapacidadVista.Construir(productores, marcados, contratos, lineas, demanda, familias, anio, desde, hasta, avisos);
    }
}
