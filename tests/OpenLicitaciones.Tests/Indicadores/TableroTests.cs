using OpenLicitaciones.Features.Indicadores;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Indicadores;

/// <summary>
/// The whole board over a small history worked out by hand (the comments give each count). Four suppliers:
/// A certified women-led from 2025-04-01 (its contracts say "Hombre"); B with "Mujer" then "No Definido"; C "Hombre"
/// with a draft; D known only by its SECOP code, never contracted.
/// </summary>
public sealed class TableroTests
{
    private static readonly Modalidad Minima = new("minima-cuantia", "Mínima cuantía", true, true);
    private static readonly Modalidad Licitacion = new("licitacion-publica", "Licitación pública", true, false);

    private static ContratoProveedor Contrato(string id, string fecha, long? valor, string? genero, bool? pyme, string unspsc = "80111600", bool vigente = true) =>
        new(id, null, null, DateTime.Parse(fecha), valor, vigente, genero, pyme) { Unspsc = unspsc };

    private static Participacion Oferta(string proceso, byte trimestre, bool gano, bool competitiva = true, bool oferto = true) =>
        new(proceso, 2025, competitiva, competitiva ? "minima-cuantia" : "contratacion-directa", oferto, gano, trimestre);

    private static ProcesoMonitor Proceso(string id, string fecha, int? proponentes, long? valor, bool competitiva = true, bool cancelado = false) =>
        new(id, competitiva ? "minima-cuantia" : "contratacion-directa", competitiva, null, DateTime.Parse(fecha), null, proponentes, valor, false, cancelado);

    private static FuentesIndicadores Fuentes() => new(
        [
            new("A", "Alfa SAS", TipoProveedor.PersonaJuridica, "900000001", null, null,
                [Oferta("P1", 1, gano: true), Oferta("P2", 2, gano: false), Oferta("P6", 4, gano: true)],
                [Contrato("A1", "2025-02-10", 100, "Hombre", true), Contrato("A2", "2025-05-10", 300, "Hombre", true)]),
            new("B", "Beta SAS", TipoProveedor.PersonaJuridica, "900000002", null, null,
                [Oferta("P1", 1, gano: false), Oferta("P3", 3, gano: true)],
                [Contrato("B1", "2025-03-01", 200, "Mujer", false, unspsc: "50201700"), Contrato("B2", "2025-08-01", null, "No Definido", null),
                 Contrato("B3", "2024-06-01", 50, "Mujer", null)]),
            new("C", "Gama SAS", TipoProveedor.PersonaJuridica, "900000003", null, null,
                [Oferta("P3", 3, gano: false), Oferta("P4", 4, gano: true, competitiva: false, oferto: false), Oferta("P5", 4, gano: true)],
                [Contrato("C1", "2025-11-01", 400, "Hombre", false, unspsc: "50101700"), Contrato("C2", "2025-12-01", 999, "Hombre", false, vigente: false)]),
            new("D", "Delta", TipoProveedor.SinDato, null, null, null, [Oferta("P2", 2, gano: false)], []),
        ],
        [
            Proceso("P1", "2025-02-01", 2, 200), Proceso("P2", "2025-04-15", 2, null), Proceso("P3", "2025-07-01", 0, null),
            Proceso("P4", "2025-10-01", null, 500, competitiva: false), Proceso("P5", "2025-10-05", 1, 100), Proceso("P6", "2025-11-01", 4, 300),
            Proceso("P7", "2025-12-01", 3, 900, cancelado: true),
        ],
        new DateTime(2020, 1, 1),
        [new Certificacion("900000001", new DateOnly(2025, 4, 1), null, "Acta 12")],
        new Dictionary<string, string> { ["900000003"] = "Asociación Gama" },
        new Dictionary<int, IReadOnlyList<LineaPlan>>
        {
            [2025] = [new("L1", Minima, 100), new("L2", Licitacion, 300), new("L3", Modalidad.SinDato, 50)],
        },
        aniosNuevo: 3);

    private static IReadOnlyList<ResultadoIndicador> Anual() =>
        Tablero.Calcular(Fuentes(), Periodo.Entre(2023, 2025, trimestral: false), (codigo, anio) => codigo == "g1" && anio == 2025 ? 0.35 : null);

