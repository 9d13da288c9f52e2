using System.Globalization;
using OpenLicitaciones.Features.Monitor;

namespace OpenLicitaciones.Tests.Monitor;

public sealed class RedFlagsTests
{
    // ---- R018: single bidder ---------------------------------------------------------------------------------------

    public static TheoryData<string, string[], double?, int, int, int, string> UnicoProponenteCases => new()
    {
        // scenario, processes (id|bidders or -|estado[|directa][|cancelado]), valor, cobertura, N/A, marcados, ejemplos
        { "empty input", [], null, 0, 0, 0, "" },
        { "all N/A: unknown bidders and Evaluación with 0", ["A|-|Publicado", "B|0|Evaluación"], null, 0, 2, 0, "" },
        { "Evaluación with 0 is N/A whatever the spelling", ["A|0|EN EVALUACION", "B|2|Adjudicado"], 0.0, 1, 1, 0, "" },
        { "awarded with 0 bidders is N/A, not zero", ["A|0|Adjudicado", "B|1|Adjudicado"], 1.0, 1, 1, 1, "B" },
        // covered A, B, C (C in Evaluación but with a real count); single A, C → 2/3; N/A D, E, F; G direct and H cancelled are out
        {
            "mixed",
            ["C|1|Evaluación", "A|1|Adjudicado", "B|3|Adjudicado", "D|0|Evaluación", "E|0|Adjudicado", "F|-|Publicado",
             "G|1|Adjudicado|directa", "H|1|Cancelado|cancelado"],
            2.0 / 3, 3, 3, 2, "A,C"
        },
        { "only direct and cancelled processes", ["G|1|Adjudicado|directa", "H|1|Cancelado|cancelado"], null, 0, 0, 0, "" },
    };

    [Theory]
    [MemberData(nameof(UnicoProponenteCases))]
    public void R018_counts_single_bidder_processes_over_those_with_a_known_count(
        string scenario, string[] procesos, double? valor, int cobertura, int noAplica, int marcados, string ejemplos)
    {
        var alerta = RedFlags.UnicoProponente(procesos.Select(Bidders));

        AssertAlerta(scenario, alerta, valor, cobertura, noAplica, marcados, ejemplos);
    }

    [Fact]
    public void R018_examples_are_the_first_ten_ids()
    {
        var procesos = Enumerable.Range(1, 12).Reverse().Select(i => Bidders($"P{i:00}|1|Adjudicado"));

        var alerta = RedFlags.UnicoProponente(procesos);

        AssertAlerta("twelve single bids", alerta, 1.0, 12, 0, 12, "P01,P02,P03,P04,P05,P06,P07,P08,P09,P10");
    }

    // ---- R013: direct awards ---------------------------------------------------------------------------------------

    // A, B, E direct; F an unknown spelling (N/A); G cancelled (out)
    private static readonly string[] Directas =
    [
        "E|regimen-especial|100", "A|contratacion-directa|100", "B|contratacion-directa|-", "C|licitacion-publica|300",
        "D|minima-cuantia|0", "F|otra|500", "G|contratacion-directa|1000|cancelado",
    ];

    public static TheoryData<string, string[], double?, int, int, int, string> DirectaPorNumeroCases => new()
    {
        // scenario, processes (id|modality|value or -[|cancelado]), valor, cobertura, N/A, marcados, ejemplos
        { "empty input", [], null, 0, 0, 0, "" },
        { "all N/A: unknown modality", ["F|otra|500"], null, 0, 1, 0, "" },
        { "cancelled only", ["G|contratacion-directa|1000|cancelado"], null, 0, 0, 0, "" },
        // A, B, E of A..E → 3/5
        { "mixed", Directas, 0.6, 5, 1, 3, "A,B,E" },
        { "direct award without value", ["A|contratacion-directa|-", "B|licitacion-publica|300"], 0.5, 2, 0, 1, "A" },
    };

    public static TheoryData<string, string[], double?, int, int, int, string> DirectaPorValorCases => new()
    {
        // scenario, processes (id|modality|value or -[|cancelado]), valor, cobertura, N/A, marcados, ejemplos (largest first)
        { "empty input", [], null, 0, 0, 0, "" },
        { "all N/A: unknown modality", ["F|otra|500"], null, 0, 1, 0, "" },
        { "all N/A: no value or 0", ["A|contratacion-directa|-", "B|licitacion-publica|0"], null, 0, 2, 0, "" },
        // known A 100, C 300, E 100 → 500; direct A + E = 200 → 200/500 = 0.4; N/A B (no value), D (0), F (otra);
        // A and E tie at 100: by id
        { "mixed", Directas, 0.4, 3, 3, 2, "A,E" },
        // only the competitive one has a value → 0/300
        { "direct award without value", ["A|contratacion-directa|-", "B|licitacion-publica|300"], 0.0, 1, 1, 0, "" },
    };

