using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class CapacidadTests(AppServer server, BrowserFixture browser)
{
    [Fact]
    public async Task The_map_shows_every_populated_place_and_keyboard_selects_an_association()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/capacidad");

        await Expect(page.GetByTestId("mapa-lugar")).ToHaveCountAsync(43); // Palmira's DANE centros poblados, DIVIPOLA 2022
        await Expect(page.GetByTestId("tabla-lugares").Locator("tbody tr")).ToHaveCountAsync(43);
        await page.Locator("[data-testid=mapa-marcador][aria-label*='Avícola Comunitaria El Progreso']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var ficha = page.GetByTestId("productor-ficha");
        await Expect(ficha.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync("Avícola Comunitaria El Progreso (demo)");
        await Expect(ficha).ToContainTextAsync("90.000 huevos por mes");
        await Expect(ficha.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToBeFocusedAsync(); // the card just opened takes focus
        await Expect(page).ToHaveURLAsync(new Regex("org="));
        await Screenshots.SaveAsync(page, Viewport.Desktop);

        await page.AssertNoAxeViolationsAsync("/capacidad con una ficha abierta", Viewport.Desktop); // the open card too
    }

    [Fact]
    public async Task On_a_phone_a_tap_selects_an_association_and_the_page_fits_the_screen()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Phone);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/capacidad");

        await page.Locator("[data-testid=mapa-marcador][aria-label*='Mujeres Lecheras Unidas']").TapAsync();

        var ficha = page.GetByTestId("productor-ficha");
        await Expect(ficha.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync("Mujeres Lecheras Unidas (demo)");
        await Expect(ficha).ToContainTextAsync("36.000 L/mes");
        await Expect(ficha.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToBeInViewportAsync(); // below the map on a phone: brought into view
        await page.AssertFitsWidthAsync();
        await page.AssertNoAxeViolationsAsync("/capacidad con una ficha abierta", Viewport.Phone);
        await Screenshots.SaveAsync(page, Viewport.Phone);
    }

    [Fact]
    public async Task The_supply_demand_table_links_each_family_to_the_banco_with_its_filter_applied()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/capacidad");
        var fila = page.GetByTestId("balance-familias").Locator("tr[data-familia='5013']");
        await Expect(fila).ToContainTextAsync("Productos lácteos y huevos");
        await Expect(fila).ToContainTextAsync("Huevo (AA-AAA):"); // a coverage against the declared demand, in the same unit

        await fila.GetByRole(AriaRole.Button, new() { Name = "Detalle y proveedores" }).ClickAsync();
        var detalle = page.GetByTestId("familia-detalle");
        await Expect(detalle.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync("Productos lácteos y huevos (5013)");
        await Expect(detalle.Locator(".mes-strip li")).ToHaveCountAsync(12);
        await Expect(detalle.Locator("ul.ganadores a[href^='/proveedores/']").First).ToBeVisibleAsync(); // who won, in the Monitor
        await Expect(page).ToHaveURLAsync(new Regex("familia=5013"));
        await Screenshots.SaveAsync(page, Viewport.Desktop);

        await fila.GetByTestId("enlace-banco").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/licitaciones\\?familia=5013$"));
        await Expect(page.GetByLabel("Producto o servicio")).ToHaveValueAsync("5013");
        await Expect(page.GetByTestId("banco-lista")).ToBeVisibleAsync();
    }
}
