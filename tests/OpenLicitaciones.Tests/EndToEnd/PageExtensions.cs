using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

public static class PageExtensions
{
    /// <summary>
    /// Opens a page and waits until the server circuit has taken over the prerendered markup. Blazor swaps the
    /// prerendered DOM when the circuit attaches, so measuring or clicking before that races with the swap.
    /// The router's FocusOnNavigate moves focus to the page's h1 only from inside the circuit: that is the signal.
    /// </summary>
    public static async Task<IResponse?> GotoInteractiveAsync(this IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        await Expect(page.Locator("h1")).ToBeFocusedAsync();
        return response;
    }

    /// <summary>Fails when the page is wider than its viewport (content that scrolls sideways on a phone).</summary>
    public static async Task AssertFitsWidthAsync(this IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] <= widths[1]) return;
        // Name the widest elements so the failure says what to fix.
        var culprits = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
                // What overflows inside a region that scrolls by itself does not widen the page.
                .filter(e => { for (let a = e.parentElement; a; a = a.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return false; return true; })
                .slice(0, 6).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`)
            """);
        Assert.Fail($"The page scrolls sideways: content {widths[0]} px wide in a {widths[1]} px screen: {string.Join(", ", culprits)}");
    }

    /// <summary>Picks an option of a MudBlazor select, found by its visible label, as a visitor does: open it, click the option.</summary>
    public static async Task ChooseAsync(this IPage page, string label, string option)
    {
        var select = page.Locator(".mud-select").Filter(new() { Has = page.Locator("label", new() { HasTextRegex = new($"^{System.Text.RegularExpressions.Regex.Escape(label)}$") }) });
        await select.Locator(".mud-input-control").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(option, new() { Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Retries a check until it holds or five seconds pass: after a filter or sort, the URL changes before the
    /// circuit re-renders the list, so what is read right after may still be the previous list.
    /// </summary>
    public static async Task EventuallyAsync(Func<Task<bool>> check, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!await check())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail(failure);
            await Task.Delay(100);
        }
    }

    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>axe-core's WCAG 2.1 A and AA rules find nothing on the page as it is now (and really ran).</summary>
    public static async Task AssertNoAxeViolationsAsync(this IPage page, string path, Viewport viewport)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });

        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0, Describe(path, viewport, result.Violations));
    }

    private static string Describe(string path, Viewport viewport, AxeResultItem[] violations) =>
        $"{path} on {viewport.Name} ({viewport.Width}x{viewport.Height}) has {violations.Length} WCAG 2.1 A/AA violation(s):\n" +
        string.Join("\n", violations.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} [{v.HelpUrl}]\n" +
            string.Join("\n", v.Nodes.Take(5).Select(n => $"    {string.Join(" ", n.Target)}: {n.Html}")) +
            (v.Nodes.Length > 5 ? $"\n    … and {v.Nodes.Length - 5} more" : "")));

}
