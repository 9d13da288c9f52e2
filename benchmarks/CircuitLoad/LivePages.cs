using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CircuitLoad;

/// <summary>
/// `CircuitLoad vivo --url <url>`: the browser side of `benchmark vivo`. Opens one page per module, notes in each page the
/// browser's clock (Date.now, the machine's clock, as the server's) whenever its status line marks a live change, and for
/// every "cambio" line on standard input answers with the moment each page showed it.
/// </summary>
public static class LivePages
{
    public static readonly string[] Paths = ["/", "/licitaciones", "/proveedores", "/capacidad", "/indicadores"];

    // The status line re-renders its page age (data-hace) when a change reaches the circuit, as the page's own data does.
    private const string Observe = """
        () => {
            window.__cambios = [];
            new MutationObserver(() => window.__cambios.push(Date.now()))
                .observe(document.querySelector('[data-testid=actualizado-hace]'), { attributes: true, attributeFilter: ['data-hace'] });
        }
        """;

    public static async Task<int> RunAsync(IBrowser browser, Uri baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, Locale = "es-CO", TimezoneId = "America/Bogota",
        });
        var pages = new List<IPage>();
        foreach (var path in Paths)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).ToBeFocusedAsync(); // the circuit is up
            await page.EvaluateAsync(Observe);
            pages.Add(page);
        }
        Protocol.Send(new { phase = "listo", paginas = Paths });

        for (var n = 1; await Console.In.ReadLineAsync() is "cambio"; n++)
        {
            var seen = new List<long?>();
            foreach (var page in pages)
            {
                try
                {
                    await page.WaitForFunctionAsync($"() => window.__cambios.length >= {n}", null, new() { Timeout = 15_000, PollingInterval = 20 });
                    seen.Add(await page.EvaluateAsync<long>($"() => window.__cambios[{n - 1}]"));
                }
                catch (TimeoutException)
                {
                    seen.Add(null);
                }
            }
            Protocol.Send(new { phase = "visto", tiempos = seen });
        }
        await context.CloseAsync();
        return 0;
    }
}
