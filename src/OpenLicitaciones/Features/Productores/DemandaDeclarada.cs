using System.Globalization;
using CsvHelper;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Productores;

/// <summary>One row of data/demanda_declarada.csv: how much of a product the municipality says it needs in a month.</summary>
public sealed record DemandaFila(string Familia, string Producto, double Cantidad, string Unidad, int Mes, bool EsDemo);

/// <summary>A product's declared demand per month in its base unit: the average over the months declared.</summary>
public sealed record DemandaProducto(string Familia, string Producto, double PromedioMensual, UnidadBase Unidad, IReadOnlyList<int> Meses, bool EsDemo);

/// <summary>The declared monthly demand (data/demanda_declarada.csv) that staff keep: loaded with a message per bad row.</summary>
public static class DemandaDeclarada
{
    private static readonly string[] Columnas = ["familia", "producto", "cantidad", "unidad", "mes", "demo"];

    /// <param name="familias">Product (folded) → its UNSPSC family (data/productos_unspsc.csv): a listed product must be declared in its family.</param>
    public static (IReadOnlyList<DemandaFila> Filas, IReadOnlyList<ErrorCarga> Errores) Leer(string path, IReadOnlyDictionary<string, string> familias)
    {
        var archivo = Path.GetFileName(path);
        var (abierto, encabezado) = ArchivoCsv.Abrir(path, Columnas);
        if (abierto is null) return ([], [encabezado!]);
        using var csv = abierto;
        var filas = new List<DemandaFila>();
        var errores = new List<ErrorCarga>();
        while (csv.Read())
        {
            var fila = ArchivoCsv.Fila(csv);
            var error = Validar(csv, familias, out var parsed);
            if (error is { } e) errores.Add(new ErrorCarga(archivo, fila, e.Campo, e.Mensaje));
            else filas.Add(parsed!);
        }
        return (filas, errores);
    }

    private static (string Campo, string Mensaje)? Validar(CsvReader csv, IReadOnlyDictionary<string, string> familias, out DemandaFila? fila) =>
        Validar(csv.GetField("familia"), csv.GetField("producto"), csv.GetField("cantidad"), csv.GetField("unidad"), csv.GetField("mes"),
            PlainText.Fold(csv.GetField("demo") ?? "") is "si" or "true" or "1", familias, out fila);

    /// <summary>
    /// One row as typed (in the file or the staff form): the first thing wrong with it as (field, message), or null and
    /// the row. Quantities are invariant numbers ("1500.5"); a product listed in data/productos_unspsc.csv must be
    /// declared in its family.
    /// </summary>
    public static (string Campo, string Mensaje)? Validar(string? familiaTexto, string? productoTexto, string? cantidadTexto, string? unidadTexto,
        string? mesTexto, bool esDemo, IReadOnlyDictionary<string, string> familias, out DemandaFila? fila)
    {
        fila = null;
        var familia = familiaTexto?.Trim() ?? "";
        if (familia.Length != 4 || !familia.StartsWith("50", StringComparison.Ordinal) || !familia.All(char.IsAsciiDigit))
            return ("familia", $"«{familia}» no es una familia UNSPSC de alimentos (cuatro dígitos que empiezan por 50).");
        var producto = productoTexto?.Trim() ?? "";
        if (producto.Length == 0) return ("producto", "falta el producto.");
        if (producto.Length > 120) return ("producto", "el nombre del producto puede tener hasta 120 caracteres.");
        if (familias.TryGetValue(PlainText.Fold(producto), out var suFamilia) && suFamilia != familia)
            return ("familia", $"«{producto}» es de la familia {suFamilia} según data/productos_unspsc.csv, no de la {familia}.");
        var rawCantidad = cantidadTexto?.Trim() ?? "";
        if (!double.TryParse(rawCantidad, NumberStyles.Float, CultureInfo.InvariantCulture, out var cantidad) || !double.IsFinite(cantidad))
            return ("cantidad", $"«{rawCantidad}» no es un número.");
        if (cantidad < 0) return ("cantidad", "la cantidad no puede ser negativa.");
        var unidad = unidadTexto?.Trim() ?? "";
        if (!Capacidad.UnidadConocida(unidad)) return ("unidad", $"unidad «{unidad}» desconocida; se aceptan: {Capacidad.UnidadesAceptadas}.");
        var rawMes = mesTexto?.Trim() ?? "";
        if (!int.TryParse(rawMes, CultureInfo.InvariantCulture, out var mes) || mes is < 1 or > 12)
            return ("mes", $"«{rawMes}» no es un mes (1 a 12).");
        fila = new DemandaFila(familia, producto, cantidad, unidad, mes, esDemo);
        return null;
    }

    /// <summary>
    /// Per product: the declared quantities in its base unit, summed per month and averaged over the months declared. A
    /// product declared in units with no fixed weight, or in two base units, is left out with an error.
    /// </summary>
    public static (IReadOnlyList<DemandaProducto> Productos, IReadOnlyList<string> Omitidos) PorProducto(IEnumerable<DemandaFila> filas)
    {
        var productos = new List<DemandaProducto>();
        var omitidos = new List<string>();
        foreach (var grupo in filas.GroupBy(f => (f.Familia, Clave: PlainText.Fold(f.Producto))))
        {
            var normalizadas = grupo.Select(f => (Fila: f, Mensual: Capacidad.DemandaMensual(f.Cantidad, f.Unidad))).ToList();
            var nombre = grupo.First().Producto;
            if (normalizadas.FirstOrDefault(n => n.Mensual is null) is { Fila: { } sinBase })
            {
                omitidos.Add($"{nombre}: {Capacidad.Mensual(new CapacidadPublicada(sinBase.Cantidad, sinBase.Unidad, "mes")).Motivo}");
                continue;
            }
            if (normalizadas.Select(n => n.Mensual!.Value.Unidad).Distinct().Count() > 1)
            {
                omitidos.Add($"{nombre}: la demanda está declarada en unidades que no se pueden sumar entre sí (por ejemplo, kilogramos y unidades).");
                continue;
            }
            var porMes = normalizadas.GroupBy(n => n.Fila.Mes).ToDictionary(m => m.Key, m => m.Sum(n => n.Mensual!.Value.Cantidad));
            productos.Add(new DemandaProducto(grupo.Key.Familia, nombre, porMes.Values.Average(), normalizadas[0].Mensual!.Value.Unidad,
                porMes.Keys.Order().ToList(), grupo.Any(f => f.EsDemo)));
        }
        return (productos, omitidos);
    }
}
