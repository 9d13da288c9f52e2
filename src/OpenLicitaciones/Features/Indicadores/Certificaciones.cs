using System.Globalization;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Indicadores;

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
