using Microsoft.Playwright;

namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>
/// A phone on a weak signal paints the server's prerendered page first, before any script (issue 14). When the circuit
/// then connects and redraws the page, nothing may flash or move: the same text, with the headings, rows and list items
/// in the same places.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PrimerPintadoTests(AppServer server, BrowserFixture browser)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/licitaciones")]
    [InlineData("/licitaciones?pae=true&estado=planeado")]
    [InlineData("/proveedores")]
    [InlineData("/capacidad")]
    [InlineData("/indicadores")]
    public async Task The_circuit_draws_the_prerendered_page_again_with_the_same_text_in_the_same_places(string path)
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Phone);
        var primerPintado = await context.NewPageAsync();
        await primerPintado.RouteAsync("**/*.js", r => r.AbortAsync());
        await primerPintado.GotoAsync(path);
        var antes = await FotoAsync(primerPintado);

        var interactiva = await context.NewPageAsync();
        await interactiva.GotoInteractiveAsync(path);
        var despues = await FotoAsync(interactiva);

        Assert.True(antes.Cajas.Length > 3, $"{path}: too little on the first paint to compare ({antes.Cajas.Length} boxes).");
        Assert.Equal(antes.Texto, despues.Texto);
        Assert.Equal(antes.Cajas, despues.Cajas);
    }

    /// <summary>The main content's text (less the "hace N s" that ticks) and where its first 60 blocks sit.</summary>
    private static Task<Foto> FotoAsync(IPage page) => page.EvaluateAsync<Foto>("""
        () => {
            const main = document.querySelector('main');
            const texto = main.innerText.replace(/hace \d+ (s|min|h)|ahora mismo/g, '');
            const cajas = [...main.querySelectorAll('h1, h2, h3, p, li, tr, table')].slice(0, 60).map(e => {
                const r = e.getBoundingClientRect();
                return `${e.tagName} ${Math.round(r.top + scrollY)} ${Math.round(r.left)} ${Math.round(r.width)}×${Math.round(r.height)}`;
            });
            return { Texto: texto, Cajas: cajas };
        }
        """);

    public sealed class Foto
    {
        public string Texto { get; set; } = "";
        public string[] Cajas { get; set; } = [];
    }
}
