using System.Globalization;
using Microsoft.Extensions.Options;

namespace OpenLicitaciones.Features.Shared;

/// <summary>
/// The women-led certifications staff record (data/certificaciones.csv: nit, desde, hasta, evidencia; empty by default,
/// data/certificaciones_demo.csv only in demo mode) until the staff area keeps them. A bad row is left out with a message
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
/// The certifications the Monitor and the Indicadores read, from the staff's file (and the demo file in demo mode),
/// read again at each rebuild of a view so that an edited file counts from the next data change.
/// </summary>
public sealed class CertificacionesMujer(IOptions<CertificacionesOptions> options, IConfiguration configuration)
{
    /// <summary>Demo installations also read the demo file (the same switch as the sync's source).</summary>
    private bool Demo => (configuration["Sync:Source"] ?? "demo") == "demo";

    public (IReadOnlyList<Certificacion> Filas, IReadOnlyList<ErrorCarga> Errores) Leer()
    {
        var filas = new List<Certificacion>();
        var errores = new List<ErrorCarga>();
        foreach (var ruta in Demo ? [options.Value.Archivo, options.Value.ArchivoDemo] : new[] { options.Value.Archivo })
        {
            var (f, e) = Certificaciones.Leer(Path.Combine(AppContext.BaseDirectory, ruta));
            filas.AddRange(f);
            errores.AddRange(e);
        }
        return (filas, errores);
    }
}
