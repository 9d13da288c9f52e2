using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CircuitLoad;

/// <summary>
/// The active pages: each one a visitor in its own browser context who opens /licitaciones and then, until the time is
/// up, goes round the same visit — filter the Banco (the food checkbox, a search, the order), open the Monitor, sort a
/// column, open a supplier's profile, open Capacidad productiva, select an organisation on the map, zoom in, open a food
/// family's detail — pausing between actions as a person reads. Each action waits for the page to show
/// its result before the next; one that fails is counted and the visitor starts over from a fresh load.
/// </summary>
public static class Visitors
{
    private static readonly string[] Searches = ["servicios", "compra", "suministro", "alimentos", "transporte", "mantenimiento"];

    public sealed record Summary(int PagesOpened, int Interactions, int Errors, IReadOnlyList<string> ErrorSamples, double Seconds);

    public static async Task<Summary> RunAsync(IBrowser browser, LoadOptions options)
    {
        var clock = Stopwatch.StartNew();
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(options.Seconds);
        var tally = new Tally();
        await Task.WhenAll(Enumerable.Range(0, options.Active).Select(i => VisitAsync(browser, options, i, clock, deadline, tally)));
        Protocol.Progress($"activas: {tally.Interactions} interacciones y {tally.Errors} errores en {clock.Elapsed.TotalSeconds:F0} s");
        return new Summary(tally.PagesOpened, tally.Interactions, tally.Errors, tally.Samples(), clock.Elapsed.TotalSeconds);
    }

    public static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] : line;
    }

    private static async Task VisitAsync(IBrowser browser, LoadOptions options, int visitor, Stopwatch clock, TimeSpan deadline, Tally tally)
    {
        // Not closed here: the pages stay open until the browser closes, so the server still counts their circuits at the end.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = options.BaseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "es-CO", TimezoneId = "America/Bogota",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var random = new Random(visitor);
        var opened = false;
        while (clock.Elapsed < deadline)
        {
            try
            {
                if (!opened)
                {
                    await page.GotoAsync("licitaciones");
                    await Expect(page.Locator("h1")).ToBeFocusedAsync();
                    tally.Opened(visitor);
                    tally.Interaction();
                    opened = true;
                }
                foreach (var action in Visit(page, random))
                {
                    if (clock.Elapsed >= deadline) break;
                    await Task.Delay((int)(options.PauseMs * (0.5 + random.NextDouble())));
                    await action();
                    tally.Interaction();
                }
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                tally.Error(FirstLine(e.Message));
                opened = false; // start over from a fresh load
            }
        }
    }

    /// <summary>One round of the visit; each step is one visitor action and waits until the page shows its result.</summary>
    private static IEnumerable<Func<Task>> Visit(IPage page, Random random)
    {
        var sections = page.Locator("nav[aria-label='Secciones']");
        var h1 = page.Locator("h1");
        yield return async () =>
        {
            await sections.GetByRole(AriaRole.Link, new() { Name = "Banco de Licitaciones" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/licitaciones$"));
            await Expect(h1).ToHaveTextAsync("Banco de Licitaciones Abiertas");
        };
        yield return async () =>
        {
            await page.GetByLabel("Alimentos (PAE)").CheckAsync();
            await Expect(page).ToHaveURLAsync(new Regex("pae=true"));
        };
        yield return async () =>
        {
            await page.GetByLabel("Buscar").FillAsync(Searches[random.Next(Searches.Length)]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Aplicar filtros" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("q="));
        };
        yield return async () =>
        {
            await page.GetByLabel("Ordenar por").SelectOptionAsync(new SelectOptionValue { Label = "Valor (mayor primero)" });
            await Expect(page).ToHaveURLAsync(new Regex("orden=-valor"));
        };
        yield return async () =>
        {
            await sections.GetByRole(AriaRole.Link, new() { Name = "Monitor de Transparencia" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/proveedores$"));
            await Expect(page.Locator("tr.monitor-fila").First).ToBeVisibleAsync();
        };
        yield return async () =>
        {
            var header = page.Locator("th", new() { Has = page.GetByText("Valor contratado", new() { Exact = true }) });
            await header.GetByText("Valor contratado", new() { Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("orden=valorContratado"));
            await Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        };
        yield return async () =>
        {
            var link = page.Locator("tr.monitor-fila").First.Locator("th a");
            var name = await link.InnerTextAsync();
            await link.ClickAsync();
            await Expect(h1).ToHaveTextAsync(name);
        };
        yield return async () =>
        {
            await sections.GetByRole(AriaRole.Link, new() { Name = "Capacidad productiva" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/capacidad$"));
            await Expect(page.GetByTestId("mapa-marcador").First).ToBeVisibleAsync();
        };
        yield return async () =>
        {
            var marcadores = page.GetByTestId("mapa-marcador");
            await marcadores.Nth(random.Next(await marcadores.CountAsync())).ClickAsync();
            await Expect(page.GetByTestId("productor-ficha")).ToBeVisibleAsync();
        };
        yield return async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Acercar" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Alejar" })).ToBeEnabledAsync();
        };
        yield return async () =>
        {
            var detalles = page.GetByRole(AriaRole.Button, new() { Name = "Detalle y proveedores" });
            await detalles.Nth(random.Next(await detalles.CountAsync())).ClickAsync();
            await Expect(page.GetByTestId("familia-detalle")).ToBeVisibleAsync();
        };
    }

    private sealed class Tally
    {
        private readonly Lock _lock = new();
        private readonly HashSet<int> _opened = [];
        private readonly List<string> _samples = [];
        private int _interactions;
        private int _errors;

        public int PagesOpened
        {
            get
            {
                lock (_lock) return _opened.Count;
            }
        }

        public int Interactions => Volatile.Read(ref _interactions);

        public int Errors => Volatile.Read(ref _errors);

        /// <summary>Counts the visitor's page once, however many times it is reloaded after an error.</summary>
        public void Opened(int visitor)
        {
            lock (_lock) _opened.Add(visitor);
        }

        public void Interaction() => Interlocked.Increment(ref _interactions);

        public void Error(string message)
        {
            Interlocked.Increment(ref _errors);
            Protocol.Progress($"activas: error: {message}");
            lock (_lock)
                if (_samples.Count < 5 && !_samples.Contains(message)) _samples.Add(message);
        }

        public IReadOnlyList<string> Samples()
        {
            lock (_lock) return [.. _samples];
        }
    }
}
