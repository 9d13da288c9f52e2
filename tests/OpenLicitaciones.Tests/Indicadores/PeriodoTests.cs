using OpenLicitaciones.Features.Indicadores;

namespace OpenLicitaciones.Tests.Indicadores;

public sealed class PeriodoTests
{
    [Theory]
    [InlineData(2025, null, "2025-01-01", "2026-01-01", "2025", "2025", "2024")]
    [InlineData(2025, 1, "2025-01-01", "2025-04-01", "2025-T1", "1.er trimestre de 2025", "2024-T4")]
    [InlineData(2025, 3, "2025-07-01", "2025-10-01", "2025-T3", "3.er trimestre de 2025", "2025-T2")]
    [InlineData(2025, 4, "2025-10-01", "2026-01-01", "2025-T4", "4.º trimestre de 2025", "2025-T3")]
    public void A_period_has_its_bounds_its_code_its_name_and_the_one_before(int anio, int? trimestre, string inicio, string fin, string codigo,
        string nombre, string anterior)
    {
        var p = new Periodo(anio, trimestre);

        Assert.Equal((DateTime.Parse(inicio), DateTime.Parse(fin), codigo, nombre, anterior), (p.Inicio, p.Fin, p.Codigo, p.Nombre, p.Anterior.Codigo));
    }

    [Theory]
    [InlineData("2025-03-31", false, "2025")]
    [InlineData("2025-03-31", true, "2025-T1")]
    [InlineData("2025-04-01", true, "2025-T2")]
    [InlineData("2025-12-31", true, "2025-T4")]
    public void A_date_falls_in_its_year_or_quarter(string fecha, bool trimestral, string codigo)
    {
        var periodo = Periodo.De(DateTime.Parse(fecha), trimestral);

        Assert.Equal(codigo, periodo.Codigo);
        Assert.True(periodo.Contiene(DateTime.Parse(fecha)));
        Assert.False(periodo.Contiene(periodo.Fin));
    }

    [Fact]
    public void Periods_between_two_years_are_listed_oldest_first()
    {
        Assert.Equal(["2021", "2022", "2023", "2024", "2025", "2026"], Periodo.Entre(2021, 2026, false).Select(p => p.Codigo));
        Assert.Equal(8, Periodo.Entre(2025, 2026, true).Count);
        Assert.Empty(Periodo.Entre(2026, 2025, false));
    }
}
