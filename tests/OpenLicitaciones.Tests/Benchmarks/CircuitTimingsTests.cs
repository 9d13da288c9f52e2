using System.Text.RegularExpressions;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Benchmarks;
using OpenLicitaciones.Tests.EndToEnd;
using OpenLicitaciones.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.Benchmarks;

/// <summary>The circuit handler as `benchmark circuitos` hosts it (the app's composition root), with one real browser page.</summary>
public sealed class CircuitTimingsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_page_opens_one_circuit_whose_first_render_and_one_filter_click_are_timed_by_kind_and_closing_it_closes_the_circuit()
    {
        using var db = new TestDb(DatabaseProvider.Sqlite);
        await using var server = await CircuitsBenchmark.StartServerAsync(db.Settings, CancellationToken.None);
        Assert.Equal(0, server.Timings.OpenCircuits);
        server.Timings.StartRecording();

        await using var context = await browser.NewContextAsync(server.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/licitaciones");

        Assert.Equal(1, server.Timings.OpenCircuits);
        var loaded = server.Timings.Recorded;
        Assert.Equal(InboundKind.Start, loaded[0].Kind);
        Assert.DoesNotContain(loaded, s => s.Kind == InboundKind.Navigation);

        // The checkbox's change is a browser event; its handler writes the filter to the URL, which comes back as a navigation.
        await page.GetByLabel("Alimentos (PAE)").CheckAsync();
        await Expect(page).ToHaveURLAsync(new Regex("pae=true"));
        await PageExtensions.EventuallyAsync(() => Task.FromResult(server.Timings.Recorded.Any(s => s.Kind == InboundKind.Navigation)),
            "the location change the click caused was not timed as a navigation");

        var samples = server.Timings.StopRecording();
        Assert.Single(samples, s => s.Kind == InboundKind.Start);
        Assert.Single(samples, s => s.Kind == InboundKind.Navigation);
        // MudBlazor's components may dispatch an event of their own while the page settles: the click's come after those.
        Assert.Contains(samples.Skip(loaded.Count), s => s.Kind == InboundKind.Event);
        Assert.All(samples, s => Assert.InRange(s.Ms, 0, 60_000));
        Assert.Equal(1, server.Timings.OpenCircuits);

        await page.CloseAsync(); // the page tells the server it is leaving, and the circuit closes
        await PageExtensions.EventuallyAsync(() => Task.FromResult(server.Timings.OpenCircuits == 0), "the closed page's circuit is still counted open");
    }
}
