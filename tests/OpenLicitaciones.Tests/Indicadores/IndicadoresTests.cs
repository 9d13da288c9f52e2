using OpenLicitaciones.Features.Indicadores;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Indicadores;

/// <summary>The inclusion indicators as pure functions (anchors §6.2, CONTRACTS §7); every expected value worked out by hand.</summary>
public sealed class IndicadoresTests
{
    private static readonly Certificacion Certificada = new("900111222", new DateOnly(2024, 7, 1), new DateOnly(2025, 6, 30), "Acta 12 de 2024");

    [Theory]
    // nit, date, proxy → women-led, source
    [InlineData("900111222", "2024-06-30", "Hombre", false, FuenteMujer.RepresentanteLegal)]   // the day before the certification
    [InlineData("900111222", "2024-07-01", "Hombre", true, FuenteMujer.Certificacion)]         // from its effective date it wins
    [InlineData("900111222", "2025-06-30", null, true, FuenteMujer.Certificacion)]             // last day in force
    [InlineData("900111222", "2025-07-01", "No Definido", null, FuenteMujer.Ninguna)]          // expired: back to the proxy
    [InlineData("900999999", "2025-01-01", "Mujer", true, FuenteMujer.RepresentanteLegal)]
    [InlineData("900999999", "2025-01-01", "MUJER", true, FuenteMujer.RepresentanteLegal)]
    [InlineData("900999999", "2025-01-01", "Otro", false, FuenteMujer.RepresentanteLegal)]
    [InlineData("900999999", "2025-01-01", "No Definido", null, FuenteMujer.Ninguna)]
    [InlineData(null, "2025-01-01", "", null, FuenteMujer.Ninguna)]
    public void A_certification_in_force_wins_over_the_proxy_and_unknown_stays_unknown(string? nit, string fecha, string? proxy, bool? lider, FuenteMujer fuente)
    {
        var estado = LiderazgoMujer.De(nit, DateOnly.Parse(fecha), proxy, [Certificada]);

        Assert.Equal((lider, fuente), (estado.Lider, estado.Fuente));
    }

    private static ContratoIndicador C(long? valor, bool? mujer, string proveedor = "s", bool? pyme = null, int dia = 1) =>
        new($"c{valor}-{proveedor}-{dia}", new DateOnly(2025, 1, dia), valor, proveedor,
            new EstadoMujer(mujer, mujer is null ? FuenteMujer.Ninguna : FuenteMujer.RepresentanteLegal), mujer is not null, pyme);

    [Fact]
    public void G1_and_g2_leave_unknowns_out_of_the_base_and_report_them_as_coverage()
    {
        ContratoIndicador[] contratos = [C(30, true, "a"), C(50, false, "b"), C(20, null, "c"), C(null, true, "d")];

        var g1 = IndicadoresContratos.G1(contratos);
        var g2 = IndicadoresContratos.G2(contratos);

        Assert.Equal((30.0 / 80, 30.0, 80.0), (g1.Valor!.Value, g1.Numerador, g1.Denominador)); // the one without value is unknown here
        Assert.Equal((2, 4, 80L, 100L), (g1.Cobertura.Conocidos, g1.Cobertura.Todos, g1.Cobertura.ValorConocido, g1.Cobertura.ValorTotal));
        Assert.Equal((2.0 / 3, 2.0, 3.0), (g2.Valor!.Value, g2.Numerador, g2.Denominador));
        Assert.Equal((3, 4), (g2.Cobertura.Conocidos, g2.Cobertura.Todos));
    }

    [Fact]
    public void An_empty_period_is_sin_datos_and_an_all_unknown_one_is_not_zero()
    {
        Assert.Equal((null, Cifra.SinDatos), (IndicadoresContratos.G1([]).Valor, IndicadoresContratos.G1([]).Motivo));
        var todoDesconocido = IndicadoresContratos.G2([C(10, null), C(20, null)]);
        Assert.Null(todoDesconocido.Valor);
        Assert.Equal(Cifra.SinBaseConocida, todoDesconocido.Motivo);
        Assert.True(todoDesconocido.Cobertura.Baja);
    }