    private static ResultadoIndicador En(IReadOnlyList<ResultadoIndicador> r, string codigo, Periodo p) => r.Single(x => x.Codigo == codigo && x.Periodo == p);

    // Counted 2025 contracts: A1 (100, Hombre: the certification starts later), A2 (300, certified), B1 (200, Mujer),
    // B2 (no value, No Definido), C1 (400, Hombre); C2 is a draft.
    [Theory]
    [InlineData("g1", 500.0, 1000.0, 0.5, 4, 5)]            // A2 + B1 of the four with status and value
    [InlineData("g2", 2.0, 4.0, 0.5, 4, 5)]                 // A2, B1 of A1, A2, B1, C1
    [InlineData("g3", 2.0, 3.0, 2.0 / 3, 3, 3)]             // A (A2), B (B1, as B2 is unknown), not C
    [InlineData("g7", 4.0, 5.0, 0.8, 5, 5)]                 // all but B2
    [InlineData("g12", 400.0, 1000.0, 0.4, 4, 5)]           // A1 + A2 of 100 + 300 + 200 + 400
    [InlineData("g9", 2.0, 3.0, 2.0 / 3, 3, 3)]             // A and C new; B contracted in 2024
    [InlineData("g10", 400.0, 600.0, 400.0 / 600, 2, 2)]    // C1 from a registered producer, B1 not
    [InlineData("g13", 1.0, 2.0, 0.5, 2, 3)]                // L1 accessible, L2 not, L3 unknown
    [InlineData("g4", 1.0, 2.0, 0.5, 2, 4)]                 // A certified in 2025, C Hombre; B (last contract No Definido) and D unknown
    [InlineData("g8", 9.0, 4.0, 2.25, 4, 5)]                // P1 2 + P2 2 + P5 1 + P6 4; P3's 0 is N/A; P7 cancelled
    [InlineData("r018", 1.0, 4.0, 0.25, 4, 5)]              // P5
    [InlineData("r013", 1.0, 6.0, 1.0 / 6, 6, 6)]           // P4 of P1–P6
    public void Each_figure_of_the_year_matches_the_hand_count(string codigo, double numerador, double denominador, double valor, int conocidos, int todos)
    {
        var r = En(Anual(), codigo, new Periodo(2025));

        Assert.Equal(numerador, r.Cifra.Numerador!.Value, 6);
        Assert.Equal(denominador, r.Cifra.Denominador!.Value, 6);
        Assert.Equal(valor, r.Cifra.Valor!.Value, 6);
        Assert.Equal((conocidos, todos), (r.Cifra.Cobertura.Conocidos, r.Cifra.Cobertura.Todos));
        Assert.Null(r.Cifra.Motivo);
    }

    [Theory]
    [InlineData("g9", 800.0 / 1000)]   // new A (400) and C (400) of 1,000
    [InlineData("g13", 100.0 / 400)]   // L1 of L1 + L2
    [InlineData("g8", 2.0)]            // median of 1, 2, 2, 4
    [InlineData("r013", 500.0 / 1100)] // P4 of P1, P4, P5, P6 (P2 and P3 have no value)
    public void The_second_figure_is_by_value_or_the_median(string codigo, double segunda)
    {
        Assert.Equal(segunda, En(Anual(), codigo, new Periodo(2025)).Segunda!.Valor!.Value, 6);
    }

    [Fact]
    public void Win_rates_and_ippg_use_competitive_bids_by_known_bidders()
    {
        var anual = Anual();
        // Women-led (A): P1 won, P2 lost, P6 won = 3 bids, 2 awards. Others (C): P3 lost, P5 won = 2 bids, 1 award.
        // B and D are unknown; C's direct award P4 is not a bid.
        var g5 = En(anual, "g5", new Periodo(2025));
        Assert.Equal(2.0 / 3 / 0.5, g5.Cifra.Valor!.Value, 6);
        Assert.Equal((2.0 / 3, 0.5), (g5.Cifra.Numerador!.Value, g5.Cifra.Denominador!.Value));
        Assert.Equal((5, 8), (g5.Cifra.Cobertura.Conocidos, g5.Cifra.Cobertura.Todos));
        Assert.Equal([3.0, 2.0, 2.0, 1.0], g5.Datos.Select(d => d.Valor!.Value));
        Assert.Equal(Math.Sqrt(3.0 / 2 * (2.0 / 1)), En(anual, "g6", new Periodo(2025)).Cifra.Valor!.Value, 6);
    }

