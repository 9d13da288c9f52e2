using Microsoft.Playwright;
using OpenLicitaciones.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>The kiosk on a server of its own: kiosk mode on, a slide every 3 s, and choices cleared after 8 s without a touch.</summary>
public sealed class KioskServer : IAsyncLifetime
{
    public const int SegundosPorDiapositiva = 3;
    public const int SegundosInactividad = 8;

    public AppServer App { get; } = new(new Dictionary<string, string>
    {
        ["Kiosco__Habilitado"] = "true",
        ["Kiosco__SegundosPorDiapositiva"] = $"{SegundosPorDiapositiva}",
        ["Kiosco__SegundosInactividad"] = $"{SegundosInactividad}",
    });

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>The Feria's kiosk, /kiosco, on a landscape touch screen and on the portrait totem (issue 13).</summary>
[Collection(EndToEndCollection.Name)]
public sealed class KioscoTests(BrowserFixture browser, KioskServer kiosk) : IClassFixture<KioskServer>
{
    public static TheoryData<string> Pantallas() => new() { Viewport.Kiosk.Name, Viewport.Totem.Name };

    private static Viewport Pantalla(string name) => name == Viewport.Kiosk.Name ? Viewport.Kiosk : Viewport.Totem;

    private async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> OpenAsync(Viewport viewport)
    {
        var context = await browser.NewContextAsync(kiosk.App.BaseUrl, viewport);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") lock (errors) errors.Add(m.Text); };
        page.PageError += (_, e) => { lock (errors) errors.Add(e); };
        await page.GotoInteractiveAsync("/kiosco"); // a touch before the circuit is up would go nowhere
        await Expect(page.GetByTestId("kiosco-carrusel")).ToBeVisibleAsync();
        return (context, page, errors);
    }

    private static Task<int> ActiveSlideAsync(IPage page) => page.EvaluateAsync<int>(
        "() => [...document.querySelectorAll('[data-testid=kiosco-diapositiva]')].findIndex(d => d.dataset.activa === 'true')");