    [Theory]
    [MemberData(nameof(DirectaPorNumeroCases))]
    public void R013_gives_the_direct_award_share_by_count(
        string scenario, string[] procesos, double? valor, int cobertura, int noAplica, int marcados, string ejemplos)
    {
        var (porNumero, _) = RedFlags.AdjudicacionDirecta(procesos.Select(Modality));

        AssertAlerta(scenario, porNumero, valor, cobertura, noAplica, marcados, ejemplos);
    }

    [Theory]
    [MemberData(nameof(DirectaPorValorCases))]
    public void R013_gives_the_direct_award_share_by_value(
        string scenario, string[] procesos, double? valor, int cobertura, int noAplica, int marcados, string ejemplos)
    {
        var (_, porValor) = RedFlags.AdjudicacionDirecta(procesos.Select(Modality));

        AssertAlerta(scenario, porValor, valor, cobertura, noAplica, marcados, ejemplos);
    }

    // ---- R040: supplier concentration ------------------------------------------------------------------------------

    public static TheoryData<string, string[], double?, double?, double?, int, int, int, string> ConcentracionCases => new()
    {
        // scenario, awards (supplier:value or -), HHI, top-1, top-4, cobertura (awards), N/A, marcados, ejemplos (top four)
        { "empty input", [], null, null, null, 0, 0, 0, "" },
        { "all N/A: no value or 0", ["X:-", "Y:0"], null, null, null, 0, 2, 0, "" },
        { "one supplier, two awards", ["S:100", "S:300", "T:-"], 1.0, 1.0, 1.0, 2, 1, 1, "S" },
        // 0.6² + 0.4² = 0.36 + 0.16
        { "two suppliers 60/40", ["B:40", "A:60"], 0.52, 0.6, 1.0, 2, 0, 1, "A,B" },
        // 4 × 0.25² = 0.25 exactly: "more than 0.25" is not met
        { "four equal suppliers: boundary", ["D:10", "C:10", "B:10", "A:10"], 0.25, 0.25, 1.0, 4, 0, 0, "A,B,C,D" },
        // five ties at 0.2: 5 × 0.04 = 0.2 (moderate); top four by id
        { "five equal suppliers: ties by id", ["E:7", "D:7", "C:7", "B:7", "A:7"], 0.2, 0.2, 0.8, 5, 0, 0, "A,B,C,D" },
        // total 1000: A 500 (200 + 300), B 300, C 100, D 50, E 50
        // HHI = 0.25 + 0.09 + 0.01 + 0.0025 + 0.0025 = 0.355; top-4 = 0.5 + 0.3 + 0.1 + 0.05 = 0.95, D before E on the tie
        { "mixed", ["E:50", "A:200", "B:300", "C:100", "D:50", "A:300", "F:-"], 0.355, 0.5, 0.95, 6, 1, 1, "A,B,C,D" },
    };

    [Theory]
    [MemberData(nameof(ConcentracionCases))]
    public void R040_gives_the_HHI_and_the_top_shares_of_awarded_value(
        string scenario, string[] adjudicaciones, double? hhi, double? top1, double? top4, int cobertura, int noAplica, int marcados, string ejemplos)
    {
        var alerta = RedFlags.Concentracion(adjudicaciones.Select(Award));

        AssertAlerta(scenario, alerta, hhi, cobertura, noAplica, marcados, ejemplos);
        AssertNear(scenario + " top-1", top1, alerta.Cifras[0].Valor);
        AssertNear(scenario + " top-4", top4, alerta.Cifras[1].Valor);
    }

    // ---- R003: short submission period -----------------------------------------------------------------------------

