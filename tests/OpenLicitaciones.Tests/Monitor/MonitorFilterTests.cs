using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Tests.Monitor;

public sealed class MonitorFilterTests
{
    private const int ThisYear = 2026;
    private static readonly Modalidades Catalog = Modalidades.Load(Path.Combine(AppContext.BaseDirectory, "data", "modalidades.csv"));

    [Fact]
    public void Without_parameters_the_window_is_the_last_six_years_by_participations()
    {
        var (filter, warnings) = Parse("");

        Assert.Equal((2021, 2026, "-participaciones"), (filter.Desde, filter.Hasta, filter.Orden));
        Assert.Equal((null, null, false, false, false, null), (filter.Q, filter.Mujer, filter.Nuevo, filter.Pyme, filter.Local, filter.Modalidad));
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("hasta=2024", 2019, 2024)] // six years up to the chosen end
    [InlineData("desde=2023", 2023, 2026)]
    [InlineData("desde=2022&hasta=2022", 2022, 2022)]
    public void The_window_takes_its_years_from_the_query(string query, int desde, int hasta)
    {
        var (filter, warnings) = Parse(query);
        Assert.Equal((desde, hasta), (filter.Desde, filter.Hasta));
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("mujer=quizas", "mujer: 'quizas' no es si, no ni sin-dato; se ignora")]
    [InlineData("nuevo=quizas", "nuevo: 'quizas' no es true ni false; se ignora")]
    [InlineData("modalidad=trueque", "modalidad: 'trueque' no es una modalidad conocida; se ignora")]
    [InlineData("desde=1999", "desde: '1999' no es un año entre 2000 y 2100; se usa 2021")]
    [InlineData("hasta=abc", "hasta: 'abc' no es un año entre 2000 y 2100; se usa 2026")]
    [InlineData("desde=2025&hasta=2022", "desde es posterior a hasta; se intercambian")]
    [InlineData("orden=-foo", "orden: '-foo' no es un campo ordenable (nombre, participaciones, adjudicaciones, tasaExito, contratos, valorContratado, primerAnio, ultimoAnio, nuevo, pyme, local, mujer); se usa -participaciones")]
    public void Bad_values_are_dropped_or_corrected_with_a_warning(string query, string warning)
    {
        var (_, warnings) = Parse(query);
        Assert.Equal([warning], warnings);
    }

    [Fact]
    public void A_backwards_window_is_swapped()
    {
        var (filter, _) = Parse("desde=2025&hasta=2022");
        Assert.Equal((2022, 2025), (filter.Desde, filter.Hasta));
    }

    [Theory]
    [InlineData("q=agro&mujer=si&nuevo=true&pyme=true&local=true&modalidad=minima-cuantia&desde=2022&hasta=2024&orden=nombre")]
    [InlineData("desde=2024")]
    [InlineData("desde=2020&hasta=2025")]
    [InlineData("orden=-mujer")]
    [InlineData("")]
    public void A_filter_writes_back_the_query_it_was_read_from(string query)
    {
        var (filter, _) = Parse(query);
        Assert.Equal(query, filter.ToQuery(ThisYear));
    }

    private static (MonitorFilter Filter, IReadOnlyList<string> Warnings) Parse(string query)
    {
        var reader = QueryReader.FromQueryString(query);
        return (MonitorFilter.Parse(reader, Catalog, ThisYear), reader.Warnings);
    }
}
