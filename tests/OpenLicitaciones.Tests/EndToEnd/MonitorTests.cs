using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class MonitorTests(AppServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Finding_a_supplier_by_name_opens_its_profile_with_the_yearly_chart()
    {
        foreach (var viewport in new[] { Viewport.Desktop, Viewport.Phone })
        {
            await using var context = await browser.NewContextAsync(server.BaseUrl, viewport);
            var page = await context.NewPageAsync();
            await page.GotoInteractiveAsync("/proveedores?orden=-valorContratado"); // the first one has contracts
            var firstLink = page.Locator("tr.monitor-fila").First.Locator("th a");
            var name = await firstLink.InnerTextAsync();
            var href = await firstLink.GetAttributeAsync("href"); // names can repeat (two consortia); the id does not
            var words = name.Split(' ');
            var search = string.Join(' ', words.Take(2)).ToLowerInvariant(); // lower case and partial: still found

            if (viewport == Viewport.Phone) await page.GetByRole(AriaRole.Button, new() { Name = "Filtros" }).ClickAsync(); // folded on phones
            await page.GetByLabel("Buscar por nombre o NIT").FillAsync(search);
            await page.GetByRole(AriaRole.Button, new() { Name = "Aplicar filtros" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("q="));
            var link = page.Locator("tr.monitor-fila").Locator($"th a[href='{href}']");
            await Expect(link).ToBeVisibleAsync();
            if (viewport == Viewport.Desktop) await Screenshots.SaveAsync(page, viewport, "Monitor_list");
            await link.ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
            await Expect(page.GetByTestId("perfil-grafico").Locator("svg").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("perfil-cifras")).ToContainTextAsync("Participaciones");
            await Expect(page.GetByTestId("perfil-mujer")).ToContainTextAsync(new Regex("^(Sí|No|Sin dato)"));
            await Expect(page.GetByTestId("perfil-familias")).Not.ToHaveTextAsync("Sin dato"); // it won contracts: their UNSPSC families in Spanish
            var contractLink = page.GetByTestId("perfil-contratos").Locator("tbody th a").First;
            Assert.StartsWith("https://community.secop.gov.co/", await contractLink.GetAttributeAsync("href"));
            await page.AssertFitsWidthAsync();
            await Screenshots.SaveAsync(page, viewport);
        }
    }

    [Fact]
    public async Task Filtering_women_led_si_narrows_the_table_to_suppliers_whose_latest_contract_says_mujer()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/proveedores");
        var all = await Total(page);

        await page.ChooseAsync("Liderada por mujer", "Sí");

        await Expect(page).ToHaveURLAsync(new Regex("mujer=si"));
        await Expect(page.GetByTestId("monitor-total")).Not.ToHaveTextAsync(all.ToString("#,0", CultureInfo.GetCultureInfo("es-CO")));
        var women = await Total(page);
        Assert.InRange(women, 1, all - 1);
        Assert.Equal(women.ToString("#,0", CultureInfo.GetCultureInfo("es-CO")), await page.GetByTestId("monitor-mujeres").InnerTextAsync());
        foreach (var cell in await page.Locator("tr.monitor-fila").Locator("td:last-child").AllInnerTextsAsync())
            Assert.Equal("Sí", cell);
    }

    [Fact]
    public async Task An_unknown_supplier_gets_a_clear_not_found_page_with_a_way_back()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/proveedores/no-existe-123");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("No encontramos este proveedor");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Volver al Monitor de Transparencia" })).ToHaveAttributeAsync("href", "/proveedores");
    }

    [Fact]
    public async Task Bad_filters_in_the_url_are_ignored_with_a_visible_note()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/proveedores?mujer=<i>quizas</i>&desde=1800&orden=edad");

        var note = page.GetByTestId("monitor-avisos");
        await Expect(note).ToContainTextAsync("mujer: '<i>quizas</i>' no es si, no ni sin-dato; se ignora");
        await Expect(note).ToContainTextAsync("desde: '1800' no es un año entre 2000 y 2100");
        await Expect(note).ToContainTextAsync("orden: 'edad' no es un campo ordenable");
        Assert.Equal(0, await note.Locator("i").CountAsync());
        Assert.True(await Total(page) > 0);
    }

    [Fact]
    public async Task The_integrity_panel_shows_each_red_flag_with_its_coverage_and_the_reminder()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/proveedores");

        await Expect(page.GetByText("Una alerta es un motivo para revisar, no una prueba.")).ToBeVisibleAsync();
        var cards = page.GetByTestId("alerta");
        await Expect(cards).ToHaveCountAsync(6);
        var single = page.Locator("[data-testid=alerta][data-codigo=R018]");
        await Expect(single.GetByTestId("alerta-cobertura")).ToContainTextAsync(new Regex(@"Calculada para [1-9][\d.]* procesos; sin dato \(N/A\): \d+"));
        await Expect(single.Locator(".alert-value")).ToHaveTextAsync(new Regex(@"^\d+,\d %$"));
        await Expect(page.Locator("[data-testid=alerta][data-codigo=R048] .alert-value")).ToHaveTextAsync(new Regex("^(N/A|\\d+,\\d %)$"));
        await Screenshots.SaveAsync(page, Viewport.Desktop);
    }

    [Fact]
    public async Task Clicking_a_column_header_sorts_through_the_url_and_says_the_order_to_screen_readers()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/proveedores");
        var header = page.Locator("th", new() { Has = page.GetByText("Valor contratado", new() { Exact = true }) });
        await Expect(header).ToHaveAttributeAsync("aria-sort", "none");

        await header.GetByText("Valor contratado", new() { Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/proveedores\?orden=valorContratado$"));
        await Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        await header.GetByText("Valor contratado", new() { Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/proveedores\?orden=-valorContratado$"));
        await Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        await PageExtensions.EventuallyAsync(async () =>
        {
            var values = await page.Locator("tr.monitor-fila td:nth-of-type(5)").AllInnerTextsAsync();
            var pesos = values.Select(v => long.Parse(v.Replace("$", "").Trim(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("es-CO"))).ToList();
            return pesos.Count > 1 && pesos.SequenceEqual(pesos.OrderDescending());
        }, "the rows are not in descending order of contracted value");
        await Screenshots.SaveAsync(page, Viewport.Desktop);
    }

    [Fact]
    public async Task The_csv_export_holds_exactly_the_suppliers_on_screen_in_the_same_order()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/proveedores?mujer=si&local=true&orden=-valorContratado");
        var onScreen = await page.Locator("tr.monitor-fila").Locator("th a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var total = await Total(page);
        Assert.InRange(onScreen.Length, 1, 50);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("monitor-csv").ClickAsync());
        using var reader = new StreamReader(await download.PathAsync());
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        var exported = csv.GetRecords<dynamic>().Select(r => "/proveedores/" + Uri.EscapeDataString((string)((IDictionary<string, object>)r)["id"])).ToList();

        Assert.Equal(total, exported.Count); // every filtered row, not only the page on screen…
        Assert.Equal(onScreen, exported.Take(onScreen.Length)); // …in the same order as the screen
    }

    private static async Task<int> Total(IPage page) =>
        int.Parse(await page.GetByTestId("monitor-total").InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("es-CO"));
}
