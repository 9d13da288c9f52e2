using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>A server restart under an open page: it says so in Spanish and comes back by itself, filters kept (a server of its own, since it restarts it).</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ReconnectTests(BrowserFixture browser, AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_page_open_through_a_server_restart_says_so_and_comes_back_by_itself_with_its_filters()
    {
        await using var context = await browser.NewContextAsync(app.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoInteractiveAsync("/licitaciones");
        var total = page.GetByTestId("banco-total");
        var all = await total.InnerTextAsync();
        await page.GetByLabel("Alimentos (PAE)").CheckAsync();
        await Expect(page).ToHaveURLAsync(new Regex("pae=true"));
        await Expect(total).Not.ToHaveTextAsync(all); // the URL changes before the list re-renders
        var food = await total.InnerTextAsync();
        await page.EvaluateAsync("() => window.__antesDelReinicio = true");

        var restart = app.RestartAsync(down: TimeSpan.FromSeconds(2));
        await Expect(page.Locator("#components-reconnect-modal")).ToContainTextAsync("Reconectando", new() { Timeout = 15_000 });
        await restart;

        // The old circuit is gone with the old process: the page reloads itself from its URL once the server answers.
        await Expect(page.Locator("h1")).ToBeFocusedAsync(new() { Timeout = 15_000 });
        Assert.False(await page.EvaluateAsync<bool>("() => window.__antesDelReinicio === true"), "the page did not reload");
        await Expect(page).ToHaveURLAsync(new Regex("pae=true"));
        await Expect(page.GetByLabel("Alimentos (PAE)")).ToBeCheckedAsync();
        await Expect(total).ToHaveTextAsync(food);
        await Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();

        // And it is interactive again: a filter works over the new circuit.
        await page.GetByLabel("Alimentos (PAE)").UncheckAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("pae=true"));
        await Expect(total).ToHaveTextAsync(all);
        Assert.Empty(errors);
    }
}
