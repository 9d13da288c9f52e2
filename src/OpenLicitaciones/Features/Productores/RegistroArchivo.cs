using System.Globalization;
using System.Text.Json;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Productores;

/// <summary>A producer organisation of the registry, as its file gives it.</summary>
public sealed record ProductorArchivo(
    string Nombre, string? Nit, double? Latitud, double? Longitud, string? Lugar, bool EsDemo, string Fuente, IReadOnlyList<ProductoArchivo> Productos);

public sealed record ProductoArchivo(string Producto, string Familia, CapacidadPublicada Publicada);

/// <summary>What a registry file gave: the valid organisations and one error per rejected row.</summary>
public sealed record RegistroLeido(IReadOnlyList<ProductorArchivo> Productores, IReadOnlyList<ErrorCarga> Errores);

/// <summary>
/// Reads the producer registry's files (data/associations.json, data/productores_demo.json): every capacity in a known
/// unit and period, not negative, every product mapped to a UNSPSC food family (data/productos_unspsc.csv), every
/// location inside the municipality. A bad row is left out with an <see cref="ErrorCarga"/>; the rest still loads.
/// </summary>
public static class RegistroArchivo
{
    /// <summary>Product name (folded) → UNSPSC family (4 digits, segment 50), from data/productos_unspsc.csv.</summary>
    public static IReadOnlyDictionary<string, string> LeerFamilias(string path)
    {
        var familias = new Dictionary<string, string>();
        var (abierto, _) = ArchivoCsv.Abrir(path, "producto", "familia");
        if (abierto is null) return familias;
        using var csv = abierto;
        while (csv.Read())
            if (csv.GetField("producto") is { Length: > 0 } producto && csv.GetField("familia") is { Length: > 0 } familia)
                familias[PlainText.Fold(producto)] = familia.Trim();
        return familias;
    }

