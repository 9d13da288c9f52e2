using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CircuitLoad;

/// <summary>
/// Pages that load /licitaciones, wait until their circuit is up, and then do nothing. They share browser contexts
/// (<see cref="LoadOptions.PagesPerContext"/> each) in the one browser, which keeps the browser's memory per page down.
/// </summary>
public static class IdlePages
{
    // Page loads at once: each costs the server a prerender and a circuit start, and the two cores are shared.
    private const int Parallel = 4;

    public sealed record Result(int Held, int Failed, bool StoppedByBudget, int Contexts);

    public static async Task<Result> OpenAsync(IBrowser browser, LoadOptions options)
    {
        var contexts = new List<IBrowserContext>();
        for (var i = 0; i < options.Idle; i += options.PagesPerContext)
            contexts.Add(await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = options.BaseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
                Locale = "es-CO", TimezoneId = "America/Bogota",
            }));
        var startMb = Memory.AvailableMb();
        int held = 0, failed = 0, started = 0;
        var stop = false;
        using var gate = new SemaphoreSlim(Parallel);
        var pages = Enumerable.Range(0, options.Idle).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                if (Volatile.Read(ref stop)) return;
                // Stop adding pages once the run has taken its memory budget from the machine: that is "as many as it holds".
                if (startMb is { } before && Memory.AvailableMb() is { } now && before - now > options.BudgetMb)
                {
                    Volatile.Write(ref stop, true);
                    Protocol.Progress($"inactivas: el presupuesto de {options.BudgetMb} MB se agotó con {Volatile.Read(ref held)} páginas abiertas; no abro más");
                    return;
                }
                Interlocked.Increment(ref started);
                if (await OpenOneAsync(contexts[i / options.PagesPerContext]))
                {
                    var n = Interlocked.Increment(ref held);
                    if (n % 25 == 0 || n == options.Idle)
                        Protocol.Progress($"inactivas: {n}/{options.Idle} abiertas; memoria disponible {Memory.AvailableMb()?.ToString() ?? "?"} MB");
                }
                else Interlocked.Increment(ref failed);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(pages);
        return new Result(held, failed, stop, contexts.Count);
    }

    private static async Task<bool> OpenOneAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync("licitaciones", new PageGotoOptions { Timeout = 120_000 });
            // The router moves focus to the h1 only from inside the circuit: the circuit is up.
            await Expect(page.Locator("h1")).ToBeFocusedAsync(new LocatorAssertionsToBeFocusedOptions { Timeout = 120_000 });
            return true;
        }
        catch (PlaywrightException e)
        {
            Protocol.Progress($"inactivas: una página no llegó a tener circuito: {Visitors.FirstLine(e.Message)}");
            await page.CloseAsync();
            return false;
        }
    }
}
