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
/// Writes the registry's file rows into the database at every start (replacing the previous file rows; rows staff keep
/// will have another origin), and remembers what it had to reject so the page can say so. Demo organisations come only
/// in demo mode; as their file gives no place, each stands at one of the municipality's populated places, labelled as a
/// demo location.
/// </summary>
public sealed class RegistroProductores(IOptions<CapacidadOptions> options, IConfiguration configuration, Geografia geografia,
    ILogger<RegistroProductores> log) : IStartupSeed
{
    public IReadOnlyList<ErrorCarga> Errores { get; private set; } = [];

    // Read from the settings as given: a bad sync setting is reported by the sync's own check at start, not by the seed.
    public bool Demo => (configuration["Sync:Source"] ?? new SyncOptions().Source) == "demo";

    public async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var leidos = Leer();
        Errores = leidos.Errores;
        foreach (var error in leidos.Errores) log.LogWarning("Registro de productores: fila rechazada: {Error}", error.ToString());
        await db.Asociaciones.Where(a => a.Origen == Asociacion.Archivo).ExecuteDeleteAsync(ct);
        var municipio = EntitiesOptions.From(configuration).Municipios.FirstOrDefault();
        db.Asociaciones.AddRange(leidos.Productores.Select(p => new Asociacion
        {
            Nombre = p.Nombre, Municipio = municipio, Fuente = p.Fuente, Nit = p.Nit, Latitud = p.Latitud, Longitud = p.Longitud, Lugar = p.Lugar,
            EsDemo = p.EsDemo, Origen = Asociacion.Archivo,
            Productos = p.Productos.Select(x => new ProductoAsociacion
            {
                Producto = x.Producto, Familia = x.Familia, Cantidad = x.Publicada.Cantidad, Unidad = x.Publicada.Unidad, Periodo = x.Publicada.Periodo,
            }).ToList(),
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Product (folded) → UNSPSC family, from the configured file.</summary>
    public IReadOnlyDictionary<string, string> Familias() => RegistroArchivo.LeerFamilias(CapacidadOptions.Ruta(options.Value.Familias));

    /// <summary>The organisations of the registry files, with the demo ones placed, and every rejected row.</summary>
    public RegistroLeido Leer()
    {
        var familias = Familias();
        var real = RegistroArchivo.Leer(CapacidadOptions.Ruta(options.Value.Registro), familias, geografia.Contiene);
        if (!Demo) return real;
        var demo = RegistroArchivo.Leer(CapacidadOptions.Ruta(options.Value.RegistroDemo), familias, geografia.Contiene);
        return new RegistroLeido([.. real.Productores, .. Ubicar(demo.Productores)], [.. real.Errores, .. demo.Errores]);
    }

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
