using System.Globalization;
using System.Text.Json.Nodes;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Sync;

/// <summary>
/// Deterministic demo rows in exactly the SODA JSON shape (strings, omitted nulls, sentinels, V1. codes, url
/// objects) for the configured entities over the last six years, placed in their configured municipalities. The
/// distributions follow what the municipality of the OCP 2023 case study and CCE published (FACTS.md; FINDINGS.md §3): most contracts are direct personal-services contracts; bidders
/// per competitive process rise from about 1.6 to about 5.7 after 2022; the share of contracts that record the
/// legal representative's gender rises from a few percent to most; food is bought from local associations.
/// The same seed and year always give the same rows.
/// </summary>
public sealed class DemoGenerator
{
    public const string Marker = " (demo)";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly Random _rng;
    private readonly DateTime _today;
    private readonly List<Supplier> _suppliers = [];
    private readonly Dictionary<string, List<JsonObject>> _rows = new()
    {
        ["p6dx-8zbt"] = [], ["jbjy-vk9h"] = [], ["9sue-ezhx"] = [], ["b6m4-qgqv"] = [],
        ["hgi6-6wh3"] = [], ["wi7w-2nvm"] = [], ["qmzu-gj57"] = [],
    };
    private int _seq;
    private int _rowSeq;
    private readonly int _entityOffset;

    /// <param name="series">
    /// Keeps ids apart when several generators feed one database (the benchmark makes one per synthetic entity): the
    /// n-th series numbers its processes, rows and entities after those of the series before it.
    /// </param>
    public DemoGenerator(IReadOnlyList<EntityOptions> entities, DateTime today, int series = 0)
    {
        _today = today.Date;
        (_seq, _rowSeq, _entityOffset) = (series * 10_000, series * 100_000, series);
        _entities = entities.Select(e => (Nit: Nit.Canonical(e.Nit) ?? e.Nit, Options: e)).DistinctBy(e => e.Nit)
            .Select(e => new Entity(e.Nit, EntityCode(e.Nit), e.Options.Nombre.ToUpperInvariant(), e.Options.Municipio, e.Options.Departamento))
            .ToList();
        _rng = new Random(_entities.Aggregate(20_461_020, (h, e) => unchecked(h * 31 + StableHash(e.Nit))) ^ today.Year);
        // Suppliers are shared by every entity: most are located where the first one is.
        (_local, _region) = (_entities[0].Municipio, _entities[0].Departamento);
        _companyNames = ["del Valle", _local, "La Palma", "Andina", "del Pacífico", "Villa Verde", "El Samán", "Agroindustrial",
            "Cauca", "Horizonte", "La Esperanza", "Nueva Era"];
        _municipios = [(_local, 0.55), ("Cali", 0.22), ("Candelaria", 0.06), ("El Cerrito", 0.05), ("Pradera", 0.04), ("Tuluá", 0.03), ("Bogotá", 0.05)];
    }

    private readonly List<Entity> _entities;

    public int FirstYear => _today.Year - 5;

    /// <summary>Every demo row per dataset id, ordered by (:updated_at, :id) as the API pages them.</summary>
    public IReadOnlyDictionary<string, List<JsonObject>> Generate()
    {
        CreateSuppliers();
        foreach (var entity in _entities)
            for (var year = FirstYear; year <= _today.Year; year++)
                GenerateYear(entity, year);
        foreach (var supplier in _suppliers.Where(s => s.Used)) _rows["qmzu-gj57"].Add(SupplierRow(supplier));
        foreach (var rows in _rows.Values)
            rows.Sort((a, b) =>
            {
                var c = string.CompareOrdinal((string?)a[":updated_at"], (string?)b[":updated_at"]);
                return c != 0 ? c : string.CompareOrdinal((string?)a[":id"], (string?)b[":id"]);
            });
        return _rows;
    }

    // ---- reference lists -------------------------------------------------------------------------------

    private sealed record Entity(string Nit, string Codigo, string Nombre, string Municipio, string Departamento);

    private sealed record Sector(string Name, string[] Codes, string[] Objects, long MinValue, long MaxValue, string[] Modalities, string TipoContrato, string Unit);

    private static readonly string[] Units =
    [
        "Secretaría de Educación", "Secretaría de Infraestructura", "Secretaría de Desarrollo Económico",
        "Secretaría de Salud", "Secretaría General", "Secretaría de Agricultura y Desarrollo Rural",
        "Secretaría de Integración Social", "Secretaría de Hacienda",
    ];