    [Fact]
    public void A_certification_counts_for_a_bidder_only_in_periods_it_covers()
    {
        var trimestres = Tablero.Calcular(Fuentes(), Periodo.Entre(2025, 2025, trimestral: true), (_, _) => null);

        // First quarter: A bid before its certification (2025-04-01), so its last contract's "Hombre" applies; B is unknown.
        var t1 = En(trimestres, "g4", new Periodo(2025, 1));
        Assert.Equal((0.0, 0.0, 1.0), (t1.Cifra.Valor!.Value, t1.Cifra.Numerador!.Value, t1.Cifra.Denominador!.Value));
        // Second quarter: A certified; D unknown.
        Assert.Equal(1.0, En(trimestres, "g4", new Periodo(2025, 2)).Cifra.Valor);
    }

    [Fact]
    public void Periods_without_records_are_sin_datos_never_zero()
    {
        var anual = Anual();

        Assert.All(anual.Where(r => r.Periodo == new Periodo(2023)), r =>
        {
            Assert.Null(r.Cifra.Valor);
            Assert.Equal(Cifra.SinDatos, r.Cifra.Motivo);
        });
        // 2024 has only B3 (Mujer, 50): contract figures exist, process figures do not.
        Assert.Equal(1.0, En(anual, "g1", new Periodo(2024)).Cifra.Valor);
        Assert.Equal(Cifra.SinDatos, En(anual, "g8", new Periodo(2024)).Cifra.Motivo);
    }

    [Fact]
    public void Ippg_is_sin_datos_when_a_stage_count_is_zero()
    {
        // Second quarter: A (certified) bid on P2 and lost, D is unknown: no award at all.
        var g6 = En(Tablero.Calcular(Fuentes(), [new Periodo(2025, 2)], (_, _) => null), "g6", new Periodo(2025, 2));

        Assert.Null(g6.Cifra.Valor);
        Assert.StartsWith("Sin datos", g6.Cifra.Motivo);
    }

    [Fact]
    public void Targets_come_from_settings_per_year_and_g10_from_the_law()
    {
        var anual = Anual();

        Assert.Equal(0.35, En(anual, "g1", new Periodo(2025)).Meta);
        Assert.Null(En(anual, "g1", new Periodo(2024)).Meta);
        var opciones = new IndicadoresOptions { Metas = { ["g2"] = new() { [2025] = 0.4 } } };
        var conOpciones = Tablero.Calcular(Fuentes(), [new Periodo(2025)], MetasIndicadores.Combinar(opciones, []).Meta);
        Assert.Equal(0.4, En(conOpciones, "g2", new Periodo(2025)).Meta);
        Assert.Equal(0.30, En(conOpciones, "g10", new Periodo(2025)).Meta);
    }

    [Fact]
    public void The_detail_lists_the_numerator_first_and_says_where_each_row_counts()
    {
        var filas = DetalleIndicador.Filas(Fuentes(), "g1", new Periodo(2025), c => c);

        Assert.Equal(["A2", "B1", "C1", "A1", "B2"], filas.Select(f => f.Id));
        Assert.Equal([Cuenta.Numerador, Cuenta.Numerador, Cuenta.Base, Cuenta.Base, Cuenta.SinDato], filas.Select(f => f.Cuenta));
        Assert.Contains("certificado por la Secretaría", filas[0].Clasificacion);
        Assert.Contains("según SECOP II", filas[1].Clasificacion);
        Assert.Equal(filas.Count(f => f.Cuenta == Cuenta.Numerador), (int)En(Anual(), "g2", new Periodo(2025)).Cifra.Numerador!.Value);
    }

    [Theory]
    [InlineData("g3", new[] { "A", "B", "C" })]
    [InlineData("g4", new[] { "A", "C", "B", "D" })]
    [InlineData("g8", new[] { "P6", "P1", "P5", "P2", "P3" })]
    [InlineData("g13", new[] { "L1", "L2", "L3" })]
    public void Every_indicator_has_its_rows(string codigo, string[] ids)
    {
        var filas = DetalleIndicador.Filas(Fuentes(), codigo, new Periodo(2025), c => c);

        Assert.Equal(ids, filas.Select(f => f.Id));
    }
}
