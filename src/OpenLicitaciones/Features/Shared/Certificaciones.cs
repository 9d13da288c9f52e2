using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Shared;

/// <summary>
/// The women-led certifications' files (data/certificaciones.csv: nit, desde, hasta, evidencia; empty by default,
/// data/certificaciones_demo.csv only in demo mode), copied into the database on the first start. A bad row is left out with a message
/// naming the file, row and field; the rest load.
/// </summary>
public static class Certificaciones
{
    private static readonly string[] Columnas = ["nit", "desde", "hasta", "evidencia"];

    public static (IReadOnlyList<Certificacion> Filas, IReadOnlyList<ErrorCarga> Errores) Leer(string path)
    {
        var archivo = Path.GetFileName(path);
        var (abierto, encabezado) = ArchivoCsv.Abrir(path, Columnas);
        if (abierto is null) return ([], [encabezado!]);
        using var csv = abierto;
        var filas = new List<Certificacion>();
        var errores = new List<ErrorCarga>();
        while (csv.Read())
        {
            var fila = ArchivoCsv.Fila(csv);
            var nit = Nit.Canonical(csv.GetField("nit"));
            if (nit is null || !Nit.IsCompany(nit))
            {
                // Never the number itself: it may be a person's document (CONTRACTS §1).
                errores.Add(new(archivo, fila, "nit", "no es el NIT de una organización (9 dígitos que empiezan por 8 o 9)."));
                continue;
            }
            if (Fecha(csv.GetField("desde")) is not { } desde)
            {
                errores.Add(new(archivo, fila, "desde", $"«{csv.GetField("desde")}» no es una fecha AAAA-MM-DD."));
                continue;
            }
            var rawHasta = csv.GetField("hasta")?.Trim() ?? "";
            DateOnly? hasta = rawHasta.Length == 0 ? null : Fecha(rawHasta);
            if (rawHasta.Length > 0 && hasta is null)
            {
                errores.Add(new(archivo, fila, "hasta", $"«{rawHasta}» no es una fecha AAAA-MM-DD."));
                continue;
            }
            if (hasta < desde)
            {
                errores.Add(new(archivo, fila, "hasta", "la certificación vence antes de empezar."));
                continue;
            }
            var evidencia = csv.GetField("evidencia")?.Trim() ?? "";
            if (evidencia.Length == 0)
            {
                errores.Add(new(archivo, fila, "evidencia", "falta la referencia de la evidencia (acta, resolución o documento)."));
                continue;
            }
            filas.Add(new Certificacion(nit, desde, hasta, evidencia));
        }
        return (filas, errores);
    }

    private static DateOnly? Fecha(string? texto) =>
        DateOnly.TryParseExact(texto?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fecha) ? fecha : null;
}

/// <summary>Where the certifications are ("Certificaciones" in appsettings.json), relative to the app's folder.</summary>
public sealed class CertificacionesOptions
{
    public const string Section = "Certificaciones";

    /// <summary>The certifications staff recorded; empty as shipped.</summary>
    public string Archivo { get; set; } = "data/certificaciones.csv";

    /// <summary>Invented certifications of demo organisations, read only when the data is the demo's.</summary>
    public string ArchivoDemo { get; set; } = "data/certificaciones_demo.csv";
}

/// <summary>
/// The certifications the Monitor and the Indicadores read: kept in the database by staff, copied on the first start
/// from the staff's file (and the demo file in demo mode, whose rows leave when the installation is no longer a demo).
/// </summary>
public sealed class CertificacionesMujer(IOptions<CertificacionesOptions> options, IConfiguration configuration,
    IDbContextFactory<AppDbContext> dbFactory, ILogger<CertificacionesMujer> log) : IStartupSeed
{
    public const string Semilla = "certificaciones";
    public const string SemillaDemo = "certificaciones-demo";

    /// <summary>Demo installations also read the demo file (the same switch as the sync's source).</summary>
    private bool Demo => (configuration["Sync:Source"] ?? "demo") == "demo";

    /// <summary>Rows of the files that could not be copied at the first start, for the Indicadores to say so.</summary>
    public IReadOnlyList<ErrorCarga> Errores { get; private set; } = [];

    public async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var errores = new List<ErrorCarga>();
        await Semillas.UnaVezAsync(db, Semilla, () => Copiar(db, options.Value.Archivo, esDemo: false, errores), ct);
        if (Demo) await Semillas.UnaVezAsync(db, SemillaDemo, () => Copiar(db, options.Value.ArchivoDemo, esDemo: true, errores), ct);
        else
        {
            await db.Certificaciones.Where(c => c.EsDemo).ExecuteDeleteAsync(ct);
            await Semillas.OlvidarAsync(db, SemillaDemo, ct);
        }
        Errores = errores;
        foreach (var error in errores) log.LogWarning("Certificaciones: fila rechazada: {Error}", error.ToString());
    }

    private static Task Copiar(AppDbContext db, string ruta, bool esDemo, List<ErrorCarga> errores)
    {
        var (filas, e) = Certificaciones.Leer(Path.Combine(AppContext.BaseDirectory, ruta));
        errores.AddRange(e);
        db.Certificaciones.AddRange(filas.Select(c => new CertificacionRegistrada
        {
            Nit = c.Nit, Desde = c.Desde, Hasta = c.Hasta, Evidencia = c.Evidencia, EsDemo = esDemo, RegistradaPor = $"archivo {Path.GetFileName(ruta)}",
            RegistradaEn = DateTime.UtcNow,
        }));
        return Task.CompletedTask;
    }

    public async Task<(IReadOnlyList<Certificacion> Filas, IReadOnlyList<ErrorCarga> Errores)> LeerAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filas = await db.Certificaciones.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new Certificacion(c.Nit, c.Desde, c.Hasta, c.Evidencia)).ToListAsync(ct);
        return (filas, Errores);
    }
}
