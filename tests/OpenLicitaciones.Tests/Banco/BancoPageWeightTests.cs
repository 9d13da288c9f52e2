using System.Numerics;
using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;
using Xunit.Abstractions;

namespace OpenLicitaciones.Tests.Banco;

/// <summary>
/// What one visitor's Banco page costs the server while it stays open (issue 9: under 1 MB per idle circuit). Blazor
/// keeps, for every component of a circuit, two buffers of render-tree frames (the last render and the one before),
/// each sized to the next power of two. So the page's weight is its components and, above all, the frames of its
/// largest render tree. Rendered over the demo data the app loads on its first start, with every line new to the
/// visitor (the most frames a card can have).
/// </summary>
public sealed class BancoPageWeightTests(ITestOutputHelper output) : ComponentTest
{
    // 450 components with a MudChip and a MudTooltip per chip of each card, a MudSelect for every filter and the order and
    // MudBlazor panels for the help; 72 with the cards drawn as markup inside the page, the filters' and the order's lists
    // and the help native. 85 leaves room for a filter or two, while a component back in each of the 25 cards, or the
    // order back in a MudSelect (18), breaks it.
    private const int MaxComponents = 85;

    // The page's own frames (its 25 cards, mostly) measured 1,899 with every card "Nueva". Past 2,048 both of its buffers
    // double, from 2 × 80 KB to 2 × 160 KB per visitor: a sixth of the 1 MB budget.
    private const int MaxPageFrames = 2048;

    [Fact]
    public async Task The_first_page_of_the_banco_stays_under_its_component_and_render_tree_budget()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb, new Dictionary<string, string?> { ["Sync:Source"] = "demo", ["Sync:LoadOnFirstStart"] = "true" });
        await app.Services.LoadMissingDatasetsAsync();
        UseAppServices(app.Services);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/licitaciones");
        JSInterop.Setup<string?>("localStorage.getItem", "ol-banco-ultima-visita").SetResult("2000-01-01T00:00:00Z");

        // MudBlazor renders popovers (a select's open list, a tooltip) in the provider the layout holds, not in place.
        var popovers = Render<MudPopoverProvider>();
        var page = Render<BancoPage>();
        page.WaitForAssertion(() => Assert.Equal(BancoPage.PageSize, page.FindAll("[data-testid=oportunidad] .badge-new").Count));

        var components = page.FindComponents<IComponent>().Select(c => (Type: c.Instance.GetType().Name, c.ComponentId))
            .Concat(popovers.FindComponents<IComponent>().Select(c => (Type: c.Instance.GetType().Name, c.ComponentId)))
            .Prepend((Type: nameof(BancoPage), page.ComponentId)).ToList();
        foreach (var group in components.GroupBy(c => c.Type).OrderByDescending(g => g.Count()))
            output.WriteLine($"{group.Count(),4} {group.Key}");
        var frames = components.Select(c => Frames(c.ComponentId)).ToList();
        var bufferBytes = frames.Sum(f => 2L * FrameBytes * BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, f)));
        output.WriteLine($"{components.Count} componentes; {frames.Sum()} frames, {Frames(page.ComponentId)} de la página; " +
                         $"búferes de render ≈ {bufferBytes / 1024} KB");

        Assert.InRange(components.Count, 1, MaxComponents);
        Assert.InRange(Frames(page.ComponentId), 1, MaxPageFrames);
    }

    // sizeof(RenderTreeFrame) on 64-bit .NET.
    private const int FrameBytes = 40;

    /// <summary>The frames of a component's current render tree (Renderer.GetCurrentRenderTreeFrames, for renderers only).</summary>
    private int Frames(int componentId)
    {
        var method = typeof(Microsoft.AspNetCore.Components.RenderTree.Renderer)
            .GetMethod("GetCurrentRenderTreeFrames", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var range = method.Invoke(Renderer, [componentId])!;
        return (int)range.GetType().GetField("Count")!.GetValue(range)!;
    }
}
