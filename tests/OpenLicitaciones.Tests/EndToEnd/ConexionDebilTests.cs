using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>
/// Issue 14 on a weak signal: with no circuit (never connected, or cut off later) a phone still reads the prerendered
/// page, the bar at its foot says in Spanish what still works, and the menu and the links open their pages.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConexionDebilTests(BrowserFixture browser, AppServer server)
{
    private const string QueSigue = "Puede seguir leyendo y abrir enlaces; los filtros y los datos en vivo funcionan cuando hay conexión.";

    // What blazor.web.js leaves uncaught when its connection fails, and what a call into .NET meets while it is down
    // (MudBlazor's resize listener, when the screenshot resizes the page): the first line of each error. They change
    // nothing on the page; anything else is a fault of it.
    private static readonly Regex FallaDeConexion = new(
        @"^(TypeError: |Error: )?(Failed to fetch|Circuit host not initialized\.|Failed to complete negotiation with the server.*|Cannot send data if the connection is not in the 'Connected' State\.)$");

    [Fact]
    public async Task A_phone_whose_circuit_never_connects_reads_the_page_says_what_still_works_and_its_menu_and_links_open_their_pages()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Phone);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.RouteAsync("**/_blazor**", route => route.AbortAsync());

        await page.GotoAsync("/licitaciones");

        // The server's own first page of opportunities, readable without any circuit.
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveTextAsync("Banco de Licitaciones Abiertas");
        await Expect(page.GetByTestId("banco-total")).ToHaveTextAsync(new Regex(@"^\d[\d.]*$"));
        await Expect(page.GetByTestId("oportunidad").First).ToBeVisibleAsync();

        // The bar comes after a few seconds without a circuit (a slow one is not told off at once).
        var bar = page.Locator("#components-reconnect-modal");
        await Expect(bar).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(bar.Locator(".reconnect-estado")).ToHaveTextAsync("Todavía sin conexión con el servidor.", new() { UseInnerText = true });
        await Expect(bar.Locator(".reconnect-sigue")).ToHaveTextAsync(QueSigue);
        await Expect(bar.GetByRole(AriaRole.Button, new() { Name = "Recargar la página" })).ToBeVisibleAsync();
        await Expect(bar.GetByRole(AriaRole.Button, new() { Name = "Reintentar" })).ToBeHiddenAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToHaveCountAsync(0);
        await AssertTheBarLeavesThePageReadableAsync(page);
        await Screenshots.SaveAsync(page, Viewport.Phone);
        await SaveScreensAsync(page);

        // A link inside the content: the opportunity's own page, as a plain link.
        var first = page.GetByTestId("oportunidad").First.Locator(".opportunity-title");
        var title = await first.InnerTextAsync();
        await first.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/licitaciones/[^/?]+$"));
        await Expect(heading).ToHaveTextAsync(title);

        // The sections behind the phone's menu button, which opens without the server.
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menú de secciones" });
        await menu.ClickAsync();
        var monitor = page.GetByRole(AriaRole.Navigation, new() { Name = "Secciones" })
            .GetByRole(AriaRole.Link, new() { Name = "Monitor de Transparencia", Exact = true });
        await Expect(monitor).ToBeInViewportAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await monitor.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/proveedores$"));
        await Expect(heading).ToHaveTextAsync("Monitor de Transparencia");
        await Expect(page.Locator("tr.monitor-fila").First).ToBeVisibleAsync();
        await Expect(bar.Locator(".reconnect-sigue")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        AssertOnlyConnectionFailures(errors);
    }

    [Fact]
    public async Task A_phone_whose_circuit_is_cut_off_says_what_still_works_opens_its_menu_and_carries_on_when_the_connection_returns()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Phone);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        // The signal goes while the page is open: its socket closes and every new one fails, until it comes back.
        var cortado = false;
        var sockets = new List<IWebSocketRoute>();
        await page.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            if (cortado)
            {
                _ = socket.CloseAsync(); // the handler cannot wait: Playwright's hook returns nothing
                return;
            }
            lock (sockets) sockets.Add(socket);
            socket.ConnectToServer();
        });
        await page.RouteAsync("**/_blazor/negotiate**", route => cortado ? route.AbortAsync() : route.ContinueAsync());
        await page.GotoInteractiveAsync("/licitaciones");
        var total = page.GetByTestId("banco-total");
        var all = await total.InnerTextAsync();
        await page.EvaluateAsync("() => window.__sinRecargar = true");

        cortado = true;
        IWebSocketRoute[] abiertos;
        lock (sockets) abiertos = [.. sockets];
        foreach (var socket in abiertos) await socket.CloseAsync();

        var bar = page.Locator("#components-reconnect-modal");
        await Expect(bar).ToBeVisibleAsync();
        // One sentence at a time, though blazor.web.js keeps "show" on while "retrying".
        await Expect(bar.Locator(".reconnect-estado")).ToHaveTextAsync(
            new Regex(@"^Sin conexión con el servidor\. Reconectando( \(intento \d+\))?…$"), new() { UseInnerText = true });
        await Expect(bar.Locator(".reconnect-sigue")).ToHaveTextAsync(QueSigue);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Banco de Licitaciones Abiertas");
        await AssertTheBarLeavesThePageReadableAsync(page);
        await Screenshots.SaveAsync(page, Viewport.Phone);
        await SaveScreensAsync(page);

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menú de secciones" });
        var monitor = page.GetByRole(AriaRole.Navigation, new() { Name = "Secciones" })
            .GetByRole(AriaRole.Link, new() { Name = "Monitor de Transparencia", Exact = true });
        await menu.ClickAsync();
        await Expect(monitor).ToBeInViewportAsync();
        await menu.ClickAsync();
        await Expect(monitor).Not.ToBeInViewportAsync();

        // Back within the reconnection policy's first seconds: the same page carries on, interactive, without a reload.
        cortado = false;
        await Expect(bar).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtros" }).ClickAsync(); // folded on a phone; unfolding takes the circuit
        await page.GetByLabel("Alimentos (PAE)").CheckAsync();
        await Expect(page).ToHaveURLAsync(new Regex("pae=true"));
        await Expect(total).Not.ToHaveTextAsync(all);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sinRecargar === true"), "The page reloaded instead of reconnecting.");
        AssertOnlyConnectionFailures(errors);
    }

    private static void AssertOnlyConnectionFailures(List<string> errors) =>
        Assert.True(errors.TrueForAll(e => FallaDeConexion.IsMatch(e.Split('\n')[0])), string.Join("\n---\n", errors));

    /// <summary>
    /// What the phone shows at the page's top and at its end (the helper's whole-page picture draws the bar over the first
    /// screen, where a sticky element sits when the page is not scrolled): *.pantalla.png and *.final.png.
    /// </summary>
    private static async Task SaveScreensAsync(IPage page, [CallerMemberName] string test = "")
    {
        Directory.CreateDirectory(Screenshots.Folder);
        var name = Path.Combine(Screenshots.Folder, $"{test}.{Viewport.Phone.Name}-{Viewport.Phone.Width}x{Viewport.Phone.Height}");
        await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        await page.ScreenshotAsync(new() { Path = $"{name}.final.png" });
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = $"{name}.pantalla.png" });
    }

    /// <summary>
    /// On a 390×844 phone the bar takes at most a quarter of the screen, leaves the page's title in view, and at the
    /// page's end comes after the footer instead of over it.
    /// </summary>
    private static async Task AssertTheBarLeavesThePageReadableAsync(IPage page)
    {
        var bar = page.Locator("#components-reconnect-modal");
        var top = await bar.BoundingBoxAsync() ?? throw new InvalidOperationException("The bar has no box.");
        var title = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).BoundingBoxAsync() ?? throw new InvalidOperationException("No h1 box.");
        Assert.True(top.Height <= Viewport.Phone.Height / 4, $"The bar is {top.Height} px tall on a {Viewport.Phone.Height} px screen.");
        Assert.True(top.Y + top.Height <= Viewport.Phone.Height + 1, $"The bar ends at {top.Y + top.Height} px, below the screen.");
        Assert.True(title.Y + title.Height <= top.Y, $"The bar (from {top.Y} px) covers the title (to {title.Y + title.Height} px).");

        await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        var end = await bar.BoundingBoxAsync() ?? throw new InvalidOperationException("The bar has no box.");
        var footer = await page.Locator("footer.site-footer").BoundingBoxAsync() ?? throw new InvalidOperationException("No footer box.");
        Assert.True(footer.Y + footer.Height <= end.Y + 1, $"At the page's end the bar (from {end.Y} px) covers the footer (to {footer.Y + footer.Height} px).");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
    }
}
