using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Productores;

/// <summary>The files of Capacidad productiva, relative to the app's folder ("Capacidad" in appsettings.json).</summary>
public sealed class CapacidadOptions
{
    public const string Section = "Capacidad";

    [Required(ErrorMessage = "Capacidad:Registro debe indicar el archivo del registro de productores.")]
    public string Registro { get; set; } = "data/associations.json";

    /// <summary>Demo organisations, loaded only when the sync source is the demo generator.</summary>
    [Required(ErrorMessage = "Capacidad:RegistroDemo debe indicar el archivo de productores de demostración.")]
    public string RegistroDemo { get; set; } = "data/productores_demo.json";

    [Required(ErrorMessage = "Capacidad:Familias debe indicar el archivo que asigna una familia UNSPSC a cada producto.")]
    public string Familias { get; set; } = "data/productos_unspsc.csv";

    [Required(ErrorMessage = "Capacidad:DemandaDeclarada debe indicar el archivo de la demanda declarada.")]
    public string DemandaDeclarada { get; set; } = "data/demanda_declarada.csv";

    public static string Ruta(string relative) => Path.Combine(AppContext.BaseDirectory, relative);
}

/// <summary>
/// Copies the registry's files into the database on the first start (the published associations, the demo ones only in
/// demo mode, and the declared demand), and remembers what it had to reject so the page can say so. From then on staff keep the associations in
/// the staff area. Demo organisations leave when the installation is no longer in demo mode. As their file gives no
/// place, each demo organisation stands at one of the municipality's populated places, labelled as a demo location.
/// </summary>
public sealed class RegistroProductores(IOptions<CapacidadOptions> options, IConfiguration configuration, Geografia geografia,
    ILogger<RegistroProductores> log) : IStartupSeed
{
    public const string Semilla = "registro-productores";
    public const string SemillaDemo = "registro-productores-demo";
    public const string SemillaDemanda = "demanda-declarada";

    public IReadOnlyList<ErrorCarga> Errores { get; private set; } = [];

    // Read from the settings as given: a bad sync setting is reported by the sync's own check at start, not by the seed.
    public bool Demo => (configuration["Sync:Source"] ?? new SyncOptions().Source) == "demo";

    public async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var errores = new List<ErrorCarga>();
        var municipio = EntitiesOptions.From(configuration).Municipios.FirstOrDefault();
        var familias = Familias();
        await Semillas.UnaVezAsync(db, Semilla, async () =>
        {
            // Versions before the staff area rewrote the file rows at every start: those are replaced once more, for good.
            await db.Asociaciones.Where(a => a.Origen == Asociacion.Archivo && !a.EsDemo).ExecuteDeleteAsync(ct);
            var real = RegistroArchivo.Leer(CapacidadOptions.Ruta(options.Value.Registro), familias, geografia.Contiene);
            errores.AddRange(real.Errores);
            Agregar(db, real.Productores, municipio);
        }, ct);
        await Semillas.UnaVezAsync(db, SemillaDemanda, () =>
        {
            var (filas, erroresDemanda) = DemandaDeclarada.Leer(CapacidadOptions.Ruta(options.Value.DemandaDeclarada), familias);
            errores.AddRange(erroresDemanda);
            db.Demanda.AddRange(filas.Select(f => new DemandaRegistrada
            {
                Familia = f.Familia, Producto = f.Producto, Cantidad = f.Cantidad, Unidad = f.Unidad, Mes = f.Mes, EsDemo = f.EsDemo,
            }));
            return Task.CompletedTask;
        }, ct);
        if (Demo)
            await Semillas.UnaVezAsync(db, SemillaDemo, async () =>
            {
                await db.Asociaciones.Where(a => a.Origen == Asociacion.Archivo && a.EsDemo).ExecuteDeleteAsync(ct);
                var demo = RegistroArchivo.Leer(CapacidadOptions.Ruta(options.Value.RegistroDemo), familias, geografia.Contiene);
                errores.AddRange(demo.Errores);
                Agregar(db, Ubicar(demo.Productores).ToList(), municipio);
            }, ct);
        else
        {
            await db.Asociaciones.Where(a => a.EsDemo).ExecuteDeleteAsync(ct);
            await Semillas.OlvidarAsync(db, SemillaDemo, ct);
        }
        Errores = errores;
        foreach (var error in errores) log.LogWarning("Registro de productores: fila rechazada: {Error}", error.ToString());
    }

    private static void Agregar(AppDbContext db, IEnumerable<ProductorArchivo> productores, string? municipio) =>
        db.Asociaciones.AddRange(productores.Select(p => new Asociacion
        {
            Nombre = p.Nombre, Municipio = municipio, Fuente = p.Fuente, Nit = p.Nit, Latitud = p.Latitud, Longitud = p.Longitud, Lugar = p.Lugar,
            EsDemo = p.EsDemo, Origen = Asociacion.Archivo, Version = Guid.NewGuid(),
            Productos = p.Productos.Select(x => new ProductoAsociacion
            {
                Producto = x.Producto, Familia = x.Familia, Cantidad = x.Publicada.Cantidad, Unidad = x.Publicada.Unidad, Periodo = x.Publicada.Periodo,
            }).ToList(),
        }));

    /// <summary>Product (folded) → UNSPSC family, from the configured file.</summary>
    public IReadOnlyDictionary<string, string> Familias() => RegistroArchivo.LeerFamilias(CapacidadOptions.Ruta(options.Value.Familias));

    private IEnumerable<ProductorArchivo> Ubicar(IReadOnlyList<ProductorArchivo> demo)
    {
        // Rural places (not the town centre) from west to east, taken at even steps so the demo markers stand apart;
        // a fixed order keeps the demo map the same at every start.
        var lugares = geografia.CentrosPoblados.Where(c => !c.EsCabecera).OrderBy(c => c.Longitud).ThenBy(c => c.Codigo, StringComparer.Ordinal).ToList();
        if (lugares.Count == 0) lugares = [.. geografia.CentrosPoblados];
        return demo.Select((p, i) =>
        {
            if (p.Latitud is not null || lugares.Count == 0) return p;
            var lugar = lugares[(2 * i + 1) * lugares.Count / (2 * demo.Count)];
            return p with { Latitud = lugar.Latitud, Longitud = lugar.Longitud, Lugar = $"{lugar.Nombre} (ubicación de demostración)" };
        });
    }
}
