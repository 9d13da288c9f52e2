using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Tests.Admin;

/// <summary>The quarantine filter read from a URL and written back, and the sentence a retry ends with.</summary>
public sealed class CuarentenaConsultaTests
{
    [Theory]
    [InlineData("", null, null, "", 0)]
    [InlineData("conjunto=p6dx-8zbt", "p6dx-8zbt", null, "conjunto=p6dx-8zbt", 0)]
    [InlineData("conjunto=P6DX-8ZBT&q=%20precio%20", "p6dx-8zbt", "precio", "conjunto=p6dx-8zbt&q=precio", 0)]
    [InlineData("conjunto=nada&q=a%26b", null, "a&b", "q=a%26b", 1)]
    [InlineData("q=%20%20", null, null, "", 0)]
    public void The_filter_keeps_a_known_dataset_and_the_text_and_writes_them_back(string query, string? conjunto, string? texto, string vuelta, int avisos)
    {
        var lector = QueryReader.FromQueryString(query);

        var filtro = FiltroCuarentena.Parse(lector);

        Assert.Equal((conjunto, texto), (filtro.Conjunto, filtro.Texto));
        Assert.Equal(vuelta, filtro.ToQuery());
        Assert.Equal(avisos, lector.Warnings.Count);
    }

    [Theory]
    [InlineData(0, 0, 0, 0, "No había filas para reintentar.")]
    [InlineData(1, 1, 0, 0, "1 fila reintentada: 1 guardada, 0 siguen fallando.")]
    [InlineData(1, 0, 0, 1, "1 fila reintentada: 0 guardadas, 1 sigue fallando.")]
    [InlineData(3, 1, 1, 1, "3 filas reintentadas: 1 guardada, 1 ya tenía una versión más reciente, 1 sigue fallando.")]
    [InlineData(1500, 1000, 2, 498, "1.500 filas reintentadas: 1.000 guardadas, 2 ya tenían una versión más reciente, 498 siguen fallando.")]
    public void A_retry_is_summed_up_in_one_sentence(int reintentadas, int guardadas, int superadas, int fallan, string texto) =>
        Assert.Equal(texto, new ResultadoReintento(reintentadas, guardadas, superadas, fallan).Resumen());

    [Fact]
    public void Results_of_batches_add_up()
    {
        var total = new ResultadoReintento(200, 150, 10, 40) + new ResultadoReintento(5, 1, 0, 4);

        Assert.Equal(new ResultadoReintento(205, 151, 10, 44), total);
    }
}
