using Bunit;
using Microsoft.AspNetCore.Components;
using OpenLicitaciones.Components.Layout;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Components;

/// <summary>The shell: brand, the five sections, the skip link and the menu button that opens the drawer on phones.</summary>
public sealed class MainLayoutTests : ComponentTest
{
    [Fact]
    public async Task The_layout_lists_the_sections_and_the_menu_button_says_whether_the_drawer_is_open()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb);
        UseAppServices(app.Services);

        var cut = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<h1>Página</h1>"))));

        Assert.Equal(["Inicio", "Banco de Licitaciones", "Monitor de Transparencia", "Capacidad productiva", "Indicadores"],
            cut.FindAll("nav[aria-label=Secciones] a").Select(a => a.TextContent.Trim()));
        Assert.Equal("Saltar al contenido", cut.Find("a.skip-link").TextContent);
        Assert.Equal("Página", cut.Find("main#contenido h1").TextContent);
        Assert.Single(cut.FindAll("#components-reconnect-modal"));
        var menu = cut.Find("button[aria-label='Menú de secciones']");
        var before = menu.GetAttribute("aria-expanded");

        await menu.ClickAsync(new());

        Assert.NotEqual(before, cut.Find("button[aria-label='Menú de secciones']").GetAttribute("aria-expanded"));
    }
}
