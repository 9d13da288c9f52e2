using Deque.AxeCore.Playwright;

namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>axe-core (WCAG 2.x A and AA rules) over the public pages, on desktop and phone.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class AccessibilityTests(AppServer server, BrowserFixture browser)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/licitaciones")]
    [InlineData("/licitaciones?pae=true&estado=contratado")]
    [InlineData("/licitaciones?modalidad=trueque")]
    [InlineData("/proveedores")]
    [InlineData("/pagina-que-no-existe")]
    public async Task Public_pages_have_no_accessibility_violations(string path)
    {
        foreach (var viewport in new[] { Viewport.Desktop, Viewport.Phone })
        {
            await using var context = await browser.NewContextAsync(server.BaseUrl, viewport);
            var page = await context.NewPageAsync();
            if (path == "/pagina-que-no-existe")
                await page.GotoAsync(path); // the not-found page has no route to focus its heading on
            else
                await page.GotoInteractiveAsync(path);

            var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
            {
                RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions
                {
                    Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
                },
            });

            Assert.NotEmpty(result.Passes); // axe really ran its rules on this page
            var problems = result.Violations.Select(v =>
                $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}").ToList();
            Assert.True(problems.Count == 0, $"{path} on {viewport.Name}:\n" + string.Join("\n", problems));
        }
    }

    [Fact]
    public async Task A_supplier_profile_has_no_accessibility_violations()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/proveedores?orden=-valorContratado");
        await page.GetByTestId("monitor-fila").First.Locator("th a").ClickAsync();
        await page.GetByTestId("perfil-grafico").WaitForAsync();

        var result = await page.RunAxe();

        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}")));
    }

    [Fact]
    public async Task An_opportunity_detail_has_no_accessibility_violations()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/licitaciones?estado=contratado");
        await page.GetByTestId("oportunidad").First.Locator(".opportunity-title").ClickAsync();
        await page.GetByTestId("detalle-qr").WaitForAsync();

        var result = await page.RunAxe();

        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}")));
    }
}
