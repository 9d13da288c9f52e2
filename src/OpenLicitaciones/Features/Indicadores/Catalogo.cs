namespace OpenLicitaciones.Features.Indicadores;

/// <summary>How an indicator's value reads: a share (0–1, shown as %), a ratio or index around 1, or an average count.</summary>
public enum TipoValor { Proporcion, Razon, Promedio }

/// <summary>
/// One indicator as the board, its detail, the methodology, the print view and the API describe it: the same words
/// everywhere, versioned with the app.
/// </summary>
/// <param name="Codigo">CONTRACTS §6: g1 … g13, r013, r018.</param>
/// <param name="Definicion">One sentence in plain Spanish.</param>
/// <param name="Numerador">What the numerator counts; <paramref name="Denominador"/>, the base.</param>
/// <param name="Unidad">What the detail lists ("contratos", "proponentes", "procesos", "líneas del plan").</param>
/// <param name="PorValor">The name of the second figure (the same share by value, or the median), when there is one.</param>
/// <param name="Limitaciones">What the figure cannot see; on the methodology page.</param>
public sealed record DefinicionIndicador(
    string Codigo, string Nombre, string Grupo, TipoValor Tipo, string Definicion, string Formula, string Numerador, string Denominador,
    string Periodo, string Unidad, IReadOnlyList<string> Campos, string? PorValor, IReadOnlyList<string> Limitaciones)
{
    /// <summary>Higher is better for inclusion and competition; for the integrity figures a rise is the warning.</summary>
    public bool SubirEsMejor { get; init; } = true;

    /// <summary>Anchor of its section on the methodology page.</summary>
    public string Ancla => $"/indicadores/metodologia#{Codigo}";
}

/// <summary>Every indicator of the board, in its order (anchors §6.2, CONTRACTS §7).</summary>
public static class CatalogoIndicadores
{
    public const string GrupoMujeres = "Empresas lideradas por mujeres";
    public const string GrupoCompetencia = "Competencia y nuevos proveedores";
    public const string GrupoLocal = "Compras locales y pequeñas empresas";
    public const string GrupoIntegridad = "Integridad";

    private const string PeriodoFirma = "Año (o trimestre) de la firma del contrato.";
    private const string PeriodoPublicacion = "Año (o trimestre) de la publicación del proceso.";
    public const string Contados = "Se cuentan los contratos firmados que no son borradores ni están cancelados (la misma regla del Banco y del Monitor).";
    private const string Proxy = "«Liderada por mujer» es la certificación registrada por la Secretaría (Decreto 1860 de 2021) desde su fecha de vigencia; sin ella, el género del representante legal que SECOP II publica en el contrato. El representante legal no dice quién es dueño de la empresa.";
    public const string NoDefinido = "«No Definido» y el campo vacío son «sin dato»: no cuentan ni como mujer ni como hombre y quedan fuera del denominador; la cobertura dice cuántos son.";
    public const string ProxyProponentes = "El género solo existe en los contratos: una empresa que se presenta sin haber ganado nunca queda «sin dato». La cifra favorece a las empresas que ya ganaron antes.";

