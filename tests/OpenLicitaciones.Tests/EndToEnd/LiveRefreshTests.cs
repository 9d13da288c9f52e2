using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;
using OpenLicitaciones.Tests.Sync;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>
/// A sync written by another process (the CLI, against a fake datos.gov.co) reaches an open page without a reload.
/// It has its own server because it replaces that server's demo processes with live ones.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LiveRefreshTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_cli_sync_of_live_processes_updates_the_open_home_page_without_a_reload()
    {
        await using var fake = await FakeSodaServer.StartAsync();
        fake.Put(ProcesoRows.Dataset, ProcesoRows.Many(2));
        var server = new AppServer();
        await server.InitializeAsync();
        try
        {
            await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
            var page = await context.NewPageAsync();
            await page.GotoInteractiveAsync("/");
            var processes = page.GetByTestId("home-figures").Locator("li").Nth(1);
            await Expect(processes).ToContainTextAsync("procesos de contratación");
            var before = await processes.Locator(".figure").InnerTextAsync();
            Assert.True(long.Parse(before, System.Globalization.NumberStyles.AllowThousands, new System.Globalization.CultureInfo("es-CO")) > 1000, before);
            await page.EvaluateAsync("() => window.__sinRecargar = true");

            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await SyncCommand.RunAsync(["--source", "socrata", "--base-url", fake.BaseUrl, "--database", server.DatabasePath,
                "--dataset", ProcesoRows.Dataset], output, error);

            Assert.True(code == 0, error.ToString());
            // The live rows replace the demo processes; the page learns of it from the sync-run log within ~2 s.
            await Expect(processes).ToContainTextAsync("2 procesos de contratación", new() { Timeout = 10_000 });
            Assert.True(await page.EvaluateAsync<bool>("() => window.__sinRecargar === true"), "the page reloaded instead of updating live");
            await Screenshots.SaveAsync(page, Viewport.Desktop);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
