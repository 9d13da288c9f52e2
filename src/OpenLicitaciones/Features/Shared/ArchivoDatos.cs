using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace OpenLicitaciones.Features.Shared;

/// <summary>A row a data file could not give: the app goes on without it and says which file, row and field.</summary>
public sealed record ErrorCarga(string Archivo, string Fila, string Campo, string Mensaje)
{
    public override string ToString() => $"{Archivo}, {Fila}, campo «{Campo}»: {Mensaje}";
}

/// <summary>The CSV files staff edit (declared demand, certifications, product families): one way to open them.</summary>
public static class ArchivoCsv
{
    /// <summary>Headers in any case, and a short row gives empty fields (an error of that row), not an exception.</summary>
    private static readonly CsvConfiguration Tolerante = new(CultureInfo.InvariantCulture)
    {
        MissingFieldFound = null, PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
    };

    /// <summary>
    /// Reads the header of <paramref name="path"/>; the reader is positioned before the first row. Null with the error when
    /// the file is empty or lacks one of <paramref name="columnas"/>.
    /// </summary>
    public static (CsvReader? Csv, ErrorCarga? Error) Abrir(string path, params string[] columnas)
    {
        var archivo = Path.GetFileName(path);
        var csv = new CsvReader(new StreamReader(path), Tolerante);
        if (!csv.Read())
        {
            csv.Dispose();
            return (null, new ErrorCarga(archivo, "fila 1", "(encabezado)", "el archivo está vacío."));
        }
        csv.ReadHeader();
        var faltan = columnas.Where(c => !csv.HeaderRecord!.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (faltan.Count == 0) return (csv, null);
        csv.Dispose();
        return (null, new ErrorCarga(archivo, "fila 1", "(encabezado)", $"faltan las columnas {string.Join(", ", faltan)}; se esperan: {string.Join(",", columnas)}."));
    }

    /// <summary>The current row's number as the messages write it.</summary>
    public static string Fila(CsvReader csv) => $"fila {csv.Parser.Row}";
}
