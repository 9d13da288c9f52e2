using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class ShellTests(AppServer server, BrowserFixture browser)
{
    private static readonly string[] NavLinks = ["Inicio", "Banco de Licitaciones", "Monitor de Transparencia", "Capacidad productiva", "Indicadores"];

    [Fact]
    public async Task Home_on_desktop_shows_brand_navigation_data_status_demo_notice_and_non_zero_figures()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/");

        await Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "OpenLicitaciones", Exact = true })).ToBeVisibleAsync();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Secciones" });
        foreach (var name in NavLinks)
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();

        var status = page.GetByTestId("data-status");
        await Expect(status).ToContainTextAsync("Datos actualizados:");
        await Expect(status).ToContainTextAsync(new Regex(@"\d{1,2} de [a-z]+ de \d{4}"));
        var stamp = await status.Locator("time").GetAttributeAsync("datetime");
        Assert.True(DateTime.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _), $"Not a date: '{stamp}'");

        await Expect(page.GetByTestId("demo-notice")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("demo-notice")).ToContainTextAsync("Datos de demostración");

        var figures = page.GetByTestId("home-figures").Locator(".figure");
        await Expect(figures).ToHaveCountAsync(5);
        foreach (var text in await figures.AllInnerTextsAsync())
        {
            var value = long.Parse(text, NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("es-CO"));
            Assert.True(value > 0, $"A home figure is zero: {string.Join(" | ", await figures.AllInnerTextsAsync())}");
        }

        await Screenshots.SaveAsync(page, Viewport.Desktop);
    }

    [Fact]
    public async Task On_a_phone_the_page_title_starts_in_the_first_screen_and_the_menu_button_opens_the_sections_as_48px_targets()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Phone);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/licitaciones");

        await page.AssertFitsWidthAsync();
        var title = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).BoundingBoxAsync() ?? throw new InvalidOperationException("No h1 box.");
        Assert.True(title.Y + title.Height <= Viewport.Phone.Height / 2, $"The page title ends at {title.Y + title.Height} px; on a phone it should start the first screen.");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Secciones" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Inicio", Exact = true })).Not.ToBeInViewportAsync();

        // The drawer learns the screen is narrow from MudBlazor's breakpoint check right after the circuit starts.
        await Expect(page.Locator(".site-drawer")).ToHaveClassAsync(new Regex("mud-drawer--closed"));
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menú de secciones" });
        var menuBox = await menu.BoundingBoxAsync() ?? throw new InvalidOperationException("The menu button has no box.");
        Assert.True(menuBox.Height >= 48 && menuBox.Width >= 48, $"The menu button is {menuBox.Width}×{menuBox.Height} px; touch targets need 48 px.");
        await menu.ClickAsync();

        foreach (var name in NavLinks)
        {
            var link = nav.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
            await Expect(link).ToBeInViewportAsync();
            var box = await link.BoundingBoxAsync() ?? throw new InvalidOperationException($"'{name}' has no box.");
            Assert.True(box.Height >= 48, $"The nav link '{name}' is {box.Height} px tall; touch targets need 48 px.");
            Assert.True(box.X >= 0 && box.X + box.Width <= Viewport.Phone.Width, $"The nav link '{name}' sticks out of the screen: x={box.X}, width={box.Width}.");
        }

        await Screenshots.SaveAsync(page, Viewport.Phone);
        await nav.GetByRole(AriaRole.Link, new() { Name = "Monitor de Transparencia", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/proveedores$"));
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Inicio", Exact = true })).Not.ToBeInViewportAsync(); // the menu closes after choosing
    }

    [Fact]
    public async Task Clicking_Banco_de_Licitaciones_once_interactive_navigates_client_side_and_focuses_its_heading()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/");
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Secciones" })
            .GetByRole(AriaRole.Link, new() { Name = "Banco de Licitaciones", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/licitaciones$"));
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Banco de Licitaciones Abiertas" });
        await Expect(heading).ToBeVisibleAsync();
        await Expect(heading).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The click reloaded the whole page instead of navigating in place.");
        await Expect(page).ToHaveTitleAsync(new Regex("^Banco de Licitaciones"));
    }

    [Fact]
    public async Task Skip_link_is_first_in_tab_order_shows_when_focused_and_moves_focus_to_the_main_content()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/licitaciones");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Saltar al contenido" });
        await Expect(skip).Not.ToBeInViewportAsync();

        // Start the tab order from the top of the document, as a keyboard user arriving at the page does
        // (the router has already put focus on the h1, which would make Tab continue from there).
        await page.EvaluateAsync("() => { document.body.tabIndex = -1; document.body.focus(); }");
        await page.Keyboard.PressAsync("Tab");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await Screenshots.SaveAsync(page, Viewport.Desktop);

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/licitaciones(#contenido)?$"));
    }

    [Fact]
    public async Task Unknown_address_answers_404_with_the_friendly_spanish_not_found_page()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/esta-pagina-no-existe");

        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "No encontramos esta página" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Volver al inicio" })).ToHaveAttributeAsync("href", "/");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Secciones" })).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync(new Regex("Exception|Stack trace|at OpenLicitaciones", RegexOptions.IgnoreCase));
        await Screenshots.SaveAsync(page, Viewport.Desktop);
    }

    [Fact]
    public async Task Home_loads_its_stylesheets_and_scripts_without_failed_requests_or_console_errors()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        var failed = new List<string>();
        var errors = new List<string>();
        page.Response += (_, r) => { if (r.Status >= 400) failed.Add($"{r.Status} {r.Url}"); };
        page.RequestFailed += (_, r) => failed.Add($"{r.Failure} {r.Url}");
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoInteractiveAsync("/");

        Assert.True(failed.Count == 0, "Requests failed:\n" + string.Join("\n", failed));
        Assert.True(errors.Count == 0, "The browser console reported errors:\n" + string.Join("\n", errors));
        // app.css hides the Spanish reconnection display until the circuit drops; visible means the stylesheet did not apply.
        await Expect(page.Locator("#components-reconnect-modal")).ToHaveCountAsync(1);
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.mudElementRef === 'object'"), "MudBlazor's script did not load.");
        // MudBlazor's stylesheet applied: its app bar is positioned by it.
        Assert.Equal("fixed", await page.Locator(".mud-appbar").EvaluateAsync<string>("e => getComputedStyle(e).position"));
    }
}