    /// <param name="dentro">Whether a (latitude, longitude) lies in the municipality; a location outside it is rejected.</param>
    public static RegistroLeido Leer(string path, IReadOnlyDictionary<string, string> familias, Func<double, double, bool> dentro)
    {
        var archivo = Path.GetFileName(path);
        var errores = new List<ErrorCarga>();
        var productores = new List<ProductorArchivo>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            return new([], [new ErrorCarga(archivo, $"línea {e.LineNumber + 1}", "(archivo)", "no es un JSON válido.")]);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new([], [new ErrorCarga(archivo, "raíz", "(archivo)", "no es un objeto JSON con source y associations.")]);
            var fuente = Text(root, "source") ?? archivo;
            var esDemo = root.TryGetProperty("demo", out var demo) && demo.ValueKind == JsonValueKind.True;
            if (!root.TryGetProperty("associations", out var list) || list.ValueKind != JsonValueKind.Array)
                return new([], [new ErrorCarga(archivo, "raíz", "associations", "falta la lista de asociaciones.")]);
            var fila = 0;
            foreach (var a in list.EnumerateArray())
            {
                fila++;
                if (Productor(a, $"asociación {fila}", archivo, fuente, esDemo, familias, dentro, errores) is { } productor) productores.Add(productor);
            }
        }
        return new(productores, errores);
    }

    private static ProductorArchivo? Productor(JsonElement a, string fila, string archivo, string fuente, bool esDemo,
        IReadOnlyDictionary<string, string> familias, Func<double, double, bool> dentro, List<ErrorCarga> errores)
    {
        if (a.ValueKind != JsonValueKind.Object)
        {
            errores.Add(new(archivo, fila, "(fila)", "no es un objeto JSON con name y products."));
            return null;
        }
        var nombre = Text(a, "name");
        if (string.IsNullOrWhiteSpace(nombre))
        {
            errores.Add(new(archivo, fila, "name", "la asociación no tiene nombre."));
            return null;
        }
        fila = $"{fila} ({nombre})";
        string? nit = null;
        if (a.TryGetProperty("nit", out var rawNit) && rawNit.ValueKind != JsonValueKind.Null)
        {
            var texto = rawNit.ValueKind is JsonValueKind.String or JsonValueKind.Number ? rawNit.ToString() : "";
            nit = Nit.Canonical(texto);
            if (nit is null || !Nit.IsCompany(nit))
            {
                // Never the number itself: it may be a person's document (CONTRACTS §1), and this message is public.
                errores.Add(new(archivo, fila, "nit", "no es el NIT de una organización (9 dígitos que empiezan por 8 o 9, sin dígito de verificación)."));
                return null;
            }
        }
        var (lat, lon) = (Number(a, "latitude"), Number(a, "longitude"));
        if ((lat.Error ?? lon.Error) is { } coordError)
        {
            errores.Add(new(archivo, fila, lat.Error is null ? "longitude" : "latitude", coordError));
            return null;
        }
        if ((lat.Value is null) != (lon.Value is null))
        {
            errores.Add(new(archivo, fila, lat.Value is null ? "latitude" : "longitude", "la ubicación necesita latitud y longitud."));
            return null;
        }
        if (lat.Value is { } la && lon.Value is { } lo && !dentro(la, lo))
        {
            errores.Add(new(archivo, fila, "latitude", $"({la.ToString(CultureInfo.InvariantCulture)}, {lo.ToString(CultureInfo.InvariantCulture)}) queda fuera del municipio."));
            return null;
        }
        var productos = new List<ProductoArchivo>();
        if (!a.TryGetProperty("products", out var ps) || ps.ValueKind != JsonValueKind.Array)
        {
            errores.Add(new(archivo, fila, "products", "falta la lista de productos (puede estar vacía: [])."));
            return null;
        }
        var n = 0;
        foreach (var p in ps.EnumerateArray())
            if (Producto(p, $"{fila}, producto {++n}", archivo, familias, errores) is { } producto) productos.Add(producto);
        return new ProductorArchivo(nombre.Trim(), nit, lat.Value, lon.Value, Text(a, "place"), esDemo, fuente, productos);
    }

    private static ProductoArchivo? Producto(JsonElement p, string fila, string archivo, IReadOnlyDictionary<string, string> familias, List<ErrorCarga> errores)
    {
        if (p.ValueKind != JsonValueKind.Object)
        {
            errores.Add(new(archivo, fila, "(fila)", "no es un objeto JSON con product, quantity, unit y period."));
            return null;
        }
        var nombre = Text(p, "product");
        if (string.IsNullOrWhiteSpace(nombre))
        {
            errores.Add(new(archivo, fila, "product", "el producto no tiene nombre."));
            return null;
        }
        fila = $"{fila} ({nombre})";
        if (!familias.TryGetValue(PlainText.Fold(nombre), out var familia))
        {
            errores.Add(new(archivo, fila, "product", "el producto no tiene familia UNSPSC en data/productos_unspsc.csv."));
            return null;
        }
        var cantidad = Number(p, "quantity");
        if (cantidad.Error is { } error)
        {
            errores.Add(new(archivo, fila, "quantity", error));
            return null;
        }
        if (cantidad.Value < 0)
        {
            errores.Add(new(archivo, fila, "quantity", "la capacidad no puede ser negativa."));
            return null;
        }
        var (unidad, periodo) = (Text(p, "unit"), Text(p, "period"));
        // A capacity needs its unit and period; without a capacity ("not published") they may be empty, but not unknown.
        if ((cantidad.Value is not null || unidad is not null) && (unidad is null || !Capacidad.UnidadConocida(unidad)))
        {
            errores.Add(new(archivo, fila, "unit", $"unidad «{unidad ?? "vacía"}» desconocida; se aceptan: {Capacidad.UnidadesAceptadas}."));
            return null;
        }
        if ((cantidad.Value is not null || periodo is not null) && (periodo is null || !Capacidad.PeriodoConocido(periodo)))
        {
            errores.Add(new(archivo, fila, "period", $"periodo «{periodo ?? "vacío"}» desconocido; se aceptan: {Capacidad.PeriodosAceptados}."));
            return null;
        }
        return new ProductoArchivo(nombre.Trim(), familia, new CapacidadPublicada(cantidad.Value, unidad, periodo));
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static (double? Value, string? Error) Number(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return (null, null);
        return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d)
            ? (d, null)
            : (null, $"«{v.GetRawText()}» no es un número.");
    }
}