    public static readonly IReadOnlyList<DefinicionIndicador> Todos =
    [
        new("g1", "Valor adjudicado a empresas lideradas por mujeres", GrupoMujeres, TipoValor.Proporcion,
            "De cada peso contratado en el periodo, qué parte fue a empresas lideradas por mujeres.",
            "Σ valor de contratos con empresa liderada por mujer ÷ Σ valor de contratos cuyo liderazgo se conoce",
            "Valor de los contratos con empresas lideradas por mujeres", "Valor de los contratos cuyo liderazgo se conoce",
            PeriodoFirma, "contratos",
            ["jbjy-vk9h.valor_del_contrato", "jbjy-vk9h.g_nero_representante_legal", "jbjy-vk9h.fecha_de_firma", "jbjy-vk9h.estado_contrato", "data/certificaciones.csv"],
            null, [Contados, Proxy, NoDefinido]),
        new("g2", "Contratos con empresas lideradas por mujeres", GrupoMujeres, TipoValor.Proporcion,
            "De los contratos firmados en el periodo, qué parte fue con empresas lideradas por mujeres.",
            "contratos con empresa liderada por mujer ÷ contratos cuyo liderazgo se conoce",
            "Contratos con empresas lideradas por mujeres", "Contratos cuyo liderazgo se conoce",
            PeriodoFirma, "contratos",
            ["jbjy-vk9h.g_nero_representante_legal", "jbjy-vk9h.fecha_de_firma", "jbjy-vk9h.estado_contrato", "data/certificaciones.csv"],
            null, [Contados, Proxy, NoDefinido]),
        new("g3", "Proveedores adjudicados liderados por mujeres", GrupoMujeres, TipoValor.Proporcion,
            "De los proveedores distintos que firmaron contratos en el periodo, qué parte son empresas lideradas por mujeres.",
            "proveedores distintos liderados por mujer ÷ proveedores distintos cuyo liderazgo se conoce",
            "Proveedores liderados por mujeres", "Proveedores cuyo liderazgo se conoce",
            PeriodoFirma, "proveedores",
            ["jbjy-vk9h.documento_proveedor", "jbjy-vk9h.codigo_proveedor", "jbjy-vk9h.g_nero_representante_legal", "data/certificaciones.csv"],
            null, [Contados, Proxy, "El liderazgo de un proveedor es el de su contrato más reciente del periodo que lo registra."]),
        new("g4", "Proponentes liderados por mujeres", GrupoMujeres, TipoValor.Proporcion,
            "De las empresas distintas que se presentaron a procesos publicados en el periodo, qué parte son lideradas por mujeres.",
            "proponentes distintos liderados por mujer ÷ proponentes distintos cuyo liderazgo se conoce",
            "Proponentes liderados por mujeres", "Proponentes cuyo liderazgo se conoce",
            PeriodoPublicacion, "proponentes",
            ["hgi6-6wh3.nit_proveedor", "wi7w-2nvm.nit_del_proveedor", "p6dx-8zbt.fecha_de_publicacion_del", "jbjy-vk9h.g_nero_representante_legal", "data/certificaciones.csv"],
            null, [ProxyProponentes, "Un proponente es quien aparece en Proponentes (hgi6-6wh3) u Ofertas (wi7w-2nvm), o ganó un proceso competitivo.", NoDefinido]),
        new("g5", "Tasa de éxito de las empresas lideradas por mujeres frente a las demás", GrupoMujeres, TipoValor.Razon,
            "Compara qué tan seguido ganan, por cada oferta en procesos competitivos, las empresas lideradas por mujeres y las demás (1 = igual; menos de 1, ellas ganan menos).",
            "(adjudicaciones ÷ participaciones de empresas lideradas por mujer) ÷ (adjudicaciones ÷ participaciones de las demás)",
            "Tasa de éxito de las empresas lideradas por mujeres", "Tasa de éxito de las demás empresas",
            PeriodoPublicacion, "participaciones",
            ["hgi6-6wh3", "wi7w-2nvm", "p6dx-8zbt.adjudicado", "p6dx-8zbt.modalidad_de_contratacion", "jbjy-vk9h.g_nero_representante_legal"],
            null, [ProxyProponentes, "«Las demás» son las empresas cuyo representante legal es hombre u otro; las de liderazgo desconocido quedan fuera.", "Solo procesos competitivos: la contratación directa no tiene competencia.", "Si alguno de los dos grupos no se presentó, o las demás empresas no ganaron ninguna vez, la razón es «sin datos»."]),
        new("g6", "Índice de participación con perspectiva de género (IPPG)", GrupoMujeres, TipoValor.Razon,
            "Cuánto se acercan las empresas lideradas por mujeres a las demás al presentarse y al ganar, en un solo número (1 = paridad; menos de 1 favorece a las demás).",
            "√((ofertas de lideradas por mujer ÷ ofertas de las demás) × (adjudicaciones de lideradas por mujer ÷ adjudicaciones de las demás))",
            "Ofertas y adjudicaciones de empresas lideradas por mujeres", "Ofertas y adjudicaciones de las demás",
            PeriodoPublicacion, "participaciones",
            ["hgi6-6wh3", "wi7w-2nvm", "p6dx-8zbt.adjudicado", "jbjy-vk9h.g_nero_representante_legal"],
            null, ["Fórmula de ChileCompra con dos etapas: presentarse y ganar.", "Si alguna de las cuatro cuentas es 0 en el periodo, el índice es «sin datos».", ProxyProponentes]),
        new("g7", "Contratos que registran el género del representante legal", GrupoMujeres, TipoValor.Proporcion,
            "De los contratos firmados en el periodo, en qué parte SECOP II tiene registrado el género del representante legal.",
            "contratos con género registrado (Mujer, Hombre u Otro) ÷ todos los contratos",
            "Contratos con el género registrado", "Todos los contratos",
            PeriodoFirma, "contratos",
            ["jbjy-vk9h.g_nero_representante_legal", "jbjy-vk9h.fecha_de_firma", "jbjy-vk9h.estado_contrato"],
            null, [Contados, "Palmira informó 4 % en 2020 y 37 % en 2022: es la cifra que dice cuánto valen las demás."]),
        new("g8", "Proponentes por proceso competitivo", GrupoCompetencia, TipoValor.Promedio,
            "Cuántas empresas se presentan, en promedio, a cada proceso competitivo publicado en el periodo.",
            "Σ proponentes de los procesos competitivos con cuenta final ÷ procesos competitivos con cuenta final",
            "Proponentes (suma)", "Procesos competitivos con número de proponentes conocido",
            PeriodoPublicacion, "procesos",
            ["hgi6-6wh3.id_procedimiento", "p6dx-8zbt.respuestas_al_procedimiento", "p6dx-8zbt.modalidad_de_contratacion", "p6dx-8zbt.estado_del_procedimiento"],
            "Mediana", ["Un 0 en «Evaluación» significa «no aplica» en SECOP II: esos procesos y los que siguen abiertos quedan fuera.", "Los procesos cancelados no cuentan.", "Palmira informó 1,6 proponentes en 2020 y 5,7 en 2022."]),
        new("g9", "Proveedores nuevos", GrupoCompetencia, TipoValor.Proporcion,
            "De los proveedores que firmaron contratos en el periodo, qué parte no había contratado con la entidad en los años anteriores.",
            "proveedores sin contratos con la entidad en los N años antes de su primer contrato del periodo ÷ proveedores del periodo cuya historia alcanza N años",
            "Proveedores nuevos", "Proveedores con historia suficiente",
            PeriodoFirma, "proveedores",
            ["jbjy-vk9h.fecha_de_firma", "jbjy-vk9h.documento_proveedor", "jbjy-vk9h.codigo_proveedor", "jbjy-vk9h.estado_contrato"],
            "Por valor", [Contados, "N es el mismo del Monitor (Monitor:AniosNuevo, 3 por defecto).", "Si los datos sincronizados no alcanzan N años antes del contrato, el proveedor es «sin dato»."]),
        new("g10", "Ley 2046: alimentos comprados a pequeños productores locales", GrupoLocal, TipoValor.Proporcion,
            "De cada peso que la entidad gastó en alimentos, qué parte compró a productores del registro local; la ley pide al menos 30 %.",
            "Σ valor de compras de alimentos (segmento UNSPSC 50) a NIT del registro de productores ÷ Σ valor de compras de alimentos con proveedor y valor conocidos",
            "Valor comprado a productores del registro", "Valor de las compras de alimentos con proveedor conocido",
            PeriodoFirma, "contratos",
            ["jbjy-vk9h.codigo_de_categoria_principal", "jbjy-vk9h.documento_proveedor", "jbjy-vk9h.valor_del_contrato", "data/associations.json", "data/productores_demo.json"],
            null, ["La operación del PAE (familias 8515 y 9010) no entra: el operador compra los alimentos fuera de SECOP.", "Mientras ninguna organización del registro tenga NIT, la cifra es «registro incompleto», nunca 0 %.", "Las mipymes locales son otra cifra, más amplia, que Capacidad productiva muestra aparte."]),
        new("g12", "Valor adjudicado a mipymes", GrupoLocal, TipoValor.Proporcion,
            "De cada peso contratado en el periodo, qué parte fue a micro, pequeñas y medianas empresas.",
            "Σ valor de contratos con mipyme ÷ Σ valor de contratos cuyo tamaño de empresa se conoce",
            "Valor de los contratos con mipymes", "Valor de los contratos con tamaño de empresa conocido",
            PeriodoFirma, "contratos",
            ["jbjy-vk9h.es_pyme", "qmzu-gj57.espyme", "jbjy-vk9h.valor_del_contrato"],
            null, [Contados, "Si el contrato no dice si es pyme, se usa el registro de proveedores de SECOP II."]),
        new("g13", "Plan de compras accesible a pequeñas empresas", GrupoLocal, TipoValor.Proporcion,
            "De las líneas del plan anual de adquisiciones vigente, qué parte tiene una modalidad a la que una pequeña empresa puede presentarse.",
            "líneas del plan vigente con modalidad accesible (la regla del Banco) ÷ líneas con modalidad conocida",
            "Líneas accesibles", "Líneas con modalidad conocida",
            "Año del plan anual de adquisiciones (el plan es anual: cada trimestre muestra el de su año).", "líneas del plan",
            ["9sue-ezhx.modalidad", "9sue-ezhx.valor_total_esperado", "b6m4-qgqv (versión vigente)", "data/modalidades.csv"],
            "Por valor", ["Es el plan, no lo contratado: una línea puede cambiar de modalidad al publicarse el proceso.", "Líneas sin modalidad o con una que el catálogo no conoce quedan fuera."]),
        new("r018", "Procesos competitivos con un solo proponente", GrupoIntegridad, TipoValor.Proporcion,
            "De los procesos competitivos publicados en el periodo con número de proponentes conocido, qué parte recibió una sola oferta.",
            "procesos competitivos con 1 proponente ÷ procesos competitivos con número de proponentes conocido",
            "Procesos con un solo proponente", "Procesos competitivos con número de proponentes conocido",
            PeriodoPublicacion, "procesos",
            ["p6dx-8zbt.respuestas_al_procedimiento", "hgi6-6wh3", "p6dx-8zbt.modalidad_de_contratacion"],
            null, ["La misma regla de la alerta R018 del Monitor.", "Una alerta es un motivo para revisar, no una prueba."]) { SubirEsMejor = false },
        new("r013", "Adjudicación directa", GrupoIntegridad, TipoValor.Proporcion,
            "De los procesos publicados en el periodo con modalidad conocida, qué parte se adjudicó sin competencia.",
            "procesos de contratación directa u otra modalidad sin competencia ÷ procesos no cancelados de modalidad conocida",
            "Procesos sin competencia", "Procesos no cancelados de modalidad conocida",
            PeriodoPublicacion, "procesos",
            ["p6dx-8zbt.modalidad_de_contratacion", "p6dx-8zbt.valor_total_adjudicacion", "p6dx-8zbt.precio_base"],
            "Por valor", ["La misma regla de la alerta R013 del Monitor.", "La contratación directa es legal en muchos casos: la tendencia importa más que el número."]) { SubirEsMejor = false },
    ];

    private static readonly Dictionary<string, DefinicionIndicador> PorCodigo = Todos.ToDictionary(d => d.Codigo);

    public static DefinicionIndicador? De(string codigo) => PorCodigo.GetValueOrDefault(codigo);

    /// <summary>G11 is per product, not a share of the entity: it lives in Capacidad productiva.</summary>
    public const string G11 = "g11: la cobertura de la demanda se calcula por producto; está en /capacidad y /api/v1/capacidad/demanda";
}
