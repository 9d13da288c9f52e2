using Microsoft.Playwright;

namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>One headless Debian Chromium for the whole end-to-end collection; each test gets its own context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Playwright's own browser download cannot reach its servers here; Debian's chromium is installed by test.sh.
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been launched.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium.");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh context (own cookies and storage) of the given viewport, in Colombian Spanish.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseUrl, Viewport viewport)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsPhone,
            HasTouch = viewport.IsPhone || viewport.IsTouch,
            Locale = "es-CO",
            TimezoneId = "America/Bogota",
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

public sealed record Viewport(string Name, int Width, int Height, bool IsPhone, bool IsTouch = false)
{
    public static readonly Viewport Desktop = new("desktop", 1280, 800, false);
    public static readonly Viewport Phone = new("phone", 390, 844, true);
    /// <summary>The Feria's touch screens: landscape, and the portrait totem.</summary>
    public static readonly Viewport Kiosk = new("kiosco", 1920, 1080, false, IsTouch: true);
    public static readonly Viewport Totem = new("totem", 1080, 1920, false, IsTouch: true);
}
