using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OpenLicitaciones.Build;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>
/// Every page of the app, on desktop and phone: axe-core's WCAG 2.1 A and AA rules find nothing, the app's trimmed copy
/// of MudBlazor's stylesheet keeps every rule whose classes the page's elements carry, and a full-page screenshot lands
/// in artifacts/screenshots/pages/ so people can compare the look before and after a change.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PageGalleryTests(AppServer server, BrowserFixture browser)
{
    // Placeholders in a path that the demo data fill in (see IdAsync).
    private const string Oportunidad = "{oportunidad}";
    private const string Proveedor = "{proveedor}";

    /// <summary>Screenshot name, address, the HTTP status it answers. One row per page; every @page route appears.</summary>
    private static readonly (string Name, string Path, int Status)[] Pages =
    [
        ("inicio", "/", 200),
        ("licitaciones", "/licitaciones", 200),
        ("licitaciones-filtros", "/licitaciones?pae=true&estado=contratado", 200),
        ("licitaciones-filtro-invalido", "/licitaciones?modalidad=trueque", 200),
        ("oportunidad", "/licitaciones/" + Oportunidad, 200),
        ("oportunidad-no-encontrada", "/licitaciones/no-existe-123", 404),
        ("proveedores", "/proveedores", 200),
        ("proveedores-filtros", "/proveedores?mujer=si&local=true&orden=-valorContratado", 200),
        ("proveedor", "/proveedores/" + Proveedor, 200),
        ("proveedor-no-encontrado", "/proveedores/no-existe-123", 404),
        ("capacidad", "/capacidad", 200),
        ("indicadores", "/indicadores", 200),
        ("indicadores-trimestre", "/indicadores?anio=2025&trimestre=3&ver=g6", 200),
        ("indicador", "/indicadores/g10", 200),
        ("indicador-no-encontrado", "/indicadores/g42", 404),
        ("indicadores-metodologia", "/indicadores/metodologia", 200),
        ("indicadores-comparar", "/indicadores/comparar?a=2024&b=2025", 200),
        ("indicadores-imprimir", "/indicadores/imprimir?anio=2025", 200),
        ("kiosco", "/kiosco", 200), // made for the Feria's touch screens (KioscoTests); still readable and accessible anywhere
        ("pagina-no-encontrada", "/pagina-que-no-existe", 404),
        ("no-encontrado", "/no-encontrado", 200),
        ("error", "/error", 200),
    ];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var page in Pages)
        {
            cases.Add(page.Name, Viewport.Desktop.Name);
            cases.Add(page.Name, Viewport.Phone.Name);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Page_has_no_WCAG_21_A_or_AA_violations_and_is_photographed(string name, string viewportName)
    {
        var (_, template, status) = Pages.Single(p => p.Name == name);
        var viewport = viewportName == Viewport.Phone.Name ? Viewport.Phone : Viewport.Desktop;
        var path = await ResolveAsync(template);
        await using var context = await browser.NewContextAsync(server.BaseUrl, viewport);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(path);
        Assert.True(response?.Status == status, $"{path} answered {response?.Status}, expected {status}.");
        await WaitUntilSettledAsync(page, routed: name != "pagina-no-encontrada");
        await Screenshots.SavePageAsync(page, name, viewport);

        await page.AssertNoAxeViolationsAsync(path, viewport);
        var clases = (await page.EvaluateAsync<string[]>("() => [...new Set([...document.querySelectorAll('[class]')].flatMap(e => [...e.classList]))]")).ToHashSet();
        var sinRegla = (await SelectoresQuitadosAsync()).Where(s => s.Clases.All(clases.Contains)).Select(s => s.Selector).ToList();
        Assert.True(sinRegla.Count == 0,
            $"{path}: the trimmed MudBlazor stylesheet lost rules this page's classes match: {string.Join(" | ", sinRegla.Take(20))} (see build/RecorteMudBlazor.cs).");
    }

    private static Task<List<(string Selector, IReadOnlyList<string> Clases)>>? _selectoresQuitados;

    /// <summary>Selectors of MudBlazor's whole stylesheet, with classes, that the app's trimmed copy left out.</summary>
    private Task<List<(string Selector, IReadOnlyList<string> Clases)>> SelectoresQuitadosAsync() => _selectoresQuitados ??= CalcularAsync();

    private async Task<List<(string Selector, IReadOnlyList<string> Clases)>> CalcularAsync()
    {
        using var client = server.CreateClient();
        var html = await client.GetStringAsync("/");
        var enlace = HojaMudBlazor.Enlace(html);
        Assert.True(enlace is not null, "Pages should link the trimmed mudblazor/mudblazor.{hash}.css.");
        var recortada = RecorteCss.Selectores(await client.GetStringAsync("/" + enlace)).Select(s => s.Selector).ToHashSet();
        return RecorteCss.Selectores(await client.GetStringAsync("/_content/MudBlazor/MudBlazor.min.css"))
            .Where(s => s.Clases.Count > 0 && !recortada.Contains(s.Selector)).ToList();
    }

    /// <summary>
    /// Waits for the server circuit to take over the prerendered markup (the router then focuses the h1), so axe and the
    /// screenshot see the interactive page. An unknown address has no route, hence no focus: its h1 and a quiet network do.
    /// </summary>
    private static async Task WaitUntilSettledAsync(IPage page, bool routed)
    {
        if (routed)
            await Expect(page.Locator("h1")).ToBeFocusedAsync();
        else
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Fills a detail page's id from the public API: the costliest contracted opportunity, the supplier paid most.</summary>
    private async Task<string> ResolveAsync(string template)
    {
        if (template.Contains(Oportunidad))
            return template.Replace(Oportunidad, await IdAsync("/api/v1/licitaciones?estado=contratado&orden=-valor&pageSize=1"));
        if (template.Contains(Proveedor))
            return template.Replace(Proveedor, await IdAsync("/api/v1/monitor/proveedores?orden=-valorContratado&pageSize=1"));
        return template;
    }

    private async Task<string> IdAsync(string apiPath)
    {
        using var client = server.CreateClient();
        var list = await client.GetFromJsonAsync<JsonElement>(apiPath);
        var items = list.GetProperty("items");
        Assert.True(items.GetArrayLength() > 0, $"{apiPath} returned no rows: the demo data should have some.");
        return Uri.EscapeDataString(items[0].GetProperty("id").GetString()!);
    }

}
