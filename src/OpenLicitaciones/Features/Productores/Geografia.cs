using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace OpenLicitaciones.Features.Productores;

/// <summary>A DANE populated place: the cabecera municipal (tipo "CM") or a centro poblado ("CP").</summary>
public sealed record CentroPoblado(string Codigo, string Nombre, string Tipo, double Latitud, double Longitud)
{
    public const string TipoCabecera = "CM";
    public const string TipoCentroPoblado = "CP";

    public bool EsCabecera => Tipo == TipoCabecera;
}

/// <summary>
/// The configured municipality: its DANE boundary, its centros poblados and where they come from. Read once from the
/// files named in <see cref="GeografiaOptions"/>; immutable after that.
/// </summary>
public sealed class Geografia
{
    private Geografia(string codigo, string nombre, Geometry limite, IReadOnlyList<CentroPoblado> centros, IReadOnlyList<string> atribucion)
    {
        CodigoMunicipio = codigo;
        NombreMunicipio = nombre;
        Limite = limite;
        CentrosPoblados = centros;
        Atribucion = atribucion;
        Proyeccion = ProyeccionMapa.Para(limite.EnvelopeInternal);
    }

    /// <summary>DANE code, 5 digits (MPIO_CCNCT).</summary>
    public string CodigoMunicipio { get; }

    /// <summary>As people write it ("Palmira", "Guadalajara de Buga"), not in the file's capitals.</summary>
    public string NombreMunicipio { get; }

    /// <summary>The municipal boundary, lon/lat (WGS84): a Polygon or a MultiPolygon.</summary>
    public Geometry Limite { get; }

    /// <summary>The cabecera first, then the centros poblados by name.</summary>
    public IReadOnlyList<CentroPoblado> CentrosPoblados { get; }

    public CentroPoblado? Cabecera => CentrosPoblados.FirstOrDefault(c => c.EsCabecera);

    /// <summary>Source and licence of each file, one line each, to show under the map.</summary>
    public IReadOnlyList<string> Atribucion { get; }

    /// <summary>From lon/lat to the map's SVG coordinates, framed on the boundary.</summary>
    public ProyeccionMapa Proyeccion { get; }

    /// <summary>Whether a point is inside the municipality or on its boundary.</summary>
    public bool Contiene(double latitud, double longitud) =>
        double.IsFinite(latitud) && double.IsFinite(longitud) && Limite.Covers(Limite.Factory.CreatePoint(new Coordinate(longitud, latitud)));

    /// <summary>Reads both files; any problem is an <see cref="InvalidDataException"/> naming the setting, the file and what is wrong.</summary>
    public static Geografia Cargar(GeografiaOptions options)
    {
        var codigo = options.CodigoMunicipio.Trim();
        var (nombre, limite) = LeerLimite(options, codigo);
        var centros = LeerCentros(options, codigo);
        return new Geografia(codigo, nombre, limite, centros, [options.AtribucionLimites.Trim(), options.AtribucionCentrosPoblados.Trim()]);
    }

    private static readonly JsonSerializerOptions Json = new() { Converters = { new GeoJsonConverterFactory() } };

    private static (string Nombre, Geometry Limite) LeerLimite(GeografiaOptions options, string codigo)
    {
        const string ajuste = "Geografia:Limites";
        var features = Leer(ajuste, options.Limites, options.RutaLimites);
        var feature = features.FirstOrDefault(f => Texto(f, "MPIO_CCNCT") == codigo)
            ?? throw new InvalidDataException($"Geografia:CodigoMunicipio: el municipio {codigo} no está en {options.Limites} (ningún MPIO_CCNCT = {codigo}).");
        if (feature.Geometry is not (Polygon or MultiPolygon) || feature.Geometry.IsEmpty || feature.Geometry.EnvelopeInternal.Width <= 0)
            throw new InvalidDataException($"{ajuste}: el municipio {codigo} de {options.Limites} no tiene un polígono como límite.");
        var nombre = Texto(feature, "MPIO_CNMBR");
        return (string.IsNullOrWhiteSpace(nombre) ? codigo : NombrePropio(nombre), feature.Geometry);
    }

