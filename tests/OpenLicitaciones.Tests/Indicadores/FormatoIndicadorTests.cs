using OpenLicitaciones.Features.Indicadores;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Indicadores;

public sealed class FormatoIndicadorTests
{
    [Theory]
    [InlineData(0.4506, TipoValor.Proporcion, "45,1 %")]
    [InlineData(0.0, TipoValor.Proporcion, "0,0 %")]
    [InlineData(1.2121, TipoValor.Razon, "1,21")]
    [InlineData(5.583, TipoValor.Promedio, "5,6")]
    [InlineData(null, TipoValor.Proporcion, "Sin datos")]
    public void Values_read_as_colombian_spanish_and_unknown_is_sin_datos(double? valor, TipoValor tipo, string texto) =>
        Assert.Equal(texto, FormatoIndicador.Valor(valor, tipo));

    [Theory]
    [InlineData(0.385, 0.451, TipoValor.Proporcion, "▼ baja 6,6 p. p.")]
    [InlineData(0.533, 0.482, TipoValor.Proporcion, "▲ sube 5,1 p. p.")]
    [InlineData(0.5, 0.5004, TipoValor.Proporcion, "sin cambio")]    // less than 0.05 points
    [InlineData(1.164, 0.897, TipoValor.Razon, "▲ sube 0,27")]
    [InlineData(5.18, 5.402, TipoValor.Promedio, "▼ baja 0,2")]
    [InlineData(0.5, null, TipoValor.Proporcion, null)]              // from "sin datos" there is no change
    [InlineData(null, 0.5, TipoValor.Proporcion, null)]
    public void The_change_is_in_points_for_shares_and_absent_when_a_period_has_no_value(double? actual, double? anterior, TipoValor tipo, string? texto) =>
        Assert.Equal(texto, FormatoIndicador.Cambio(actual, anterior, tipo));

    [Theory]
    [InlineData(4, 5, 1000, 1000, "contratos", "80,0 % de los contratos (4 de 5); 100,0 % del valor")]
    [InlineData(2, 4, 0, 0, "contratos", "50,0 % de los contratos (2 de 4)")]      // no value base: count only
    [InlineData(1, 2, 0, 0, "participaciones", "50,0 % de las participaciones (1 de 2)")]
    [InlineData(1, 4, 0, 0, "líneas del plan", "25,0 % de las líneas del plan (1 de 4)")]
    [InlineData(0, 0, 0, 0, "contratos", "Sin registros en el periodo.")]
    public void Coverage_says_known_over_all_in_count_and_value(int conocidos, int todos, long valorConocido, long valorTotal, string unidad, string texto) =>
        Assert.Equal(texto, FormatoIndicador.Cobertura(new CoberturaDatos(conocidos, todos, valorConocido, valorTotal), unidad));

    [Fact]
    public void The_trend_line_breaks_where_a_period_has_no_value_and_spans_the_box()
    {
        // Five periods over 120 px: x = 0, 30, 60, 90, 120. Lowest 0.2 at the bottom (y 30), highest 0.6 at the top (y 2).
        var tramos = Sparkline.Tramos([0.2, 0.6, null, 0.4, 0.4], 120, 32);

        Assert.Equal(["0,30 30,2", "90,16 120,16"], tramos);
    }

    [Fact]
    public void A_flat_trend_sits_in_the_middle_and_no_value_draws_nothing()
    {
        Assert.Equal(["0,16 60,16 120,16"], Sparkline.Tramos([0.3, 0.3, 0.3], 120, 32));
        Assert.Empty(Sparkline.Tramos([null, null], 120, 32));
    }

    [Theory]
    [InlineData("2025", 2025, null)]
    [InlineData("2025-T3", 2025, 3)]
    [InlineData("2025-t1", 2025, 1)]
    [InlineData("2025-T5", null, null)]
    [InlineData("1999", null, null)]
    [InlineData("25", null, null)]
    [InlineData("2025-T", null, null)]
    [InlineData(null, null, null)]
    public void A_period_code_reads_back_as_the_api_writes_it(string? codigo, int? anio, int? trimestre)
    {
        var periodo = Periodo.Leer(codigo);

        Assert.Equal(anio, periodo?.Anio);
        Assert.Equal(trimestre, periodo?.Trimestre);
        if (periodo is not null) Assert.Equal(codigo!.ToUpperInvariant(), periodo.Codigo);
    }

    [Fact]
    public void Women_led_against_the_others_per_modality_counts_competitive_bids_only()
    {
        ParticipacionMujer Oferta(string modalidad, bool? mujer, bool gano, bool competitiva = true) =>
            new("p", "x", mujer, competitiva, gano, modalidad);

        var filas = PorModalidad.Calcular(
        [
            Oferta("minima-cuantia", true, true), Oferta("minima-cuantia", true, false), Oferta("minima-cuantia", false, true),
            Oferta("minima-cuantia", false, false), Oferta("minima-cuantia", null, true),
            Oferta("licitacion-publica", true, false), Oferta("licitacion-publica", false, true),
            Oferta("contratacion-directa", true, true, competitiva: false),
        ]);

        Assert.Equal(["minima-cuantia", "licitacion-publica"], filas.Select(f => f.ModalidadCodigo));
        var minima = filas[0];
        Assert.Equal((2, 1, 2, 1, 1), (minima.OfertasMujer, minima.GanadasMujer, minima.OfertasOtras, minima.GanadasOtras, minima.OfertasSinDato));
        Assert.Equal(1.0, minima.Razon); // ½ ÷ ½
        Assert.Equal((0.0, 1.0, 0.0), (filas[1].TasaMujer!.Value, filas[1].TasaOtras!.Value, filas[1].Razon!.Value)); // where they lose
    }
}
