using Bunit;
using OpenLicitaciones.Components;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Components;

/// <summary>The pages that carry a message instead of data: not found, and the error page.</summary>
public sealed class MessagePageTests : ComponentTest
{
    [Theory]
    [InlineData("/licitaciones/123", "No encontramos esta oportunidad", "/licitaciones")]
    [InlineData("/proveedores/c-1", "No encontramos este proveedor", "/proveedores")]
    [InlineData("/indicadores/g42", "No encontramos este indicador", "/indicadores")]
    [InlineData("/otra-cosa", "No encontramos esta página", "/")]
    public void A_not_found_address_gets_the_message_of_its_section_with_a_way_back(string original, string heading, string back)
    {
        var cut = Render<NotFoundContent>(p => p.Add(x => x.Message, NotFoundMessage.For(original)));

        Assert.Equal(heading, cut.Find("h1").TextContent);
        Assert.Equal(back, cut.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void The_error_page_apologises_in_Spanish_and_never_shows_details()
    {
        var cut = Render<ErrorPage>();

        Assert.Equal("Algo salió mal", cut.Find("h1").TextContent);
        Assert.Equal("/", cut.Find("a").GetAttribute("href"));
        Assert.DoesNotContain("Exception", cut.Markup);
    }
}
