using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CircuitLoad;

/// <summary>
/// `CircuitLoad kiosco --url <url> [--segundos 600] [--vertical]`: the browser side of `benchmark kiosco`, a day at the
/// Feria compressed. One touch-screen page on /kiosco with its carousel turning; a visitor now and then (a touch, a choice,
/// then nobody, until the kiosk clears itself). After the carousel's first full loop and at the end it reports the page's
/// JS heap (after a collection), DOM nodes and listeners, and every console error, and waits for the server to measure itself.
/// </summary>
public static class KioskSoak
{
    private static readonly TimeSpan VisitEvery = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(IBrowser browser, Uri baseUrl, int seconds, bool portrait)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(), ViewportSize = portrait ? new ViewportSize { Width = 1080, Height = 1920 } : new ViewportSize { Width = 1920, Height = 1080 },
            HasTouch = true, Locale = "es-CO", TimezoneId = "America/Bogota",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") lock (errors) errors.Add(m.Text); };
        page.PageError += (_, e) => { lock (errors) errors.Add(e); };
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");

        await page.GotoAsync("kiosco");
        var slides = page.GetByTestId("kiosco-diapositiva");
        await Expect(slides.First).ToBeAttachedAsync(new() { Timeout = 60_000 });
        var count = await slides.CountAsync();
        var clock = Stopwatch.StartNew();
        // The first loop is the kiosk's whole cycle, as every later one: a visitor, then the carousel all the way round.
        // (Measured before any visit, the first explore screen's one-off costs, its code compiled, read as growth.)
        await Expect(page.Locator("h1")).ToBeFocusedAsync(new() { Timeout = 60_000 }); // the circuit is up: a touch is heard
        await VisitAsync(page);
        await WaitForFullLoopAsync(page, count);
        Protocol.Progress($"kiosco: primera vuelta del carrusel ({count} diapositivas) en {clock.Elapsed.TotalSeconds:N0} s");
        Protocol.Send(new { phase = "primera-vuelta", diapositivas = count, metricas = await MetricsAsync(cdp), segundos = Math.Round(clock.Elapsed.TotalSeconds) });
        await Console.In.ReadLineAsync();

        int visits = 1, failedVisits = 0;
        var end = TimeSpan.FromSeconds(seconds);
        var nextVisit = clock.Elapsed + VisitEvery;
        while (clock.Elapsed < end)
        {
            if (clock.Elapsed >= nextVisit)
            {
                nextVisit = clock.Elapsed + VisitEvery;
                try
                {
                    await VisitAsync(page);
                    visits++;
                    var m = await MetricsAsync(cdp);
                    Protocol.Progress($"kiosco: visita {visits} a los {clock.Elapsed.TotalSeconds:N0} s; montón JS {m.GetValueOrDefault("JSHeapUsedSize") / 1048576:N2} MB, {m.GetValueOrDefault("Nodes"):N0} nodos");
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException)
                {
                    failedVisits++;
                    Protocol.Progress($"kiosco: una visita falló: {Visitors.FirstLine(e.Message)}");
                }
            }
            await Task.Delay(1000);
        }
        // The last measure is taken as the first was: right after the carousel completes a loop.
        await WaitForFullLoopAsync(page, count);
        string[] errorSamples;
        lock (errors) errorSamples = [.. errors.Take(10)];
        Protocol.Send(new
        {
            phase = "fin", metricas = await MetricsAsync(cdp), segundos = Math.Round(clock.Elapsed.TotalSeconds), visitas = visits, visitasFallidas = failedVisits,
            erroresConsola = errors.Count, muestrasErrores = errorSamples,
        });
        await Console.In.ReadLineAsync();
        await context.CloseAsync();
        return 0;
    }

    /// <summary>A visitor: touches the screen, picks the first choice offered, looks, and leaves; the kiosk must go back to its loop by itself.</summary>
    private static async Task VisitAsync(IPage page)
    {
        await page.GetByTestId("kiosco-carrusel").TapAsync();
        var explore = page.GetByTestId("kiosco-explorar");
        await Expect(explore).ToBeVisibleAsync(new() { Timeout = 10_000 });
        var choice = explore.GetByTestId("kiosco-familia").First;
        if (await choice.CountAsync() > 0) await choice.TapAsync();
        await Expect(page.GetByTestId("kiosco-carrusel")).ToBeVisibleAsync(new() { Timeout = 300_000 });
    }

    /// <summary>Waits until every slide has been the active one and the first is active again.</summary>
    private static async Task WaitForFullLoopAsync(IPage page, int count)
    {
        var seen = new HashSet<int>();
        var deadline = Stopwatch.StartNew();
        int? first = null;
        while (deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            var active = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('[data-testid=kiosco-diapositiva]')].findIndex(d => d.dataset.activa === 'true')");
            if (active >= 0)
            {
                first ??= active;
                seen.Add(active);
                if (seen.Count == count && active == first && deadline.Elapsed > TimeSpan.FromSeconds(1)) return;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("el carrusel del kiosco no completó una vuelta en 10 minutos");
    }

    /// <summary>The page's JS heap after a full collection, its DOM nodes and its event listeners (Chromium's own counters).</summary>
    private static async Task<Dictionary<string, double>> MetricsAsync(ICDPSession cdp)
    {
        await cdp.SendAsync("HeapProfiler.collectGarbage");
        var result = await cdp.SendAsync("Performance.getMetrics");
        var wanted = new[] { "JSHeapUsedSize", "Nodes", "JSEventListeners", "Documents" };
        return result!.Value.GetProperty("metrics").EnumerateArray()
            .Where(m => wanted.Contains(m.GetProperty("name").GetString()))
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
    }
}
