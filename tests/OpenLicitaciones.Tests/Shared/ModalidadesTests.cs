using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Shared;

public sealed class ModalidadesTests
{
    private static readonly Modalidades Catalog = Modalidades.Load(Path.Combine(AppContext.BaseDirectory, "data", "modalidades.csv"));

    [Theory]
    [InlineData("Contratación directa", "contratacion-directa", false, false)]
    [InlineData("CONTRATACION DIRECTA.", "contratacion-directa", false, false)]
    [InlineData("Mínima cuantía", "minima-cuantia", true, true)]
    [InlineData("minima  cuantia", "minima-cuantia", true, true)]
    [InlineData("Selección Abreviada de Menor Cuantía", "seleccion-abreviada-menor-cuantia", true, true)]
    [InlineData("Seleccion Abreviada Menor Cuantia Sin Manifestacion Interes", "seleccion-abreviada-menor-cuantia", true, true)]
    [InlineData("Selección abreviada subasta inversa", "subasta-inversa", true, false)]
    [InlineData("Licitación pública Obra Publica", "licitacion-publica", true, false)]
    [InlineData("Concurso de méritos con precalificación", "concurso-de-meritos", true, false)]
    [InlineData("Contratación régimen especial", "regimen-especial", false, false)]
    [InlineData("Contratación régimen especial (con ofertas)", "regimen-especial-con-ofertas", true, false)]
    [InlineData("Licitación Pública Acuerdo Marco de Precios", "acuerdo-marco", true, false)]
    [InlineData("Modalidad inventada", "otra", false, false)]
    [InlineData(null, "sin-dato", false, false)]
    public void Every_spelling_folds_to_one_code_with_its_competition_and_accessibility(string? raw, string code, bool competitiva, bool accesible)
    {
        var m = Catalog.Resolve(raw);
        Assert.Equal((code, competitiva, accesible), (m.Code, m.Competitiva, m.Accesible));
    }

    [Fact]
    public void Only_minima_cuantia_and_menor_cuantia_are_accessible_to_small_firms() =>
        Assert.Equal(["minima-cuantia", "seleccion-abreviada-menor-cuantia"], Catalog.All.Where(m => m.Accesible).Select(m => m.Code).Order());

    [Theory]
    [InlineData("minima-cuantia", true)]
    [InlineData("contratacion-directa", true)]
    [InlineData("otra", true)] // the spellings the catalog lacks can be filtered too
    [InlineData("sin-dato", false)]
    [InlineData("trueque", false)]
    [InlineData("Minima-Cuantia", false)] // codes are exact
    public void A_filter_may_ask_for_a_catalogued_code_or_otra(string code, bool allowed) => Assert.Equal(allowed, Catalog.IsFilterCode(code));

    [Fact]
    public void Unspsc_families_have_spanish_names_and_unknown_codes_show_the_code()
    {
        var familias = UnspscFamilias.Load(Path.Combine(AppContext.BaseDirectory, "data", "unspsc_familias_es.csv"));
        Assert.Equal("Vegetales frescos", familias.Describe("50401500"));
        Assert.Equal("Servicios alimenticios y de nutrición", familias.Describe("85151600"));
        Assert.Equal("Código 99990000", familias.Describe("99990000"));
        Assert.Equal("Sin dato", familias.Describe(null));
    }
}