    // Dates are 2026 (MM-dd or MM-ddTHH:mm, - for none); "licitacion-publica" needs 20 days, the rest 15.
    private static readonly string[] Plazos =
    [
        "A|minima-cuantia|03-01T10:00|03-16T09:00", // 15 calendar days (14.96 elapsed): not short
        "B|minima-cuantia|03-01|03-15",             // 14: short
        "C|licitacion-publica|03-01|03-20",         // 19 < 20: short
        "D|licitacion-publica|03-01|03-21",         // 20: not short
        "E|minima-cuantia|03-01|-",                 // N/A
        "F|minima-cuantia|-|03-20",                 // N/A
        "I|minima-cuantia|03-10|03-01",             // closing before publication: N/A
        "G|contratacion-directa|03-01|03-02",       // not competitive: out
        "H|minima-cuantia|03-01|03-03|cancelado",   // cancelled: out
    ];

    public static TheoryData<string, string[], string, int, double?, int, int, int, string> PlazoCases => new()
    {
        // scenario, processes, per-modality thresholds (code=days,…), default, valor, cobertura, N/A, marcados, ejemplos (shortest first)
        { "empty input", [], "", 15, null, 0, 0, 0, "" },
        { "all N/A: a date missing", ["E|minima-cuantia|03-01|-", "F|minima-cuantia|-|03-20"], "", 15, null, 0, 2, 0, "" },
        // short B (14), C (19 < 20) of A, B, C, D → 2/4
        { "per-modality threshold", Plazos, "licitacion-publica=20", 15, 0.5, 4, 3, 2, "B,C" },
        // only B (14) is under 15 → 1/4
        { "default threshold only", Plazos, "", 15, 0.25, 4, 3, 1, "B" },
        // B 14, A 15, C 19 are under 20; D (20) is not → 3/4
        { "default raised to 20", Plazos, "", 20, 0.75, 4, 3, 3, "B,A,C" },
        { "closing the same day", ["J|minima-cuantia|03-01T08:00|03-01T17:00"], "", 15, 1.0, 1, 0, 1, "J" },
    };

    [Theory]
    [MemberData(nameof(PlazoCases))]
    public void R003_flags_periods_under_the_minimum_of_their_modality(
        string scenario, string[] procesos, string umbrales, int porDefecto, double? valor, int cobertura, int noAplica, int marcados, string ejemplos)
    {
        var porModalidad = umbrales.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(u => u.Split('=')).ToDictionary(u => u[0], u => int.Parse(u[1], CultureInfo.InvariantCulture));

        var alerta = RedFlags.PlazoCorto(procesos.Select(Period), porModalidad, porDefecto);

        AssertAlerta(scenario, alerta, valor, cobertura, noAplica, marcados, ejemplos);
    }

    [Fact]
    public void R003_states_its_thresholds_in_Spanish()
    {
        var umbrales = new Dictionary<string, int> { ["licitacion-publica"] = 20, ["concurso-de-meritos"] = 10 };

        var alerta = RedFlags.PlazoCorto([], umbrales);

        Assert.Equal("Menos de 15 días; concurso-de-meritos: menos de 10; licitacion-publica: menos de 20.", alerta.Umbral);
    }

    // ---- R048: multi-object contractor ------------------------------------------------------------------------------