    [Fact]
    public void G3_counts_each_supplier_once_with_its_latest_known_status()
    {
        ContratoIndicador[] contratos =
        [
            C(10, false, "a", dia: 1), C(10, true, "a", dia: 5), C(10, null, "a", dia: 9), // a: latest known is women-led
            C(10, false, "b"), C(10, null, "c"),                                             // b: no; c: unknown
        ];

        var g3 = IndicadoresContratos.G3(contratos);

        Assert.Equal((0.5, 1.0, 2.0), (g3.Valor!.Value, g3.Numerador, g3.Denominador));
        Assert.Equal((2, 3), (g3.Cobertura.Conocidos, g3.Cobertura.Todos));
        var uno = IndicadoresContratos.G3([C(10, true, "solo")]);                         // one supplier
        Assert.Equal(1.0, uno.Valor);
    }

    [Fact]
    public void G7_is_recorded_gender_over_all_contracts_as_palmira_reported_it()
    {
        // 4 % in 2020: 1 of 25 contracts records the gender.
        var contratos = Enumerable.Range(0, 25).Select(i => C(10, i == 0 ? true : null, $"s{i}")).ToList();

        var g7 = IndicadoresContratos.G7(contratos);

        Assert.Equal((0.04, 1.0, 25.0), (g7.Valor!.Value, g7.Numerador, g7.Denominador));
    }

    [Fact]
    public void G12_is_the_msme_share_of_value_among_contracts_whose_size_is_known()
    {
        var g12 = IndicadoresContratos.G12([C(60, null, pyme: true), C(40, null, pyme: false), C(100, null, pyme: null)]);

        Assert.Equal(0.6, g12.Valor);
        Assert.Equal((100L, 200L), (g12.Cobertura.ValorConocido, g12.Cobertura.ValorTotal));
    }

    [Theory]
    // women bidders, other bidders, women winners, other winners → G5, G6
    [InlineData(10, 10, 5, 5, 1.0, 1.0)]            // parity
    [InlineData(4, 16, 1, 8, 0.5, 0.1767766952966369)] // G5 (1/4)/(8/16) = 0.5; G6 √((4/16)·(1/8)) = √(1/32) ≈ 0.1768
    [InlineData(6, 12, 3, 3, 2.0, 0.7071067811865476)] // G5 (3/6)/(3/12) = 2; G6 √(0.5·1) = 0.7071
    [InlineData(5, 10, 0, 4, 0.0, null)]            // no women-led winner: G5 is 0, IPPG "sin datos"
    [InlineData(0, 10, 0, 4, null, null)]           // no women-led bidder: both "sin datos"
    public void G5_is_a_ratio_of_win_rates_and_g6_is_the_ippg_with_a_zero_stage_as_sin_datos(int ow, int oo, int gw, int go, double? g5, double? g6)
    {
        var etapas = new EtapasMujer(ow, oo, gw, go);

        Assert.Equal(g5, IndicadoresProcesos.G5(etapas));
        if (g6 is null) Assert.Null(IndicadoresProcesos.G6(etapas));
        else Assert.Equal(g6.Value, IndicadoresProcesos.G6(etapas)!.Value, 10);
    }