    private static readonly Sector[] Sectors =
    [
        new("obra", ["72141100", "72141000", "72101500"],
            ["Mejoramiento de la vía terciaria de la vereda {0}", "Construcción de placa huella en el corregimiento {0}", "Mantenimiento de la institución educativa de {0}"],
            250_000_000, 2_500_000_000, ["Licitación pública Obra Publica", "Selección Abreviada de Menor Cuantía"], "Obra", "Secretaría de Infraestructura"),
        new("papeleria", ["44121600", "44122000", "14111500"],
            ["Suministro de papelería y útiles de oficina para {1}", "Compra de elementos de oficina para {1}"],
            5_000_000, 80_000_000, ["Mínima cuantía", "Selección abreviada subasta inversa"], "Suministros", "Secretaría General"),
        new("computo", ["43211500", "43211700"],
            ["Adquisición de equipos de cómputo para {1}", "Compra de computadores portátiles para sedes educativas"],
            30_000_000, 400_000_000, ["Selección abreviada subasta inversa", "Mínima cuantía"], "Compraventa", "Secretaría General"),
        new("aseo", ["47131700", "47131800"],
            ["Suministro de elementos de aseo y cafetería para {1}"],
            8_000_000, 90_000_000, ["Mínima cuantía"], "Suministros", "Secretaría General"),
        new("eventos", ["80141600", "80141900"],
            ["Logística para la Feria de Gobierno Abierto", "Operación logística de eventos de {1}", "Logística del mercado campesino de {0}"],
            10_000_000, 250_000_000, ["Mínima cuantía", "Selección Abreviada de Menor Cuantía"], "Prestación de servicios", "Secretaría de Desarrollo Económico"),
        new("interventoria", ["81101500"],
            ["Interventoría técnica, administrativa y financiera de obras en {0}"],
            60_000_000, 400_000_000, ["Concurso de méritos abierto"], "Interventoría", "Secretaría de Infraestructura"),
        new("transporte", ["78111800"],
            ["Servicio de transporte escolar para estudiantes de la zona rural de {0}"],
            100_000_000, 900_000_000, ["Selección Abreviada de Menor Cuantía", "Licitación pública"], "Prestación de servicios", "Secretaría de Educación"),
        new("vehiculos", ["78181500"],
            ["Mantenimiento preventivo y correctivo del parque automotor"],
            15_000_000, 120_000_000, ["Mínima cuantía"], "Prestación de servicios", "Secretaría General"),
    ];

    private static readonly Sector Pae = new("pae", ["85151600", "90101600"],
        ["Operación del Programa de Alimentación Escolar (PAE) en instituciones educativas oficiales",
         "Suministro de complementos alimentarios del PAE con compras locales (Ley 2046 de 2020)"],
        2_000_000_000, 9_000_000_000, ["Licitación pública"], "Prestación de servicios", "Secretaría de Educación");