    [Theory]
    [MemberData(nameof(Pantallas))]
    public async Task The_carousel_turns_by_itself_and_a_touch_stops_it_for_the_visitor(string pantalla)
    {
        var viewport = Pantalla(pantalla);
        var (context, page, errors) = await OpenAsync(viewport);
        await using var _ = context;
        var first = await ActiveSlideAsync(page);
        Assert.True(first >= 0, "no slide is marked as the current one");
        await PageExtensions.EventuallyAsync(async () => await ActiveSlideAsync(page) != first, "the carousel did not turn by itself");
        await page.WaitForTimeoutAsync(1_000); // the slide's fade-in
        await Screenshots.SaveAsync(page, viewport, "kiosco-carrusel");

        await page.GetByTestId("kiosco-carrusel").TapAsync();

        var explorar = page.GetByTestId("kiosco-explorar");
        await Expect(explorar).ToBeVisibleAsync();
        // While the visitor looks, nothing turns under their finger: longer than a slide lasts, the explore view stays.
        await Task.Delay(TimeSpan.FromSeconds(KioskServer.SegundosPorDiapositiva + 1));
        await Expect(explorar).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, viewport, "kiosco-explorar");
        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Pantallas))]
    public async Task Left_alone_the_kiosk_returns_to_its_loop_and_forgets_every_choice(string pantalla)
    {
        var (context, page, errors) = await OpenAsync(Pantalla(pantalla));
        await using var _ = context;
        await page.GetByTestId("kiosco-carrusel").TapAsync();
        var explorar = page.GetByTestId("kiosco-explorar");
        var chip = explorar.GetByTestId("kiosco-familia").First;
        await chip.TapAsync();
        await Expect(chip).ToHaveAttributeAsync("aria-pressed", "true");
        await explorar.GetByTestId("kiosco-alimentos").TapAsync();
        await Expect(explorar.GetByTestId("kiosco-alimentos")).ToHaveAttributeAsync("aria-pressed", "true");

        await Expect(page.GetByTestId("kiosco-carrusel")).ToBeVisibleAsync(new() { Timeout = (KioskServer.SegundosInactividad + 10) * 1000 });

        await page.GetByTestId("kiosco-carrusel").TapAsync();
        await Expect(explorar).ToBeVisibleAsync();
        await Expect(explorar.Locator("[data-testid=kiosco-familia], [data-testid=kiosco-mes], [data-testid=kiosco-pequenas], [data-testid=kiosco-alimentos]")
            .And(explorar.Locator("[aria-pressed=true]"))).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Volver_al_inicio_takes_the_visitor_back_to_the_loop_at_once()
    {
        var (context, page, _) = await OpenAsync(Viewport.Kiosk);
        await using var __ = context;
        await page.GetByTestId("kiosco-carrusel").TapAsync();
        await page.GetByTestId("kiosco-explorar").GetByTestId("kiosco-familia").First.TapAsync();

        await page.GetByTestId("kiosco-inicio").TapAsync();

        await Expect(page.GetByTestId("kiosco-carrusel")).ToBeVisibleAsync(new() { Timeout = 3_000 });
    }

    [Theory]
    [MemberData(nameof(Pantallas))]
    public async Task Every_qr_code_decodes_to_its_public_address_and_is_big_enough_to_scan(string pantalla)
    {
        var (context, page, _) = await OpenAsync(Pantalla(pantalla));
        await using var __ = context;
        var decoded = new List<string>();
        await CheckQrCodesAsync(page, decoded); // the carousel's (indicators, newest opportunities)
        await page.GetByTestId("kiosco-carrusel").TapAsync();
        await Expect(page.GetByTestId("kiosco-resultado").First).ToBeVisibleAsync();
        await CheckQrCodesAsync(page, decoded); // the visitor's results

        Assert.Contains(decoded, u => u.StartsWith(AppServer.PublicBaseUrl + "/licitaciones/", StringComparison.Ordinal));
        Assert.Contains(decoded, u => u.StartsWith(AppServer.PublicBaseUrl + "/indicadores/g", StringComparison.Ordinal));
    }

    private static async Task CheckQrCodesAsync(IPage page, List<string> decoded)
    {
        var codes = page.GetByTestId("kiosco-qr");
        var count = await codes.CountAsync();
        Assert.True(count > 0, "no QR code on the kiosk");
        for (var i = 0; i < count; i++)
        {
            var code = codes.Nth(i);
            var expected = await code.GetAttributeAsync("data-url");
            var text = QrDecoder.Decode(QrDecoder.FromDataUrl((await code.GetAttributeAsync("src"))!));
            Assert.Equal(expected, text);
            Assert.StartsWith(AppServer.PublicBaseUrl + "/", text);
            Assert.DoesNotContain("localhost", text);
            Assert.DoesNotContain("127.0.0.1", text);
            if (await code.IsVisibleAsync())
            {
                var box = (await code.BoundingBoxAsync())!;
                Assert.True(box.Width >= 240 && box.Height >= 240, $"a QR code of {box.Width}×{box.Height} px is too small to scan from 50 cm: {text}");
            }
            decoded.Add(text!);
        }
    }

    [Theory]
    [MemberData(nameof(Pantallas))]
    public async Task On_every_screen_nothing_to_touch_is_under_48_px_axe_finds_nothing_and_there_is_no_keyboard_or_staff_link(string pantalla)
    {
        var viewport = Pantalla(pantalla);
        var (context, page, errors) = await OpenAsync(viewport);
        await using var _ = context;
        var puntos = page.GetByTestId("kiosco-punto");
        var diapositivas = await puntos.CountAsync();
        Assert.Equal(3, diapositivas); // figures, open calls, the producer map
        for (var i = 0; i < diapositivas; i++)
        {
            await puntos.Nth(i).TapAsync(); // holds that slide while it is looked at
            await Expect(puntos.Nth(i)).ToHaveAttributeAsync("aria-current", "true");
            var activa = page.Locator("[data-testid=kiosco-diapositiva][data-activa=true]");
            var nombre = await activa.GetAttributeAsync("data-diapositiva");
            await page.WaitForTimeoutAsync(800); // its fade-in
            await CheckScreenAsync(page, viewport, $"carrusel-{nombre}");
        }

        await page.GetByTestId("kiosco-carrusel").TapAsync();
        var explorar = page.GetByTestId("kiosco-explorar");
        await Expect(explorar).ToBeVisibleAsync();
        var vistas = explorar.GetByTestId("kiosco-vista");
        for (var i = 0; i < await vistas.CountAsync(); i++)
        {
            await vistas.Nth(i).TapAsync();
            await Expect(vistas.Nth(i)).ToHaveAttributeAsync("aria-pressed", "true");
            await CheckScreenAsync(page, viewport, $"explorar-{await vistas.Nth(i).GetAttributeAsync("data-vista")}");
        }
        Assert.Empty(errors);
    }

    private static async Task CheckScreenAsync(IPage page, Viewport viewport, string name)
    {
        await AssertTouchTargetsAsync(page, name);
        await page.AssertNoAxeViolationsAsync($"/kiosco ({name})", viewport);
        Assert.Equal(0, await page.Locator("input:not([type=checkbox]):not([type=radio]):not([type=hidden]), textarea, select, [contenteditable=true]").CountAsync());
        Assert.Equal(0, await page.Locator("a[href*='/admin'], a[href*='/cuenta']").CountAsync());
        await Screenshots.SavePageAsync(page, $"kiosco-{name}", viewport);
    }

    /// <summary>Every visible element a finger can act on measures at least 48 × 48 CSS px.</summary>
    private static async Task AssertTouchTargetsAsync(IPage page, string where)
    {
        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('a[href], button, [role=button], [role=tab], [role=link], input, select, [tabindex]:not([tabindex="-1"]), [onclick]')]
                .filter(e => { const s = getComputedStyle(e); return s.visibility !== 'hidden' && s.display !== 'none' && e.getClientRects().length > 0; })
                .map(e => ({ e, r: e.getBoundingClientRect() }))
                .filter(({ r }) => r.width > 0 && r.height > 0 && (r.width < 48 || r.height < 48))
                .map(({ e, r }) => `${e.tagName.toLowerCase()}${e.dataset.testid ? '[' + e.dataset.testid + ']' : ''} "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`)
            """);
        Assert.True(small.Length == 0, $"touch targets smaller than 48 px in {where}:\n" + string.Join("\n", small));
    }
}
