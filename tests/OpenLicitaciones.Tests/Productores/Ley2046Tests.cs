using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Productores;

/// <summary>G10 (Ley 2046 de 2020) by year, CONTRACTS §7; every expected figure worked out by hand.</summary>
public sealed class Ley2046Tests
{
    private static readonly Dictionary<string, string> Registro = new() { ["901200301"] = "Productoras Sol Naciente (demo)" };

    private static ContratoAlimento C(int anio, long? valor, string? nit, string codigo = "50301500", string estado = "Activo", string? proveedor = null) =>
        new($"c{anio}-{valor}-{nit}", anio, valor, codigo, estado, nit, nit is null ? proveedor : "CO1.PROV", "Proveedor");

    [Fact]
    public void The_share_is_the_value_sold_by_registered_producers_over_the_food_purchases_with_known_supplier_and_value()
    {
        var contratos = new[]
        {
            C(2025, 30_000_000, "901200301"),            // registered producer
            C(2025, 60_000_000, "900700123"),            // wholesaler
            C(2025, 10_000_000, null),                   // supplier unknown: out of the base, in the coverage
            C(2025, null, "901200301"),                  // value unknown: same
            C(2025, 500_000_000, "900111222", codigo: "85151600"), // PAE operation: not a food purchase
            C(2025, 40_000_000, "901200301", estado: "Borrador"),  // not a counted contract
        };

        var anio = Assert.Single(Ley2046.PorAnio(contratos, Registro, 2025, 2025));

        Assert.Equal(4, anio.ContratosAlimentos);
        Assert.Equal(100_000_000, anio.ValorAlimentos);
        Assert.Equal(30_000_000, anio.ValorProductores);
        Assert.Equal(30_000_000 / 90_000_000.0, anio.Participacion!.Value, 6); // 33.3 %: meets the 30 % target
        Assert.True(anio.CumpleMeta);
        Assert.Equal((2, 4, 90_000_000L, 100_000_000L), (anio.Cobertura.Conocidos, anio.Cobertura.Todos, anio.Cobertura.ValorConocido, anio.Cobertura.ValorTotal));
        Assert.Equal(0.5, anio.Cobertura.PorConteo);
        var productor = Assert.Single(anio.Productores);
        Assert.Equal(("901200301", 1, 30_000_000L), (productor.Nit, productor.Contratos, productor.Valor));
    }

    [Fact]
    public void While_no_registry_entry_has_a_nit_the_share_is_registro_incompleto_not_zero()
    {
        var anio = Assert.Single(Ley2046.PorAnio([C(2025, 60_000_000, "900700123")], new Dictionary<string, string>(), 2025, 2025));

        Assert.Null(anio.Participacion);
        Assert.Equal(Ley2046.RegistroIncompleto, anio.Motivo);
    }

    [Fact]
    public void A_year_without_food_purchases_is_sin_datos_and_a_registry_that_sold_nothing_is_zero()
    {
        var anios = Ley2046.PorAnio([C(2024, 60_000_000, "900700123")], Registro, 2023, 2024);

        Assert.Equal(Ley2046.SinDatos, anios[0].Motivo);
        Assert.Null(anios[0].Participacion);
        Assert.Equal(0.0, anios[1].Participacion);
        Assert.False(anios[1].CumpleMeta);
    }

    [Fact]
    public void Local_msmes_are_a_separate_broader_share_with_their_own_coverage()
    {
        var contratos = new[]
        {
            C(2025, 30_000_000, "901200301") with { MipymeLocal = true },  // a registered producer that is also a local MSME
            C(2025, 20_000_000, "900700123") with { MipymeLocal = true },  // a local MSME wholesaler: not Ley 2046
            C(2025, 50_000_000, "900700999") with { MipymeLocal = false }, // a large or non-local firm
            C(2025, 100_000_000, "900700555"),                             // location or size unknown: left out of this base
        };

        var anio = Assert.Single(Ley2046.PorAnio(contratos, Registro, 2025, 2025));

        Assert.Equal(0.5, anio.ParticipacionMipymeLocal);                      // 50 M of the 100 M known
        Assert.Equal((3, 4), (anio.CoberturaMipymeLocal.Conocidos, anio.CoberturaMipymeLocal.Todos));
        Assert.Equal(30_000_000 / 200_000_000.0, anio.Participacion!.Value, 6); // G10 unchanged: 30 M of 200 M
    }

    [Theory]
    [InlineData(1, 10, true)]   // 10 % known: cobertura baja
    [InlineData(3, 10, false)]  // 30 % is enough
    public void A_known_base_under_30_percent_is_low_coverage(int conocidos, int todos, bool baja) =>
        Assert.Equal(baja, new CoberturaDatos(conocidos, todos, 0, 0).Baja);

    [Fact]
    public void A_supplier_staff_marked_as_a_small_producer_counts_for_g10_like_a_registry_organisation_with_a_nit()
    {
        var marcados = new Dictionary<string, string> { ["900700123"] = "Frutas del Valle S.A.S.", ["901200301"] = "Otro nombre" };
        var porNit = Ley2046.ProductoresPorNit([("901200301", "Productoras Sol Naciente (demo)"), (null, "Asociación sin NIT")], marcados);

        // 10 + 30 of 100 million in food: 40 % from local small producers, the registry's name kept for its NIT.
        var anio = Ley2046.Calcular(2025, [C(2025, 10_000_000, "901200301"), C(2025, 30_000_000, "900700123"), C(2025, 60_000_000, "900999999")], porNit);

        Assert.Equal(["900700123", "901200301"], porNit.Keys.Order());
        Assert.Equal("Productoras Sol Naciente (demo)", porNit["901200301"]);
        Assert.Equal(0.40, anio.Participacion!.Value, 10);
        Assert.Null(anio.Motivo);
        Assert.Equal(Ley2046.RegistroIncompleto, Ley2046.Calcular(2025, [C(2025, 10_000_000, "900700123")],
            Ley2046.ProductoresPorNit([(null, "Asociación sin NIT")], new Dictionary<string, string>())).Motivo);
    }
}
