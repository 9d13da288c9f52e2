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
}