    [Theory]
    [InlineData(new[] { 5.0 }, 5.0, 5.0)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 1.75, 3.25)]          // Q1 at 3 × 0.25 = 0.75: 1 + 0.75 × 1; Q3 at 2.25: 3 + 0.25 × 1
    [InlineData(new[] { 1.0, 2, 3, 4, 5 }, 2.0, 4.0)]         // positions 1 and 3 exactly
    [InlineData(new[] { 1.0, 10 }, 3.25, 7.75)]               // 1 + 0.25 × 9; 1 + 0.75 × 9
    [InlineData(new[] { 2.0, 2, 2, 2, 9 }, 2.0, 2.0)]         // ties: positions 1 and 3 are both 2
    [InlineData(new[] { 1.0, 1, 2, 2, 2, 3, 3, 9 }, 1.75, 3.0)] // Q1 at 1.75: 1 + 0.75 × (2 − 1); Q3 at 5.25: 3 + 0.25 × (3 − 3)
    public void Quartiles_interpolate_between_closest_ranks(double[] ordenados, double q1, double q3)
    {
        Assert.Equal(q1, RedFlags.Cuartil(ordenados, 0.25), 10);
        Assert.Equal(q3, RedFlags.Cuartil(ordenados, 0.75), 10);
    }

    public static TheoryData<string, string[], int, double?, int, int, int, string, double?> MultiobjetoCases => new()
    {
        // scenario, suppliers (id:processes:segments), minimum processes, valor, cobertura, N/A, marcados, ejemplos, limit
        { "empty input", [], 2, null, 0, 0, 0, "", null },
        { "all N/A: every supplier below the minimum", ["A:1:1", "B:1:3"], 2, null, 0, 2, 0, "", null },
        // segments 1, 1, 2, 2, 2, 3, 3, 9: Q1 1.75, Q3 3, limit 3 + 1.5 × 1.25 = 4.875 → only H (9) → 1/8.
        // Y has no known segment and Z has two segments in a single process: both N/A.
        {
            "mixed",
            ["A:2:1", "B:2:1", "C:2:2", "D:3:2", "E:2:2", "F:3:3", "G:4:3", "H:9:9", "Y:3:0", "Z:1:2"],
            2, 0.125, 8, 2, 1, "H", 4.875
        },
        // 2, 2, 2, 2, 5: Q1 = Q3 = 2, limit 2; the 2s equal Q3 and are not outliers → 1/5
        { "ties: IQR 0", ["A:2:2", "B:2:2", "C:2:2", "D:2:2", "E:5:5"], 2, 0.2, 5, 0, 1, "E", 2.0 },
        { "all equal", ["A:3:3", "B:3:3", "C:3:3"], 2, 0.0, 3, 0, 0, "", 3.0 },
        // 1, 2, 3, 4, 7: Q1 2, Q3 4, limit 4 + 1.5 × 2 = 7 → E exactly at the limit is flagged
        { "exactly at the limit", ["A:2:1", "B:2:2", "C:3:3", "D:4:4", "E:7:7"], 2, 0.2, 5, 0, 1, "E", 7.0 },
        // 1, 2, 3, 4, 6: same limit 7 → nobody
        { "just under the limit", ["A:2:1", "B:2:2", "C:3:3", "D:4:4", "E:6:6"], 2, 0.0, 5, 0, 0, "", 7.0 },
        // nine 1s and two 5s (n = 11): Q1 at 2.5 and Q3 at 7.5 are both 1, limit 1 → P and Q, tied at 5, by id
        {
            "ties among the flagged",
            ["A:2:1", "B:2:1", "C:2:1", "D:2:1", "E:2:1", "F:2:1", "G:2:1", "H:2:1", "I:2:1", "Q:5:5", "P:5:5"],
            2, 2.0 / 11, 11, 0, 2, "P,Q", 1.0
        },
        // default minimum 20: B with 19 processes is N/A; A alone: Q1 = Q3 = 4, not above Q3
        { "default minimum of 20 processes", ["A:20:4", "B:19:10"], 20, 0.0, 1, 1, 0, "", 4.0 },
    };

    [Theory]
    [MemberData(nameof(MultiobjetoCases))]
    public void R048_flags_suppliers_with_an_outlying_number_of_segments(
        string scenario, string[] proveedores, int minimo, double? valor, int cobertura, int noAplica, int marcados, string ejemplos, double? limite)
    {
        var adjudicaciones = proveedores.SelectMany(Supplier);

        var alerta = minimo == 20 ? RedFlags.Multiobjeto(adjudicaciones) : RedFlags.Multiobjeto(adjudicaciones, minimo);

        AssertAlerta(scenario, alerta, valor, cobertura, noAplica, marcados, ejemplos);
        AssertNear(scenario + " limit", limite, alerta.Cifras[2].Valor);
    }

    [Fact]
    public void R048_states_the_limit_computed_from_the_data()
    {
        var alerta = RedFlags.Multiobjeto(new[] { "A:2:1", "B:2:2", "C:3:3", "D:4:4", "E:7:7" }.SelectMany(Supplier), 2);

        Assert.Equal("Al menos Q3 + 1,5 × rango intercuartílico y más que Q3 (con estos datos, 7 segmentos).", alerta.Umbral);
        Assert.Equal(2.0, alerta.Cifras[0].Valor);
        Assert.Equal(4.0, alerta.Cifras[1].Valor);
    }

    // ---- every alert -------------------------------------------------------------------------------------------------

    [Fact]
    public void Every_alert_has_its_code_a_one_sentence_formula_and_a_threshold_even_without_data()
    {
        var (porNumero, porValor) = RedFlags.AdjudicacionDirecta([]);
        Alerta[] alertas =
        [
            RedFlags.UnicoProponente([]), porNumero, porValor, RedFlags.Concentracion([]),
            RedFlags.PlazoCorto([], new Dictionary<string, int>()), RedFlags.Multiobjeto([]),
        ];

        Assert.Equal(["R018", "R013", "R013", "R040", "R003", "R048"], alertas.Select(a => a.Codigo));
        foreach (var a in alertas)
        {
            Assert.Null(a.Valor);
            Assert.Equal(0, a.Cobertura);
            Assert.Single(a.Formula.Split(". "));
            Assert.EndsWith(".", a.Formula);
            Assert.False(string.IsNullOrWhiteSpace(a.Umbral), a.Codigo);
            Assert.Contains(a.Unidad, new[] { "procesos", "adjudicaciones", "proveedores" });
        }
        Assert.Equal("Una alerta es un motivo para revisar, no una prueba.", RedFlags.Aviso);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    private static void AssertAlerta(string scenario, Alerta alerta, double? valor, int cobertura, int noAplica, int marcados, string ejemplos)
    {
        AssertNear(scenario, valor, alerta.Valor);
        Assert.True(cobertura == alerta.Cobertura, $"{scenario}: cobertura {alerta.Cobertura}");
        Assert.True(noAplica == alerta.NoAplica, $"{scenario}: N/A {alerta.NoAplica}");
        Assert.True(marcados == alerta.Marcados, $"{scenario}: marcados {alerta.Marcados}");
        Assert.Equal(ejemplos.Split(',', StringSplitOptions.RemoveEmptyEntries), alerta.Ejemplos);
    }

    private static void AssertNear(string scenario, double? expected, double? actual)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{scenario}: expected N/A, got {actual}");
            return;
        }
        Assert.True(actual is not null, $"{scenario}: expected {expected}, got N/A");
        Assert.Equal(expected.Value, actual.Value, 10);
    }

    private static ProcesoMonitor Process(string id, string modalidad, bool competitiva, string? estado = null, DateTime? pub = null,
        DateTime? rec = null, int? proponentes = null, long? valor = null, bool cancelado = false) =>
        new(id, modalidad, competitiva, estado, pub, rec, proponentes, valor, estado == "Adjudicado", cancelado);

    // id|bidders or -|estado[|directa][|cancelado]
    private static ProcesoMonitor Bidders(string spec)
    {
        var p = spec.Split('|');
        var directa = p.Contains("directa");
        return Process(p[0], directa ? "contratacion-directa" : "licitacion-publica", !directa, p[2],
            proponentes: p[1] == "-" ? null : int.Parse(p[1], CultureInfo.InvariantCulture), cancelado: p.Contains("cancelado"));
    }

    // id|modality|value or -[|cancelado]; direct, régimen especial and unknown spellings are not competitive (modalidades.csv)
    private static ProcesoMonitor Modality(string spec)
    {
        var p = spec.Split('|');
        var competitiva = p[1] is not ("contratacion-directa" or "regimen-especial" or "otra");
        return Process(p[0], p[1], competitiva, valor: p[2] == "-" ? null : long.Parse(p[2], CultureInfo.InvariantCulture),
            cancelado: p.Contains("cancelado"));
    }

    // id|modality|publication|reception[|cancelado], dates in 2026 as MM-dd or MM-ddTHH:mm, - for none
    private static ProcesoMonitor Period(string spec)
    {
        var p = spec.Split('|');
        return Process(p[0], p[1], p[1] != "contratacion-directa", pub: Date(p[2]), rec: Date(p[3]), cancelado: p.Contains("cancelado"));

        static DateTime? Date(string s) => s == "-" ? null : DateTime.Parse("2026-" + s, CultureInfo.InvariantCulture);
    }

    // supplier:value or -
    private static AdjudicacionMonitor Award(string spec, int n)
    {
        var p = spec.Split(':');
        return new($"PROC-{n}", p[0], p[1] == "-" ? null : long.Parse(p[1], CultureInfo.InvariantCulture), "50", false);
    }

    // id:processes:segments → one award per process, segments handed out in turn (10, 11, …); with more segments than
    // processes the extra awards fall in the same processes. 0 segments = segment unknown.
    private static IEnumerable<AdjudicacionMonitor> Supplier(string spec)
    {
        var p = spec.Split(':');
        var (procesos, segmentos) = (int.Parse(p[1], CultureInfo.InvariantCulture), int.Parse(p[2], CultureInfo.InvariantCulture));
        return Enumerable.Range(0, Math.Max(procesos, segmentos)).Select(i =>
            new AdjudicacionMonitor($"{p[0]}-{i % procesos}", p[0], 1_000, segmentos == 0 ? null : (10 + i % segmentos).ToString(CultureInfo.InvariantCulture), false));
    }
}