    [Fact]
    public void The_ippg_of_unequal_stages_is_their_geometric_mean()
    {
        // Bids 4 women-led to 16 others (0.25), awards 1 to 8 (0.125): √0.03125.
        Assert.Equal(Math.Sqrt(0.03125), IndicadoresProcesos.G6(new EtapasMujer(4, 16, 1, 8))!.Value, 12);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3 }, 2.0, 2.0, 3)]
    [InlineData(new[] { 1, 6, 2, 7 }, 4.0, 4.0, 4)]     // tie for the median: mean of 2 and 6
    [InlineData(new[] { 5, 0, 0 }, 5.0, 5.0, 1)]        // 0 = still in evaluation: not applicable
    [InlineData(new int[0], null, null, 0)]
    public void G8_averages_and_takes_the_median_of_bidders_per_competitive_process(int[] oferentes, double? promedio, double? mediana, int procesos)
    {
        var (p, m, n) = IndicadoresProcesos.G8(oferentes.Select(o => (int?)o));

        Assert.Equal((promedio, mediana, procesos), (p, m, n));
    }

    private static readonly Adjudicacion[] Historia =
    [
        new("A", new DateTime(2022, 3, 1), 5), new("A", new DateTime(2025, 2, 1), 10),
        new("B", new DateTime(2022, 1, 31), 5), new("B", new DateTime(2025, 2, 1), 20),
        new("C", new DateTime(2025, 6, 1), 30),
        new("D", new DateTime(2022, 12, 1), 7),
    ];

    [Fact]
    public void G9_a_supplier_is_new_without_a_contract_in_the_n_years_before_its_first_one_of_the_period()
    {
        // N = 3. A won on 2022-03-01, inside the three years before 2025-02-01: not new. B's 2022-01-31 is one day
        // before that window: new. C never won before: new. So 2 of 3 suppliers, and 50 of 60 pesos.
        var (conteo, valor) = ProveedoresNuevos.G9(Historia, new DateTime(2025, 1, 1), new DateTime(2026, 1, 1), 3, new DateTime(2020, 1, 1));

        Assert.Equal((2.0 / 3, 2.0, 3.0), (conteo.Valor!.Value, conteo.Numerador, conteo.Denominador));
        Assert.Equal((50.0 / 60, 50.0, 60.0), (valor.Valor!.Value, valor.Numerador, valor.Denominador));
        Assert.Equal((3, 3), (conteo.Cobertura.Conocidos, conteo.Cobertura.Todos));
    }

    [Fact]
    public void G9_is_unknown_where_the_history_does_not_reach_n_years_back_and_sin_datos_without_awards()
    {
        // In 2022 every supplier's three years before reach into 2019, before the synced history (2020): unknown, not "new".
        var (conteo, _) = ProveedoresNuevos.G9(Historia, new DateTime(2022, 1, 1), new DateTime(2023, 1, 1), 3, new DateTime(2020, 1, 1));
        Assert.Null(conteo.Valor);
        Assert.Equal(Cifra.SinBaseConocida, conteo.Motivo);
        Assert.Equal((0, 3), (conteo.Cobertura.Conocidos, conteo.Cobertura.Todos));

        var (vacio, _) = ProveedoresNuevos.G9(Historia, new DateTime(2024, 1, 1), new DateTime(2025, 1, 1), 3, new DateTime(2020, 1, 1));
        Assert.Equal(Cifra.SinDatos, vacio.Motivo);
    }

    [Fact]
    public void G13_is_the_share_of_plan_lines_and_value_planned_in_a_modality_open_to_small_firms()
    {
        var minima = new Modalidad("minima-cuantia", "Mínima cuantía", true, true);
        var licitacion = new Modalidad("licitacion-publica", "Licitación pública", true, false);
        LineaPlan[] lineas =
        [
            new("L1", minima, 10), new("L2", minima, 30), new("L3", licitacion, 60),
            new("L4", Modalidad.SinDato, 100),                               // no modality: unknown, not "not accessible"
            new("L5", new Modalidad(Modalidad.Otra, "Trueque", false, false), 5),
        ];

        var (conteo, valor) = PlanAccesible.G13(lineas);

        Assert.Equal((2.0 / 3, 2.0, 3.0), (conteo.Valor!.Value, conteo.Numerador, conteo.Denominador));
        Assert.Equal((0.4, 40.0, 100.0), (valor.Valor!.Value, valor.Numerador, valor.Denominador));
        Assert.Equal((3, 5, 100L, 205L), (conteo.Cobertura.Conocidos, conteo.Cobertura.Todos, conteo.Cobertura.ValorConocido, conteo.Cobertura.ValorTotal));
        Assert.Equal(Cifra.SinDatos, PlanAccesible.G13([]).PorConteo.Motivo);
    }
}