    private static List<CentroPoblado> LeerCentros(GeografiaOptions options, string codigo)
    {
        const string ajuste = "Geografia:CentrosPoblados";
        var centros = new List<CentroPoblado>();
        foreach (var feature in Leer(ajuste, options.CentrosPoblados, options.RutaCentrosPoblados).Where(f => Texto(f, "cod_mpio") == codigo))
        {
            var cod = Texto(feature, "cod_cp");
            var nombre = Texto(feature, "nombre_cp");
            var tipo = Texto(feature, "tipo");
            var lugar = $"{ajuste}: {options.CentrosPoblados}, centro poblado {cod ?? "sin código"}";
            if (string.IsNullOrWhiteSpace(cod) || string.IsNullOrWhiteSpace(nombre))
                throw new InvalidDataException($"{lugar}: falta el código (cod_cp) o el nombre (nombre_cp).");
            if (tipo is not (CentroPoblado.TipoCabecera or CentroPoblado.TipoCentroPoblado))
                throw new InvalidDataException($"{lugar}: el tipo '{tipo}' no es CM (cabecera municipal) ni CP (centro poblado).");
            if (feature.Geometry is not Point { IsEmpty: false } punto || !double.IsFinite(punto.X) || !double.IsFinite(punto.Y))
                throw new InvalidDataException($"{lugar}: no tiene un punto con sus coordenadas.");
            centros.Add(new CentroPoblado(cod, NombrePropio(nombre), tipo, punto.Y, punto.X));
        }
        if (centros.Count == 0)
            throw new InvalidDataException($"{ajuste}: {options.CentrosPoblados} no tiene centros poblados del municipio {codigo} (ningún cod_mpio = {codigo}).");
        return centros.OrderByDescending(c => c.EsCabecera).ThenBy(c => c.Nombre, StringComparer.Create(CultureInfo.GetCultureInfo("es-CO"), false)).ToList();
    }

    private static FeatureCollection Leer(string ajuste, string configurado, string ruta)
    {
        if (!File.Exists(ruta)) throw new InvalidDataException($"{ajuste}: no existe el archivo {configurado} (buscado en {ruta}).");
        try
        {
            using var stream = File.OpenRead(ruta);
            return JsonSerializer.Deserialize<FeatureCollection>(stream, Json)
                ?? throw new InvalidDataException($"{ajuste}: {configurado} está vacío.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{ajuste}: {configurado} no es una colección GeoJSON válida ({e.Message}).", e);
        }
    }

    private static string? Texto(IFeature feature, string propiedad) =>
        feature.Attributes is IPartiallyDeserializedAttributesTable attributes && attributes.TryGetJsonObjectPropertyValue<JsonElement>(propiedad, Json, out var value)
            ? value.ValueKind switch { JsonValueKind.String => value.GetString(), JsonValueKind.Number => value.GetRawText(), _ => null }
            : null;

    /// <summary>"GUADALAJARA DE BUGA" → "Guadalajara de Buga": DANE writes names in capitals; roman numerals stay ("II").</summary>
    internal static string NombrePropio(string nombre)
    {
        var culture = CultureInfo.GetCultureInfo("es-CO");
        var palabras = nombre.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < palabras.Length; i++)
        {
            var palabra = palabras[i];
            if (palabra.All(c => c is 'I' or 'V' or 'X')) continue;
            var minuscula = palabra.ToLower(culture);
            if (i > 0 && minuscula is "de" or "del" or "y" or "e")
            {
                palabras[i] = minuscula;
                continue;
            }
            var letra = 0;
            while (letra < minuscula.Length && !char.IsLetter(minuscula[letra])) letra++; // "(EL" → "(El"
            palabras[i] = letra == minuscula.Length ? minuscula : minuscula[..letra] + char.ToUpper(minuscula[letra], culture) + minuscula[(letra + 1)..];
        }
        return string.Join(' ', palabras);
    }
}
