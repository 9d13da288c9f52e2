using System.Globalization;
using System.Reflection;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Indicadores;

/// <summary>A data source of the indicators: a SECOP II dataset (with its page on datos.gov.co) or a file staff keep.</summary>
public sealed record FuenteMetodologia(string Id, string Nombre, string Uso, string? Url);

/// <summary>
/// What the methodology page says beyond each indicator's definition: where the data comes from, G11 (which lives in
/// Capacidad productiva, not on the board), the targets in words and the app version the methodology belongs to.
/// </summary>
public static class Metodologia
{
    public const string Ruta = "/indicadores/metodologia";
    public const string Credito = "Fuente: SECOP II, Colombia Compra Eficiente — datos.gov.co";

    /// <summary>The share of its period a known base must reach; under it the figure is "cobertura baja" (CONTRACTS §7).</summary>
    public const string UmbralCobertura = "30 %";

    private static readonly Dictionary<string, string> Usos = new()
    {
        ["p6dx-8zbt"] = "Fecha de publicación, modalidad, estado y número de proponentes de cada proceso (G4, G5, G6, G8, R013, R018).",
        ["9sue-ezhx"] = "Modalidad y valor de cada línea del plan anual de adquisiciones (G13).",
        ["b6m4-qgqv"] = "Qué versión del plan anual de adquisiciones está vigente (G13).",
        ["jbjy-vk9h"] = "Fecha de firma, estado, valor, proveedor, género del representante legal, mipyme y código UNSPSC de cada contrato (G1, G2, G3, G7, G9, G10, G12, y el liderazgo de los proponentes en G4, G5 y G6).",
        ["hgi6-6wh3"] = "Quién se presentó a cada proceso (G4, G5, G6, G8, R018).",
        ["wi7w-2nvm"] = "Quién presentó oferta en cada proceso (G4, G5, G6).",
        ["qmzu-gj57"] = "Si el proveedor es mipyme, cuando el contrato no lo dice (G12).",
    };

    /// <summary>Every SECOP II dataset the app synchronises, in the sync's order.</summary>
    public static IReadOnlyList<FuenteMetodologia> Conjuntos { get; } = SecopDatasets.All
        .Select(d => new FuenteMetodologia(d.Id, d.Nombre, Usos.GetValueOrDefault(d.Id, "Se sincroniza con la aplicación; ningún indicador lo usa."),
            $"https://www.datos.gov.co/d/{d.Id}"))
        .ToList();

    /// <summary>
    /// What staff keep beside the open data: in the staff area's database (copied from these files of <c>data/</c> on the
    /// first start), except the modality catalog, which is a file.
    /// </summary>
    public static IReadOnlyList<FuenteMetodologia> Archivos { get; } =
    [
        new("data/certificaciones.csv", "Certificaciones de empresa de mujer",
            "NIT, fecha de vigencia, vencimiento y evidencia de cada certificación que registra la Secretaría en su área de trabajo (G1 a G6); el archivo solo da las del primer arranque. Vacío por omisión; una instalación de demostración agrega certificaciones inventadas, marcadas como tales.", null),
        new("data/associations.json", "Registro de productores",
            "Organizaciones de pequeños productores, con su NIT cuando se conoce, sus productos y su capacidad (G10 y G11), que la Secretaría mantiene en su área de trabajo junto con los proveedores que marca como pequeños productores u organizaciones ACFC.", null),
        new("data/modalidades.csv", "Catálogo de modalidades",
            "Cómo se agrupan las modalidades que escribe SECOP II: cuáles son competitivas y cuáles accesibles a pequeñas empresas (G5, G6, G8, G13, R013, R018).", null),
        new("data/demanda_declarada.csv", "Demanda declarada de alimentos",
            "Cantidad mensual de cada producto que la entidad declara necesitar (G11), mantenida por la Secretaría en su área de trabajo.", null),
    ];

    /// <summary>
    /// G11 (anchors §6.2) is per product, not one figure of the entity: it is computed in Capacidad productiva and
    /// described here with the same fields as the board's indicators.
    /// </summary>
    public static readonly DefinicionIndicador G11 = new("g11", "Cobertura de la demanda de alimentos con producción local",
        CatalogoIndicadores.GrupoLocal, TipoValor.Razon,
        "Para cada producto, qué parte de la demanda mensual declarada de alimentos podrían cubrir las organizaciones de productores del registro.",
        "capacidad mensual de las organizaciones del registro ÷ demanda mensual declarada, por producto; brecha = demanda − capacidad",
        "Capacidad mensual local del producto", "Demanda mensual declarada del producto",
        "Mes: la capacidad publicada (por semana, semestre, año…) y la demanda declarada se llevan a una cifra por mes.", "productos",
        ["data/associations.json", "data/productores_demo.json", "data/demanda_declarada.csv", "data/productos_unspsc.csv"],
        "Brecha (demanda − capacidad)",
        [
            "Se calcula por producto, no para toda la entidad: por eso está en Capacidad productiva y no en el tablero.",
            "Es la cobertura de la demanda, no la cobertura de datos (conocidos ÷ todos) de los demás indicadores.",
            "Solo se suman cantidades en la misma unidad. Una capacidad en bultos, racimos o cajas, o con un periodo que no se reconoce, se muestra como se publicó y queda fuera de las sumas.",
            "La demanda es la que declara la entidad, no lo que registra SECOP II: el operador del PAE compra sus alimentos fuera de SECOP.",
        ]);

    /// <summary>The target of an indicator in words: the law's for G10, the configured ones for the rest, or none.</summary>
    public static string Meta(string codigo, MetasIndicadores metasVigentes)
    {
        if (codigo == "g10")
            return $"{Porcentaje(Productores.Ley2046.Meta)} cada año: la fija la Ley 2046 de 2020.";
        return MetasPorAnio(codigo, metasVigentes) is { } metas
            ? $"{metas} (fijadas por la Secretaría)."
            : "Ninguna: la Secretaría no ha fijado una, y la aplicación no la inventa.";
    }

    /// <summary>The configured targets of an indicator, "2025: 35 %; 2026: 40 %", or null when it has none.</summary>
    public static string? MetasPorAnio(string codigo, MetasIndicadores metasVigentes) =>
        metasVigentes.PorIndicador.TryGetValue(codigo, out var porAnio) && porAnio.Count > 0
            ? string.Join("; ", porAnio.OrderBy(m => m.Key).Select(m => $"{m.Key.ToString(CultureInfo.InvariantCulture)}: {Porcentaje(m.Value)}"))
            : null;

    /// <summary>"1.0.0 (a4a40fa)" from the SDK's "1.0.0+a4a40fa…" (version and the commit it was built from).</summary>
    public static string Version(string? informacional)
    {
        if (string.IsNullOrWhiteSpace(informacional)) return "sin número";
        var partes = informacional.Trim().Split('+', 2);
        return partes.Length == 2 && partes[1].Length > 0 ? $"{partes[0]} ({partes[1][..Math.Min(7, partes[1].Length)]})" : partes[0];
    }

    /// <summary>The version of this build of the app: the methodology changes only with it.</summary>
    public static string VersionApp { get; } =
        Version(typeof(Metodologia).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    private static string Porcentaje(double proporcion) =>
        (proporcion * 100).ToString("0.#", CultureInfo.GetCultureInfo("es-CO")) + " %";
}
