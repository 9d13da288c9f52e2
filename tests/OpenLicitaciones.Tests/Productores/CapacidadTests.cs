using OpenLicitaciones.Features.Productores;

namespace OpenLicitaciones.Tests.Productores;

/// <summary>Capacities become monthly figures in a base unit (CONTRACTS §7); expected values worked out by hand.</summary>
public sealed class CapacidadTests
{
    [Theory]
    // Every published pair of data/associations.json.
    [InlineData(587, "toneladas", "mes", 587_000, UnidadBase.Kilogramos)]
    [InlineData(320, "toneladas", "semestre", 53_333.333, UnidadBase.Kilogramos)]   // 320 000 kg ÷ 6
    [InlineData(120_000, "huevos", "mes", 120_000, UnidadBase.Huevos)]
    [InlineData(1_600, "unidades", "mes", 1_600, UnidadBase.Unidades)]
    [InlineData(180, "toneladas", "año", 15_000, UnidadBase.Kilogramos)]            // 180 000 kg ÷ 12
    [InlineData(34, "toneladas", "año", 2_833.333, UnidadBase.Kilogramos)]
    [InlineData(40, "toneladas", "semestre", 6_666.667, UnidadBase.Kilogramos)]
    [InlineData(6, "toneladas", "semestre", 1_000, UnidadBase.Kilogramos)]
    [InlineData(20, "toneladas", "año", 1_666.667, UnidadBase.Kilogramos)]
    [InlineData(50, "toneladas", "año", 4_166.667, UnidadBase.Kilogramos)]
    // Other accepted units and periods.
    [InlineData(500, "arrobas", "trimestre", 2_083.333, UnidadBase.Kilogramos)]    // 500 × 12.5 kg = 6 250 kg ÷ 3
    [InlineData(100, "libras", "quincena", 100, UnidadBase.Kilogramos)]             // 50 kg × 2 quincenas
    [InlineData(2_000, "kilogramos", "semana", 8_690.476, UnidadBase.Kilogramos)]   // 2 000 × (365 ÷ 12) ÷ 7
    [InlineData(10, "docenas de huevos", "día", 3_650, UnidadBase.Huevos)]          // 120 × 365 ÷ 12
    [InlineData(36_000, "litros", "mes", 36_000, UnidadBase.Litros)]
    [InlineData(3, "Toneladas", "Bimestre", 1_500, UnidadBase.Kilogramos)]           // case and accents do not matter
    [InlineData(0, "kg", "mes", 0, UnidadBase.Kilogramos)]
    public void A_published_capacity_becomes_a_monthly_figure(double cantidad, string unidad, string periodo, double porMes, UnidadBase baseUnit)
    {
        var mensual = Capacidad.Mensual(new CapacidadPublicada(cantidad, unidad, periodo));

        Assert.Null(mensual.Motivo);
        Assert.Equal(porMes, mensual.PorMes!.Value, 3);
        Assert.Equal(baseUnit, mensual.Unidad);
    }

    [Theory]
    [InlineData(null, null, null, "no publicó")]          // ASOCAMPROL: products without a published capacity
    [InlineData(800.0, "bultos", "año", "no tiene un peso")] // a sack has no fixed weight
    [InlineData(5.0, "canecas", "mes", "no se reconoce")]
    [InlineData(5.0, "kg", "lustro", "no se reconoce")]
    public void A_capacity_that_cannot_be_normalised_says_why(double? cantidad, string? unidad, string? periodo, string motivo)
    {
        var mensual = Capacidad.Mensual(new CapacidadPublicada(cantidad, unidad, periodo));

        Assert.Null(mensual.PorMes);
        Assert.Contains(motivo, mensual.Motivo);
    }

    public static readonly TheoryData<double[], double, UnidadBase, double?, double?, string?> Coberturas = new()
    {
        // capacities (kg/month), demand, unit → coverage, gap, reason
        { [15_000], 3_000, UnidadBase.Kilogramos, 5.0, -12_000, null },
        { [1_000, 1_000], 4_000, UnidadBase.Kilogramos, 0.5, 2_000, null },     // two organisations add up
        { [], 2_500, UnidadBase.Kilogramos, 0.0, 2_500, null },                  // nobody registered the product
        { [15_000], 0, UnidadBase.Kilogramos, null, null, "cero" },              // zero demand: nothing to cover
    };

    [Theory]
    [MemberData(nameof(Coberturas))]
    public void Coverage_is_monthly_capacity_over_declared_monthly_demand(double[] capacidades, double demanda, UnidadBase unidad,
        double? razon, double? brecha, string? motivo)
    {
        var cobertura = Capacidad.Cobertura(capacidades.Select(c => new CapacidadMensual(c, UnidadBase.Kilogramos, null)).ToList(), demanda, unidad);

        Assert.Equal(razon, cobertura.Razon);
        Assert.Equal(brecha, cobertura.Brecha);
        if (motivo is null) Assert.Null(cobertura.Motivo);
        else Assert.Contains(motivo, cobertura.Motivo);
    }

    [Fact]
    public void Coverage_is_not_computed_across_units_or_from_an_unpublished_capacity()
    {
        var huevos = Capacidad.Cobertura([new CapacidadMensual(120_000, UnidadBase.Huevos, null)], 900, UnidadBase.Kilogramos);
        var sinDato = Capacidad.Cobertura([Capacidad.Mensual(new CapacidadPublicada(null, null, null))], 900, UnidadBase.Kilogramos);

        Assert.Null(huevos.Razon);
        Assert.Contains("no son comparables", huevos.Motivo);
        Assert.Null(sinDato.Razon);
        Assert.Contains("no publicó", sinDato.Motivo);
    }
}
