using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenLicitaciones.Features.Indicadores;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class IndicadoresTests(AppServer server, BrowserFixture browser)
{
    private static ILocator Valor(IPage page, string codigo) =>
        page.Locator($"[data-testid=tarjeta-indicador][data-codigo={codigo}] [data-testid=tarjeta-valor]");

    private async Task<string> ValorApiAsync(string codigo, int anio)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        var item = JsonNode.Parse(await http.GetStringAsync($"/api/v1/indicadores?indicador={codigo}&desde={anio}&hasta={anio}"))!["items"]![0]!;
        return FormatoIndicador.Valor((double?)item["valor"], CatalogoIndicadores.De(codigo)!.Tipo);
    }

    [Fact]
    public async Task Staff_switch_the_year_and_open_a_cards_detail_with_the_same_value()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/indicadores");
        await Expect(page.GetByTestId("tarjeta-indicador")).ToHaveCountAsync(14);
        await Screenshots.SaveAsync(page, Viewport.Desktop);

        await page.ChooseAsync("Año", "2024");

        await Expect(page).ToHaveURLAsync(new Regex("anio=2024"));
        await Expect(Valor(page, "g1")).ToHaveTextAsync(await ValorApiAsync("g1", 2024));
        var valor = await Valor(page, "g1").InnerTextAsync();
        await page.Locator("[data-codigo=g1]").GetByRole(AriaRole.Link, new() { Name = "Ver detalle de Valor adjudicado a empresas lideradas por mujeres" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/indicadores/g1\\?anio=2024$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Valor adjudicado a empresas lideradas por mujeres");
        await Expect(page.GetByTestId("detalle-valor")).ToHaveTextAsync(new Regex("^" + Regex.Escape(valor)));
        await Expect(page.GetByTestId("detalle-filas").Locator("tbody tr").First).ToContainTextAsync("En el numerador");
        await page.AssertNoAxeViolationsAsync("/indicadores/g1?anio=2024", Viewport.Desktop);
        await Screenshots.SavePageAsync(page, "indicador-detalle", Viewport.Desktop);
    }

    [Fact]
    public async Task The_csv_download_holds_the_numbers_on_the_cards()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/indicadores?anio=2025");
        await Expect(page.GetByTestId("tarjeta-indicador")).ToHaveCountAsync(14);
        var enPantalla = new Dictionary<string, string>();
        foreach (var tarjeta in await page.GetByTestId("tarjeta-indicador").AllAsync())
            enPantalla[(await tarjeta.GetAttributeAsync("data-codigo"))!] = await tarjeta.GetByTestId("tarjeta-valor").InnerTextAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("descarga-csv").ClickAsync());
        using var reader = new StreamReader(await download.PathAsync());
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        var filas = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>()
            .Where(r => (string)r["periodo"] == "2025").ToDictionary(r => (string)r["indicador"]);

        Assert.Equal(enPantalla.Keys.Order(), filas.Keys.Order());
        foreach (var (codigo, texto) in enPantalla)
        {
            var valor = (string)filas[codigo]["valor"];
            var numero = valor.Length == 0 ? (double?)null : double.Parse(valor, CultureInfo.InvariantCulture);
            Assert.Equal(texto, FormatoIndicador.Valor(numero, CatalogoIndicadores.De(codigo)!.Tipo));
        }
    }

    [Fact]
    public async Task The_detail_export_lists_the_rows_of_the_screen_in_the_same_order()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/indicadores/g2?anio=2025");
        await Expect(page.GetByTestId("detalle-filas")).ToBeVisibleAsync();
        var enPantalla = await page.GetByTestId("detalle-id").AllTextContentsAsync();
        Assert.InRange(enPantalla.Count, 1, 25);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("detalle-csv").ClickAsync());
        using var reader = new StreamReader(await download.PathAsync());
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        var exportadas = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(enPantalla, exportadas.Take(enPantalla.Count).Select(r => (string)r["id"]));
        var numerador = exportadas.Count(r => (string)r["cuenta"] == "numerador");
        await Expect(page.GetByTestId("detalle-cifras")).ToContainTextAsync(numerador.ToString("#,0", CultureInfo.GetCultureInfo("es-CO")));
    }

    [Fact]
    public async Task On_a_phone_the_board_and_a_detail_fit_the_screen_without_accessibility_violations()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Phone);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/indicadores");
        await Expect(page.GetByTestId("tarjeta-indicador")).ToHaveCountAsync(14);
        await page.AssertFitsWidthAsync();
        await page.AssertNoAxeViolationsAsync("/indicadores", Viewport.Phone);
        await Screenshots.SaveAsync(page, Viewport.Phone);

        await page.GotoInteractiveAsync("/indicadores/g8?anio=2025");
        await Expect(page.GetByTestId("detalle-filas")).ToBeVisibleAsync();
        await page.AssertFitsWidthAsync();
        await page.AssertNoAxeViolationsAsync("/indicadores/g8?anio=2025", Viewport.Phone);
        await Screenshots.SavePageAsync(page, "indicador-detalle", Viewport.Phone);
    }

    [Fact]
    public async Task A_cards_methodology_link_lands_on_its_section()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/indicadores");

        await page.Locator("[data-codigo=g6]").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Cómo se calcula") }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/indicadores/metodologia#g6$"));
        await Expect(page.Locator("#g6")).ToBeInViewportAsync();
    }
}
