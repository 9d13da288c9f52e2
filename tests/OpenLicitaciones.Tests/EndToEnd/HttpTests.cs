using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class HttpTests(AppServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_filter_link_just_under_16_kb_stays_interactive_and_one_over_16_kb_gets_a_spanish_414()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        var under = "/licitaciones?unidad=x&q=" + new string('a', 15 * 1024);

        var response = await page.GotoInteractiveAsync(under);

        Assert.Equal(200, response!.Status);
        await Expect(page.GetByTestId("banco-avisos")).ToContainTextAsync("q: el texto es muy largo");
        // A filter change runs in the circuit: it must still be alive after starting from the long address.
        await page.GetByLabel("Alimentos (PAE)").CheckAsync();
        await Expect(page).ToHaveURLAsync(new Regex("pae=true"));
        Assert.True(page.Url.Length < 1024, $"The filtered address should be the short canonical one: {page.Url.Length} characters.");
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
        Assert.True(errors.Count == 0, "The browser console reported errors:\n" + string.Join("\n", errors));

        var over = await page.GotoAsync("/licitaciones?q=" + new string('a', 17 * 1024));

        Assert.Equal(414, over!.Status);
        await Expect(page.Locator("body")).ToContainTextAsync("La dirección es demasiado larga");
    }

    [Fact]
    public async Task Pages_send_a_content_security_policy_that_blazor_and_mudblazor_work_under_without_violations()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error" || m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) problems.Add($"{page.Url}: {m.Text}");
        };
        page.PageError += (_, e) => problems.Add($"{page.Url}: {e}");

        foreach (var path in new[] { "/", "/licitaciones", "/proveedores", "/indicadores" })
        {
            var response = await page.GotoInteractiveAsync(path);
            var csp = await response!.HeaderValueAsync("content-security-policy") ?? "";
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("frame-ancestors 'self'", csp);
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Banco de Licitaciones", Exact = true }).First.ClickAsync();
        await page.GetByLabel("Alimentos (PAE)").CheckAsync();
        await Expect(page).ToHaveURLAsync(new Regex("pae=true"));
        await page.GetByLabel("Ordenar por").SelectOptionAsync(new SelectOptionValue { Label = "Valor (mayor primero)" });
        await Expect(page).ToHaveURLAsync(new Regex("orden=-valor"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Monitor de Transparencia", Exact = true }).First.ClickAsync();
        await page.ChooseAsync("Liderada por mujer", "Sí"); // a MudBlazor popover opens and closes under the policy
        await Expect(page).ToHaveURLAsync(new Regex("mujer=si"));
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();

        Assert.True(problems.Count == 0, "The browser reported errors or CSP violations:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Public_pages_travel_compressed_and_staff_pages_do_not()
    {
        using var client = RawClient();

        foreach (var path in new[] { "/", "/licitaciones", "/proveedores", "/api/v1/licitaciones?pageSize=5" })
        {
            using var response = await client.SendAsync(Get(path, "br, gzip"));
            Assert.True(response.Content.Headers.ContentEncoding.Contains("br"), $"{path} should arrive in Brotli, it came as «{string.Join(",", response.Content.Headers.ContentEncoding)}».");
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }
        using (var gzip = await client.SendAsync(Get("/licitaciones", "gzip")))
        {
            Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
            await using var unzipped = new GZipStream(await gzip.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
            Assert.Contains("Banco de Licitaciones Abiertas", await new StreamReader(unzipped).ReadToEndAsync());
        }
        // BREACH: the staff sign-in carries an antiforgery token next to what the visitor typed.
        using var ingreso = await client.SendAsync(Get("/cuenta/ingresar", "br, gzip"));
        Assert.Empty(ingreso.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", await ingreso.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_load_the_apps_trimmed_copy_of_mudblazor_compressed_and_their_scripts_deferred()
    {
        using var client = RawClient();
        var html = await client.GetStringAsync("/proveedores");

        Assert.DoesNotContain("_content/MudBlazor/", html);
        var estilos = HojaMudBlazor.Enlace(html);
        Assert.True(estilos is not null, "The page should link the fingerprinted mudblazor/mudblazor.{hash}.css.");
        var scripts = Regex.Matches(html, @"<script[^>]*>").Select(m => m.Value).ToList();
        Assert.Equal(4, scripts.Count);
        Assert.All(scripts, s => Assert.Contains(" defer", s));
        Assert.Contains("mudblazor/mudblazor.", scripts[1]);

        using var css = await client.SendAsync(Get("/" + estilos, "gzip"));
        Assert.Equal(["gzip"], css.Content.Headers.ContentEncoding);
        await using var unzipped = new GZipStream(await css.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var recortada = await new StreamReader(unzipped).ReadToEndAsync();
        var completa = await client.GetStringAsync("/_content/MudBlazor/MudBlazor.min.css");
        Assert.True(recortada.Length < completa.Length * 0.6, $"Trimmed {recortada.Length:N0} of {completa.Length:N0} characters: expected well under two thirds.");
        Assert.Contains(".mud-button-root", recortada);
        Assert.Contains(".mud-table-cell", recortada);
        Assert.DoesNotContain(".mud-fab", recortada);
        Assert.StartsWith("/*!", recortada.TrimStart('\uFEFF'));
    }

    private HttpClient RawClient() =>
        new(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    private static HttpRequestMessage Get(string path, string acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return request;
    }
}