    /// <summary>
    /// Food sold by the invented producer organisations of data/productores_demo.json (read through the registry's own
    /// loader): never by the real associations of data/associations.json, whose sales are not published.
    /// </summary>
    private static readonly Lazy<(string Product, string Code, string Producer, string Nit)[]> LocalFood = new(() =>
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        var familias = Productores.RegistroArchivo.LeerFamilias(Path.Combine(data, "productos_unspsc.csv"));
        return Productores.RegistroArchivo.Leer(Path.Combine(data, "productores_demo.json"), familias, (_, _) => true).Productores
            .Where(p => p.Nit is not null)
            .SelectMany(p => p.Productos.Select(x => (x.Producto.ToLowerInvariant(), x.Familia + "1500", p.Nombre, p.Nit!)))
            .ToArray();
    });

    /// <summary>Food wholesalers that are not small producers: they win part of the food purchases, as in any municipality.</summary>
    private static readonly string[] FoodWholesalers =
        ["Distribuidora de Alimentos del Valle", "Comercializadora Agroalimentaria Central", "Surtidora Mayorista de Víveres"];

    private static readonly string[] Services =
    [
        "Prestación de servicios profesionales como abogado(a) de apoyo a {1}",
        "Prestación de servicios de apoyo a la gestión en {1}",
        "Prestación de servicios profesionales en ingeniería para {1}",
        "Prestación de servicios como técnico(a) agropecuario(a) para la asistencia técnica rural en {0}",
        "Prestación de servicios profesionales en psicología para {1}",
        "Prestación de servicios como docente de apoyo en la institución educativa de {0}",
    ];

    private static readonly string[] Places =
    [
        "Rozo", "Amaime", "La Buitrera", "Tienda Nueva", "Potrerito", "Tablones", "Bolo San Isidro", "Guanabanal",
        "Ayacucho", "Combia", "La Herradura", "Matapalo", "Caucaseco", "Toche", "Barrancas", "La Zapata",
    ];

    private static readonly string[] FirstNames =
    [
        "María", "Luz Adriana", "Carolina", "Diana", "Paola", "Sandra", "Yamileth", "Gloria", "Natalia", "Ana Milena",
        "Carlos", "Jorge", "Andrés", "Luis Fernando", "Julián", "Diego", "Jhon Jairo", "Óscar", "Fabio", "Mauricio",
    ];

    private static readonly string[] LastNames =
    [
        "Gómez", "Rodríguez", "Muñoz", "Quintero", "Valencia", "Ospina", "Cárdenas", "Mosquera", "Lozano", "Arboleda",
        "Ramírez", "Castaño", "Zapata", "Hurtado", "Caicedo", "Barona", "Rengifo", "Escobar", "Ortiz", "Patiño",
    ];

    private static readonly string[] CompanyWords =
    [
        "Inversiones", "Soluciones", "Construcciones", "Comercializadora", "Servicios Integrales", "Distribuciones",
        "Ingeniería", "Suministros", "Logística", "Tecnología",
    ];

    // Company names and supplier towns around the first entity's municipality; the other towns are the demo's region.
    private readonly string _local, _region;
    private readonly string[] _companyNames;
    private readonly (string Municipio, double Weight)[] _municipios;

    // ---- suppliers ---------------------------------------------------------------------------------------

    private sealed class Supplier
    {
        public required string Codigo { get; init; }
        public required string Nombre { get; init; }
        public required string Kind { get; init; } // natural | company | group
        public string? Document { get; init; }
        public required string Gender { get; init; }
        public required bool Pyme { get; init; }
        public required string Municipio { get; init; }
        public required int FirstYear { get; init; }
        public string? Sector { get; init; }
        public string? Association { get; init; }
        public bool Used { get; set; }
    }

    private void CreateSuppliers()
    {
        var code = 700_150_000;
        for (var i = 0; i < 420; i++)
        {
            var woman = i % 2 == 0 ? _rng.NextDouble() < 0.9 : _rng.NextDouble() < 0.2;
            var first = FirstNames[(woman ? 0 : 10) + _rng.Next(10)];
            _suppliers.Add(new Supplier
            {
                Codigo = (code += 37).ToString(Inv), Kind = "natural",
                Nombre = $"{first} {Pick(LastNames)} {Pick(LastNames)}".ToUpperInvariant() + Marker,
                Document = (1_000_000_000L + _rng.NextInt64(0, 150_000_000)).ToString(Inv),
                Gender = woman ? "Mujer" : "Hombre", Pyme = false, Municipio = PickMunicipio(), FirstYear = FirstYear,
            });
        }
        for (var i = 0; i < 220; i++)
        {
            var sector = Sectors[i % Sectors.Length];
            _suppliers.Add(new Supplier
            {
                Codigo = (code += 37).ToString(Inv), Kind = "company",
                Nombre = $"{Pick(CompanyWords)} {Pick(_companyNames)} {(char)('A' + i % 26)}{i / 26} S.A.S.".ToUpperInvariant() + Marker,
                Document = (900_100_000 + _rng.Next(0, 899_999)).ToString(Inv),
                Gender = _rng.NextDouble() < 0.35 ? "Mujer" : "Hombre", Pyme = _rng.NextDouble() < 0.7,
                Municipio = PickMunicipio(), Sector = sector.Name,
                // More firms enter the market from 2022 on, as the case study's opening of its procurement did.
                FirstYear = i < 90 ? FirstYear : Math.Max(FirstYear, 2022 + _rng.Next(0, Math.Max(1, _today.Year - 2021))),
            });
        }
        for (var i = 0; i < 30; i++)
            _suppliers.Add(new Supplier
            {
                Codigo = (code += 37).ToString(Inv), Kind = "group",
                Nombre = $"{(i % 2 == 0 ? "CONSORCIO" : "UNIÓN TEMPORAL")} {Pick(_companyNames).ToUpperInvariant()} {FirstYear + i % 6}{Marker}",
                Gender = _rng.NextDouble() < 0.3 ? "Mujer" : "Hombre", Pyme = false, Municipio = PickMunicipio(),
                Sector = i % 3 == 0 ? "pae" : "obra", FirstYear = FirstYear,
            });
        foreach (var (producer, nit) in LocalFood.Value.Select(f => (f.Producer, f.Nit)).Distinct())
            _suppliers.Add(new Supplier
            {
                // As the registry names them (the file's names already say "(demo)").
                Codigo = (code += 37).ToString(Inv), Kind = "company", Nombre = producer, Document = nit,
                Gender = _rng.NextDouble() < 0.6 ? "Mujer" : "Hombre", Pyme = true, Municipio = _local,
                Sector = "alimentos", Association = producer, FirstYear = Math.Max(FirstYear, 2022),
            });
        foreach (var wholesaler in FoodWholesalers)
            _suppliers.Add(new Supplier
            {
                Codigo = (code += 37).ToString(Inv), Kind = "company", Nombre = $"{wholesaler} S.A.S.".ToUpperInvariant() + Marker,
                Document = (900_700_000 + _rng.Next(0, 99_999)).ToString(Inv),
                Gender = _rng.NextDouble() < 0.3 ? "Mujer" : "Hombre", Pyme = _rng.NextDouble() < 0.5, Municipio = PickMunicipio(),
                Sector = "mayorista", FirstYear = FirstYear,
            });
    }

    private string PickMunicipio()
    {
        var x = _rng.NextDouble();
        foreach (var (municipio, weight) in _municipios)
            if ((x -= weight) < 0) return municipio;
        return _local;
    }

    // ---- one year of one entity --------------------------------------------------------------------------

    private sealed record PlanItem(string Descripcion, string[] Codes, string Modalidad, int Month, long Value, int FromVersion, string? ProcessRef);

    private void GenerateYear(Entity entity, int year)
    {
        var plan = new List<PlanItem>();
        var isCurrent = year == _today.Year;

        // Direct personal-services contracts: most of the volume (FINDINGS §2: 75.7 % direct in 2025).
        var services = 520 + _rng.Next(0, 120);
        var byUnit = new Dictionary<string, (int Count, long Value, string? FirstProcess)>();
        for (var i = 0; i < services; i++)
        {
            var published = RandomDate(year, 1, isCurrent ? _today.Month : 12, maxDay: 28);
            if (published > _today) continue;
            var unit = Pick(Units);
            var value = RoundTo(_rng.NextInt64(8_000_000, 70_000_000), 100_000);
            var supplier = PickSupplier(s => s.Kind == "natural", year);
            var obj = string.Format(Inv, Pick(Services), Pick(Places), unit.ToLowerInvariant());
            var code = _rng.NextDouble() < 0.7 ? "80111600" : _rng.NextDouble() < 0.5 ? "80111500" : "93141500";
            var processRef = CreateProcess(entity, year, obj, code, "Contratación directa", "Prestación de servicios", unit, value, published,
                competitive: false, bidders: [supplier], winner: supplier);
            var acc = byUnit.GetValueOrDefault(unit);
            byUnit[unit] = (acc.Count + 1, acc.Value + value, acc.FirstProcess ?? processRef);
        }
        // One plan line per unit for its personal-services contracts, pointing at the first of them.
        foreach (var (unit, (count, value, firstProcess)) in byUnit)
            plan.Add(new PlanItem($"Prestación de servicios profesionales y de apoyo a la gestión de la {unit} ({count} contratos)",
                ["80111600", "80111500"], "Contratación directa", 1, value, 1, firstProcess));

        // Competitive purchases.
        var competitive = 95 + _rng.Next(0, 40);
        for (var i = 0; i < competitive; i++)
        {
            var sector = Sectors[_rng.Next(Sectors.Length)];
            plan.Add(CompetitivePurchase(entity, year, sector, string.Format(Inv, Pick(sector.Objects), Pick(Places), Pick(Units).ToLowerInvariant()), Pick(sector.Codes)));
        }

        // School feeding (PAE) and local food purchases from producer associations (Ley 2046 de 2020).
        plan.Add(CompetitivePurchase(entity, year, Pae, Pae.Objects[0], Pae.Codes[0]));
        if (year >= 2022) plan.Add(CompetitivePurchase(entity, year, Pae, Pae.Objects[1], Pae.Codes[1]));
        // Without demo producer organisations (an emptied data/productores_demo.json) there is no local food to sell.
        var localFood = LocalFood.Value.Length == 0 ? 0 : year >= 2022 ? 8 + _rng.Next(0, 6) : 1;
        for (var i = 0; i < localFood; i++)
        {
            var (product, code, producer, _) = LocalFood.Value[_rng.Next(LocalFood.Value.Length)];
            var month = 2 + _rng.Next(0, 10);
            var value = RoundTo(_rng.NextInt64(5_000_000, 60_000_000), 10_000);
            var published = RandomDate(year, month, month, maxDay: 28);
            string? processRef = null;
            if (published <= _today)
            {
                // Before the strategy, and in about four of ten purchases after it, a wholesaler wins instead.
                var seller = (year >= 2022 && _rng.NextDouble() < 0.6 ? _suppliers.FirstOrDefault(s => s.Association == producer && s.FirstYear <= year) : null)
                    ?? PickSupplier(s => s.Sector == "mayorista", year);
                processRef = CreateProcess(entity, year, $"Suministro de {product} para el Programa de Alimentación Escolar (PAE) de {entity.Municipio}", code,
                    "Contratación régimen especial (con ofertas)", "Compraventa", "Secretaría de Agricultura y Desarrollo Rural",
                    value, published, competitive: true, bidders: [seller], winner: seller);
            }
            plan.Add(new PlanItem($"Compra local de {product} para el Programa de Alimentación Escolar", [code, "50401500"],
                "Contratación régimen especial (con ofertas)", month, value, 1, processRef));
        }

        // Lines that are planned but never became a process (and, this year, the ones still ahead).
        for (var i = 0; i < 12; i++)
        {
            var sector = Sectors[_rng.Next(Sectors.Length)];
            var month = 1 + _rng.Next(0, 12);
            plan.Add(new PlanItem(string.Format(Inv, Pick(sector.Objects), Pick(Places), Pick(Units).ToLowerInvariant()), [Pick(sector.Codes)],
                Pick(sector.Modalities), month, RoundTo(_rng.NextInt64(sector.MinValue, sector.MaxValue), 1_000_000), 1 + _rng.Next(0, 3), null));
        }

        WritePlan(entity, year, plan);
    }

    private PlanItem CompetitivePurchase(Entity entity, int year, Sector sector, string objeto, string code)
    {
        var isCurrent = year == _today.Year;
        var modalidad = Pick(sector.Modalities);
        var month = 1 + _rng.Next(0, 12);
        var value = RoundTo(_rng.NextInt64(sector.MinValue, sector.MaxValue), 100_000);
        var published = RandomDate(year, month, month, maxDay: 28);
        string? processRef = null;
        if (published <= _today || (isCurrent && month == _today.Month))
        {
            if (published > _today) published = _today.AddDays(-_rng.Next(0, 5));
            // The case study: 1.6 bidders per competitive process before its strategy, 5.7 after (OCP 2023).
            var mean = year < 2022 ? 1.6 : 5.7;
            var count = Math.Max(1, (int)Math.Round(mean + (_rng.NextDouble() - 0.5) * 3));
            var pool = _suppliers.Where(s => (s.Sector == sector.Name || (sector.Name == "pae" && s.Kind == "group")) && s.FirstYear <= year).ToList();
            if (pool.Count == 0) pool = _suppliers.Where(s => s.Kind == "company" && s.FirstYear <= year).ToList();
            var bidders = pool.OrderBy(_ => _rng.Next()).Take(count).ToList();
            processRef = CreateProcess(entity, year, objeto, code, modalidad, sector.TipoContrato, sector.Unit, value, published,
                competitive: true, bidders: bidders, winner: bidders[_rng.Next(bidders.Count)]);
        }
        return new PlanItem(objeto, [code], modalidad, month, value, 1, processRef);
    }

    /// <summary>Writes one process with its bidders, offers and contract; returns the reference a PAA line would hold.</summary>
    private string CreateProcess(Entity entity, int year, string objeto, string code, string modalidad, string tipo, string unit,
        long value, DateTime published, bool competitive, List<Supplier> bidders, Supplier winner)
    {
        var n = ++_seq;
        var req = $"CO1.REQ.{9_000_000 + n}";
        var bdos = $"CO1.BDOS.{8_000_000 + n}";
        var ntc = $"CO1.NTC.{7_000_000 + n}";
        var url = new JsonObject { ["url"] = $"https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID={ntc}" };
        var reception = competitive ? published.AddDays(modalidad.StartsWith("Mínima", StringComparison.Ordinal) ? 3 + _rng.Next(0, 3) : 8 + _rng.Next(0, 15)) : (DateTime?)null;
        var open = reception > _today;
        var evaluating = !open && reception is { } r && (_today - r).TotalDays < 12;
        var cancelled = !open && !evaluating && competitive && _rng.NextDouble() < 0.03;
        var awarded = !open && !evaluating && !cancelled;
        var awardDate = awarded ? (reception ?? published).AddDays(competitive ? 3 + _rng.Next(0, 8) : 0) : (DateTime?)null;
        if (awardDate > _today) awardDate = _today;
        var offered = open ? [] : bidders.Select(b => (Bidder: b, Value: RoundTo((long)(value * (0.82 + _rng.NextDouble() * 0.18)), 1_000))).ToList();
        var awardedValue = awarded ? (competitive ? offered.First(o => o.Bidder == winner).Value : value) : 0;
        var estado = open ? "Publicado" : evaluating ? "Evaluación" : cancelled ? (_rng.NextDouble() < 0.5 ? "Cancelado" : "Desierto") : competitive ? "Adjudicado" : "Seleccionado";
        var updated = Stamp(awardDate ?? published);

        _rows["p6dx-8zbt"].Add(Row(updated,
            ("entidad", entity.Nombre), ("nit_entidad", entity.Nit), ("departamento_entidad", entity.Departamento),
            ("ciudad_entidad", entity.Municipio), ("ordenentidad", "Territorial"), ("codigo_pci", "Centralizada"),
            ("id_del_proceso", req), ("referencia_del_proceso", $"{Initials(unit)}-{ShortModality(modalidad)}-{n:D4}-{year}"),
            ("id_del_portafolio", bdos), ("nombre_del_procedimiento", objeto.Length > 200 ? objeto[..200] : objeto),
            ("descripci_n_del_procedimiento", objeto), ("fase", open ? "Presentación de oferta" : "Selección de ofertas"),
            ("fecha_de_publicacion_del", Floating(published)), ("fecha_de_ultima_publicaci", Floating(published)),
            ("precio_base", value.ToString(Inv)), ("modalidad_de_contratacion", modalidad),
            ("justificaci_n_modalidad_de", competitive ? "Presupuesto" : "Servicios profesionales y apoyo a la gestión"),
            ("duracion", (competitive ? 2 + _rng.Next(0, 8) : 4 + _rng.Next(0, 8)).ToString(Inv)), ("unidad_de_duracion", "Mes(es)"),
            ("fecha_de_recepcion_de", reception is { } rec ? Floating(rec) : null), ("ciudad_de_la_unidad_de", entity.Municipio),
            ("nombre_de_la_unidad_de", unit), ("proveedores_invitados", "0"), ("proveedores_con_invitacion", "0"),
            ("visualizaciones_del", _rng.Next(0, 400).ToString(Inv)), ("proveedores_que_manifestaron", "0"),
            ("respuestas_al_procedimiento", offered.Count.ToString(Inv)), ("respuestas_externas", "0"),
            ("conteo_de_respuestas_a_ofertas", "0"), ("proveedores_unicos_con", offered.Count.ToString(Inv)), ("numero_de_lotes", "0"),
            ("estado_del_procedimiento", estado), ("id_estado_del_procedimiento", open ? "50" : "70"),
            ("adjudicado", awarded ? "Si" : "No"), ("id_adjudicacion", awarded ? $"CO1.AWD.{6_000_000 + n}" : "No Adjudicado"),
            ("codigoproveedor", awarded ? winner.Codigo : "No Definido"),
            ("departamento_proveedor", awarded ? _region : "No Definido"), ("ciudad_proveedor", awarded ? winner.Municipio : "No Definido"),
            ("fecha_adjudicacion", awardDate is { } ad ? Floating(ad) : null), ("valor_total_adjudicacion", awardedValue.ToString(Inv)),
            ("nombre_del_adjudicador", awarded ? "Comité evaluador" : "No Adjudicado"),
            ("nombre_del_proveedor", awarded ? winner.Nombre : "No Definido"),
            ("nit_del_proveedor_adjudicado", awarded ? winner.Document ?? "No Definido" : "No Definido"),
            ("codigo_principal_de_categoria", "V1." + code), ("estado_de_apertura_del_proceso", open ? "Abierto" : "Cerrado"),
            ("tipo_de_contrato", tipo), ("subtipo_de_contrato", "No Definido"), ("categorias_adicionales", "No definido"),
            ("urlproceso", url), ("codigo_entidad", entity.Codigo), ("estado_resumen", open ? "Presentación de oferta" : estado)));

        if (competitive && !open)
            foreach (var (bidder, offer) in offered)
            {
                bidder.Used = true;
                _rows["hgi6-6wh3"].Add(Row(Stamp(reception!.Value),
                    ("id_procedimiento", req), ("fecha_publicaci_n", Floating(published)), ("nombre_procedimiento", objeto),
                    ("nit_entidad", entity.Nit), ("codigo_entidad", entity.Codigo), ("entidad_compradora", entity.Nombre),
                    ("proveedor", bidder.Nombre), ("nit_proveedor", bidder.Document ?? "No Definido"), ("codigo_proveedor", bidder.Codigo)));
                _rows["wi7w-2nvm"].Add(Row(Stamp(reception.Value),
                    ("fecha_de_registro", Floating(reception.Value.AddDays(-1))), ("referencia_de_la_oferta", $"OF-{n}-{bidder.Codigo[^4..]}"),
                    ("identificador_de_la_oferta", $"CO1.BID.{5_000_000 + n * 10 + offered.FindIndex(o => o.Bidder == bidder)}"),
                    ("valor_de_la_oferta", offer.ToString(Inv)), ("entidad_compradora", entity.Nombre),
                    ("nit_entidad_compradora", entity.Nit), ("moneda", "COP"), ("descripcion_del_procedimiento", objeto),
                    ("referencia_del_proceso", $"{Initials(unit)}-{ShortModality(modalidad)}-{n:D4}-{year}"),
                    ("id_del_proceso_de_compra", bdos), ("modalidad", modalidad), ("invitacion_directa", "No"),
                    ("nombre_proveedor", bidder.Nombre), ("nit_del_proveedor", bidder.Document ?? "No Definido"),
                    ("c_digo_entidad", entity.Codigo), ("c_digo_proveedor", bidder.Codigo)));
            }

        if (awarded)
        {
            winner.Used = true;
            var signed = awardDate!.Value.AddDays(_rng.Next(1, 6));
            if (signed > _today) signed = _today;
            var months = competitive ? 2 + _rng.Next(0, 8) : 4 + _rng.Next(0, 8);
            var end = signed.AddMonths(months);
            var state = end < _today ? (_rng.NextDouble() < 0.5 ? "cerrado" : "terminado") : _rng.NextDouble() < 0.06 ? "Modificado" : "En ejecución";
            if (_rng.NextDouble() < 0.015) state = "Borrador";
            // The case study: 4 % of contracts recorded the representative's gender in 2020, 37 % in 2022 (OCP 2023).
            var coverage = year switch { <= 2020 => 0.04, 2021 => 0.2, 2022 => 0.37, 2023 => 0.6, _ => 0.8 };
            var gender = _rng.NextDouble() < coverage ? winner.Gender : "No Definido";
            var paid = end < _today ? awardedValue : (long)(awardedValue * Math.Clamp((_today - signed).TotalDays / Math.Max(1, (end - signed).TotalDays), 0, 1));
            var touched = signed.AddDays(_rng.Next(0, 30));
            _rows["jbjy-vk9h"].Add(Row(Stamp(touched > _today ? _today : touched),
                ("nombre_entidad", entity.Nombre),
                // jbjy's NIT sometimes comes with the check digit glued on (FINDINGS §2).
                ("nit_entidad", _rng.NextDouble() < 0.2 ? entity.Nit + Nit.CheckDigit(entity.Nit) : entity.Nit),
                ("departamento", entity.Departamento), ("ciudad", entity.Municipio), ("localizaci_n", $"Colombia, {entity.Departamento}, {entity.Municipio}"),
                ("orden", "Territorial"), ("sector", "Servicio Público"), ("rama", "Ejecutivo"), ("entidad_centralizada", "Centralizada"),
                ("proceso_de_compra", bdos), ("id_contrato", $"CO1.PCCNTR.{4_000_000 + n}"),
                ("referencia_del_contrato", $"CTO-{n:D4}-{year}"), ("estado_contrato", state),
                ("codigo_de_categoria_principal", "V1." + code), ("descripcion_del_proceso", objeto.Length > 300 ? objeto[..300] : objeto),
                ("tipo_de_contrato", tipo), ("modalidad_de_contratacion", modalidad),
                ("justificacion_modalidad_de", competitive ? "Presupuesto" : "Servicios profesionales y apoyo a la gestión"),
                ("fecha_de_firma", Floating(signed)), ("fecha_de_inicio_del_contrato", Floating(signed.AddDays(1))),
                ("fecha_de_fin_del_contrato", Floating(end)), ("condiciones_de_entrega", "No Definido"),
                ("tipodocproveedor", winner.Kind == "natural" ? "Cédula de Ciudadanía" : winner.Kind == "group" ? "No Definido" : "NIT"),
                ("documento_proveedor", winner.Document ?? "No Definido"), ("proveedor_adjudicado", winner.Nombre),
                ("es_grupo", winner.Kind == "group" ? "Si" : "No"), ("es_pyme", winner.Pyme ? "Si" : "No"),
                ("habilita_pago_adelantado", "No"), ("liquidaci_n", "No"), ("obligaci_n_ambiental", "No"),
                ("obligaciones_postconsumo", "No"), ("reversion", "No"), ("origen_de_los_recursos", "Recursos Propios"),
                ("destino_gasto", competitive ? "Inversión" : "Funcionamiento"), ("valor_del_contrato", awardedValue.ToString(Inv)),
                ("valor_de_pago_adelantado", "0"), ("valor_facturado", paid.ToString(Inv)),
                ("valor_pendiente_de_pago", (awardedValue - paid).ToString(Inv)), ("valor_pagado", paid.ToString(Inv)),
                ("valor_amortizado", "0"), ("valor_pendiente_de", "0"), ("valor_pendiente_de_ejecucion", (awardedValue - paid).ToString(Inv)),
                ("saldo_cdp", "0"), ("saldo_vigencia", "0"), ("espostconflicto", "No"), ("dias_adicionados", "0"),
                ("puntos_del_acuerdo", "No aplica"), ("pilares_del_acuerdo", "No aplica"), ("urlproceso", url.DeepClone()),
                ("nombre_representante_legal", "[DEMO]"), ("nacionalidad_representante_legal", "Colombiana"),
                ("tipo_de_identificaci_n_representante_legal", "Cédula de Ciudadanía"),
                ("g_nero_representante_legal", gender), ("ultima_actualizacion", Floating(signed)),
                ("codigo_entidad", entity.Codigo), ("codigo_proveedor", winner.Codigo)));
        }

        // A PAA line points at its process by any of the three ids SECOP uses (CONTRACTS §1).
        return (n % 3) switch { 0 => req, 1 => bdos, _ => ntc };
    }

    private void WritePlan(Entity entity, int year, List<PlanItem> plan)
    {
        // Every PAA version republishes all its lines; versions keep coming through the year.
        var isCurrent = year == _today.Year;
        var versions = isCurrent ? Math.Clamp(_today.Month / 4 + 1, 1, 3) : 3;
        var entityIndex = _entityOffset + _entities.IndexOf(entity);
        var header = entityIndex < 10 ? $"CO1.APP.{300_000 + year * 10 + entityIndex}" : $"CO1.APP.{year}{entityIndex:D5}";
        DateTime versionDate = new(year - 1, 12, 20);
        for (var version = 1; version <= versions; version++)
        {
            versionDate = version == 1 ? new DateTime(year, 1, 28) : isCurrent && version == versions ? _today.AddDays(-8) : new DateTime(year, version * 4 - 1, 15);
            var index = 0;
            foreach (var item in plan.Where(p => p.FromVersion <= version))
            {
                index++;
                var value = version > 1 && index % 7 == 0 ? item.Value + item.Value / 10 : item.Value;
                var linked = item.ProcessRef is not null && (version == versions || !isCurrent);
                _rows["9sue-ezhx"].Add(Row(Stamp(versionDate),
                    ("id", $"{year}{entityIndex}{version}{index:D5}"), ("identificador_unico", header),
                    ("descripcion", item.Descripcion), ("fecha_esperada_de_inicio", MonthName(item.Month)),
                    ("fecha_esperada_de_recepcion", MonthName(item.Month)), ("duracion_esperada", (2 + index % 10).ToString(Inv)),
                    ("unidad_de_duracion_esperada", "Meses"), ("origen_recursos", "Recursos propios"),
                    ("valor_total_esperado", value.ToString(Inv)), ("valor_esperado_de_presupuesto", value.ToString(Inv)),
                    ("modalidad", item.Modalidad), ("categorias_unspsc", string.Join(";", item.Codes.Select(c => index % 2 == 0 ? "V1." + c : c))),
                    ("id_plan_anual_de_adquisiciones", header), ("procesos_relacionados", linked ? item.ProcessRef : "No Definido"),
                    ("codigo_entidad", entity.Codigo), ("nombre_entidad", entity.Nombre), ("nit_entidad", entity.Nit),
                    ("id_paa_encabezado", header), ("annio", year.ToString(Inv)), ("version_del_paa", version.ToString(Inv)),
                    ("fecha_version", Floating(versionDate)), ("fecha_de_carga_del_paa", Floating(versionDate))));
            }
        }
        _rows["b6m4-qgqv"].Add(Row(Stamp(versionDate),
            ("identificador_unico", header), ("anno", year.ToString(Inv)), ("codigo_entidad", entity.Codigo),
            ("nombre_entidad", entity.Nombre), ("valor_presupuesto_general", plan.Sum(p => p.Value).ToString(Inv)),
            ("fecha_de_publicacion", Floating(new DateTime(year, 1, 28))), ("fecha_de_ultima_modificacion", Floating(versionDate)),
            ("version", versions.ToString(Inv)), ("estado", "Publicado"), ("departamento_paa", entity.Departamento),
            ("municipio_paa", entity.Municipio), ("nombre_contacto", "No Definido")));
    }

    private JsonObject SupplierRow(Supplier s) => Row(Stamp(new DateTime(s.FirstYear, 1, 10)),
        ("codigo", s.Codigo), ("nombre", s.Nombre), ("nit", s.Document ?? "No Definido"), ("es_entidad", "No"),
        ("es_grupo", s.Kind == "group" ? "Si" : "No"), ("esta_activa", "Si"), ("fecha_creacion", Floating(new DateTime(s.FirstYear - 1, 6, 1))),
        ("codigo_categoria_principal", s.Kind == "natural" ? "V1.80111600" : s.Sector is "alimentos" or "mayorista" ? "V1.50401500" : "V1.72141100"),
        ("pais", "Colombia"), ("departamento", s.Municipio == "Bogotá" ? "Distrito Capital de Bogotá" : _region),
        ("municipio", s.Municipio), ("tipo_empresa", s.Kind == "natural" ? "Persona Natural" : s.Kind == "group" ? "Consorcio" : "Sociedad por acciones simplificada"),
        ("tipo_doc_representante_legal", "Cédula de Ciudadanía"), ("espyme", s.Pyme ? "Si" : "No"));

    // ---- helpers -----------------------------------------------------------------------------------------

    private JsonObject Row(string updatedAt, params (string Key, JsonNode? Value)[] fields)
    {
        var id = $"row-{++_rowSeq:x8}";
        var row = new JsonObject { [":id"] = id, [":created_at"] = updatedAt, [":updated_at"] = updatedAt };
        foreach (var (key, value) in fields)
            if (value is not null) row[key] = value; // the API omits keys whose value is null
        return row;
    }

    private Supplier PickSupplier(Func<Supplier, bool> filter, int year)
    {
        var pool = _suppliers.Where(s => filter(s) && s.FirstYear <= year).ToList();
        return pool[_rng.Next(pool.Count)];
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private DateTime RandomDate(int year, int fromMonth, int toMonth, int maxDay) =>
        new DateTime(year, fromMonth + _rng.Next(0, toMonth - fromMonth + 1), 1 + _rng.Next(0, maxDay));

    private static long RoundTo(long value, long unit) => Math.Max(unit, value / unit * unit);

    private static string Floating(DateTime d) => d.ToString("yyyy-MM-dd'T'00:00:00.000", Inv);

    private static string Stamp(DateTime d) => d.ToString("yyyy-MM-dd'T'12:00:00.000'Z'", Inv);

    private static string MonthName(int month) =>
        CultureInfo.GetCultureInfo("es-CO").DateTimeFormat.GetMonthName(month) is var name ? char.ToUpperInvariant(name[0]) + name[1..] : "";

    private static string Initials(string unit) =>
        new(unit.Split(' ').Where(w => w.Length > 3).Select(w => char.ToUpperInvariant(w[0])).ToArray());

    private static string ShortModality(string modalidad) => modalidad switch
    {
        var m when m.StartsWith("Contratación directa", StringComparison.Ordinal) => "CD",
        var m when m.StartsWith("Mínima", StringComparison.Ordinal) => "MC",
        var m when m.StartsWith("Licitación", StringComparison.Ordinal) => "LP",
        var m when m.StartsWith("Concurso", StringComparison.Ordinal) => "CM",
        var m when m.Contains("régimen", StringComparison.OrdinalIgnoreCase) => "RE",
        _ => "SA",
    };

    private static string EntityCode(string nit) => (700_000_000 + StableHash(nit) % 9_000_000).ToString(Inv);

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s) h = unchecked(h * 31 + c);
        return h & 0x7fffffff;
    }
}
