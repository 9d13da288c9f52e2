using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class BancoTests(AppServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Filtering_to_food_in_a_month_window_narrows_the_count_and_keeps_the_filters_in_the_url()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/licitaciones");
        var all = await Total(page);

        await page.GetByLabel("Alimentos (PAE)").CheckAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"pae=true"));
        await Expect(page.GetByTestId("banco-total")).Not.ToHaveTextAsync(all.ToString("#,0", CultureInfo.GetCultureInfo("es-CO")));
        var food = await Total(page);
        Assert.InRange(food, 1, all - 1);
        // Food families come from UNSPSC segment 50 (Spanish names), or the PAE services families 8515 and 9010.
        string[] foodFamilies = ["Vegetales frescos", "Fruta fresca", "Productos lácteos y huevos", "Pescados y mariscos", "Bebidas",
            "Productos de cereales y legumbres", "Servicios alimenticios y de nutrición", "Restaurantes y catering (servicios de comidas y bebidas)"];
        foreach (var family in await page.GetByTestId("oportunidad-familia").AllInnerTextsAsync())
            Assert.Contains(family, foodFamilies);

        var year = DateTime.Now.Year;
        using var api = server.CreateClient();
        var expected = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/licitaciones?pae=true&mesDesde={year}-01&mesHasta={year}-06&pageSize=1"))
            .GetProperty("total").GetInt32();
        Assert.InRange(expected, 1, food - 1); // the demo data has food both inside and outside the window

        await page.GetByText("Más filtros").ClickAsync();
        await page.GetByLabel("Desde el mes").FillAsync($"{year}-01");
        await page.GetByLabel("Hasta el mes").FillAsync($"{year}-06");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($@"mesDesde={year}-01.*mesHasta={year}-06"));
        // The URL changes before the list re-renders, so wait for the count the API gives for the same filters.
        await Expect(page.GetByTestId("banco-total")).ToHaveTextAsync(expected.ToString("#,0", CultureInfo.GetCultureInfo("es-CO")));
        await Screenshots.SaveAsync(page, Viewport.Desktop);
    }

    [Fact]
    public async Task An_opportunity_detail_shows_its_timeline_a_qr_code_for_its_public_address_and_the_secop_link()
    {
        foreach (var viewport in new[] { Viewport.Desktop, Viewport.Phone })
        {
            await using var context = await browser.NewContextAsync(server.BaseUrl, viewport);
            var page = await context.NewPageAsync();
            await page.GotoInteractiveAsync("/licitaciones?estado=contratado&orden=-valor");
            var first = page.GetByTestId("oportunidad").First.Locator(".opportunity-title");
            var title = await first.InnerTextAsync();
            var href = await first.GetAttributeAsync("href");

            await first.ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            await Expect(page.GetByTestId("detalle-estado")).ToHaveTextAsync("Contratado");
            await Expect(page.GetByTestId("detalle-linea-tiempo").Locator(".done")).Not.ToHaveCountAsync(0);
            await Expect(page.GetByTestId("detalle-proveedor")).Not.ToBeEmptyAsync();
            var qr = page.GetByTestId("detalle-qr");
            await Expect(qr.Locator("svg")).ToBeVisibleAsync();
            await Expect(qr).ToContainTextAsync(AppServer.PublicBaseUrl + href);
            var secop = await page.GetByTestId("detalle-secop").GetAttributeAsync("href");
            Assert.StartsWith("https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID=CO1.NTC.", secop);
            await Screenshots.SaveAsync(page, viewport);
        }
    }

    [Fact]
    public async Task The_csv_export_holds_exactly_the_rows_on_screen_in_the_same_order()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/licitaciones?pae=true&orden=-valor");
        var onScreen = await page.GetByTestId("oportunidad").Locator(".opportunity-title").AllInnerTextsAsync();
        Assert.InRange(onScreen.Count, 1, 25); // one page: the whole filtered set is visible

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("exportar-csv").ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var reader = new StringReader(Encoding.UTF8.GetString(bytes[3..]));
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        var exported = csv.GetRecords<dynamic>().Select(r => (string)((IDictionary<string, object>)r)["descripcion"]).ToList();
        Assert.Equal(onScreen, exported);
    }

    [Fact]
    public async Task A_shared_link_opens_the_same_view_in_a_new_browser()
    {
        await using var first = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await first.NewPageAsync();
        await page.GotoInteractiveAsync("/licitaciones");
        await page.GetByLabel("Ordenar por").SelectOptionAsync(new SelectOptionValue { Label = "Valor (mayor primero)" });
        await page.GetByLabel("Buscar").FillAsync("compra");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aplicar filtros" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"q=compra.*orden=-valor"));
        var sharedUrl = page.Url;

        await using var second = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var other = await second.NewPageAsync();
        await other.GotoInteractiveAsync(sharedUrl);

        // The new browser renders straight from the URL; the first one must end up showing the same list.
        var titles = await other.GetByTestId("oportunidad").Locator(".opportunity-title").AllInnerTextsAsync();
        Assert.NotEmpty(titles);
        await Expect(page.GetByTestId("banco-total")).ToHaveTextAsync(await other.GetByTestId("banco-total").InnerTextAsync());
        await Expect(page.GetByTestId("oportunidad").Locator(".opportunity-title")).ToHaveTextAsync(titles.ToArray());
        await Expect(other.GetByLabel("Buscar")).ToHaveValueAsync("compra");
    }

    [Fact]
    public async Task On_a_phone_the_first_results_start_on_the_first_screen_behind_folded_filters_of_48px_targets()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Phone);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/licitaciones?pae=true");

        await page.AssertFitsWidthAsync();
        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Buscar" })).Not.ToBeVisibleAsync(); // the filters start folded…
        var first = await page.GetByTestId("oportunidad").First.BoundingBoxAsync() ?? throw new InvalidOperationException("No first result.");
        Assert.True(first.Y < Viewport.Phone.Height, $"The first result starts at {first.Y} px, below the first screen.");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Filtros (1 en uso)" }); // …behind one button that counts them
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Buscar" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Desde el mes")).Not.ToBeVisibleAsync(); // secondary filters stay folded on a short screen
        await page.GetByText("Más filtros").ClickAsync();
        await Expect(page.GetByLabel("Desde el mes")).ToBeVisibleAsync();
        foreach (var control in await page.Locator("form.filters .mud-input-control, form.filters label.mud-checkbox, form.filters button:visible").AllAsync())
        {
            var box = await control.BoundingBoxAsync();
            Assert.True(box is { Height: >= 47.5f }, $"A filter control is {box?.Height} px tall");
        }
        await page.AssertFitsWidthAsync();
        await Screenshots.SaveAsync(page, Viewport.Phone);
    }

    [Fact]
    public async Task Bad_filters_in_the_url_are_ignored_with_a_visible_note_and_never_run_as_markup()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        var longText = new string('x', 10_000);

        var response = await page.GotoInteractiveAsync(
            $"/licitaciones?modalidad=trueque&mesDesde=2026-13&valorMin=-5&estado=<b>x</b>&q=<script>alert(1)</script>{longText}");

        Assert.Equal(200, response!.Status);
        var note = page.GetByTestId("banco-avisos");
        await Expect(note).ToContainTextAsync("modalidad: 'trueque' no es una modalidad conocida; se ignora");
        await Expect(note).ToContainTextAsync("mesDesde: '2026-13' no es un mes AAAA-MM");
        await Expect(note).ToContainTextAsync("valorMin: '-5' no es un valor en pesos");
        await Expect(note).ToContainTextAsync("estado: '<b>x</b>' no es un estado");
        await Expect(note).ToContainTextAsync("q: el texto es muy largo");
        Assert.Equal(0, await note.Locator("b").CountAsync());
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        Assert.Equal(0, dialogs);
        await Expect(page.GetByTestId("banco-vacio")).ToBeVisibleAsync(); // the clipped search text matches nothing
    }

    [Fact]
    public async Task Lines_first_seen_after_the_previous_visit_of_this_browser_are_marked_new()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        var badges = page.GetByTestId("oportunidad").Locator(".badge-new");
        var all = "/licitaciones?orden=-valor&page=1";

        await page.GotoInteractiveAsync(all); // first visit: only lines that are new in this version of the plan
        var byVersion = await badges.CountAsync();
        await page.EvaluateAsync("() => localStorage.setItem('ol-banco-ultima-visita', '2000-01-01T00:00:00Z')");
        await page.GotoInteractiveAsync(all);
        // The badges come after the circuit's first render reads localStorage: allow a loaded machine its time.
        await Expect(badges).ToHaveCountAsync(await page.GetByTestId("oportunidad").CountAsync(), new() { Timeout = 15_000 }); // everything appeared since 2000
        await page.GotoInteractiveAsync(all); // the visit just made is the new reference

        await Expect(badges).ToHaveCountAsync(byVersion);
    }

    private static async Task<int> Total(IPage page) =>
        int.Parse(await page.GetByTestId("banco-total").InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("es-CO"));
}
