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
/// What one visitor's Banco page costs the server: every component of a Blazor Server circuit keeps its own render-tree
/// buffers for as long as the page is open, so the count of components is the memory an idle visitor holds (issue 9:
/// under 1 MB per idle circuit). Rendered over the demo data the app loads on its first start.
/// </summary>
public sealed class BancoPageWeightTests(ITestOutputHelper output) : ComponentTest
{
    // The page measured 450 components with a MudChip and MudTooltip per card chip and a MudSelect for every filter, and
    // 104 with the cards drawn as markup inside the page and native lists (the test prints the count by type). 120
    // leaves room for a filter or two, while a component back in each of the 25 cards, or one per filter choice (50),
    // breaks it.
    private const int MaxComponentsOnThePage = 120;

    [Fact]
    public async Task The_first_page_of_the_banco_over_the_demo_data_stays_under_its_component_budget()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb, new Dictionary<string, string?> { ["Sync:Source"] = "demo", ["Sync:LoadOnFirstStart"] = "true" });
        await app.Services.LoadMissingDatasetsAsync();
        UseAppServices(app.Services);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/licitaciones");

        // MudBlazor renders popovers (a select's open list, a tooltip) in the provider the layout holds, not in place.
        var popovers = Render<MudPopoverProvider>();
        var page = Render<BancoPage>();
        page.WaitForAssertion(() => Assert.Equal(BancoPage.PageSize, page.FindAll("[data-testid=oportunidad]").Count));

        var components = page.FindComponents<IComponent>().Select(c => c.Instance)
            .Concat(popovers.FindComponents<IComponent>().Select(c => c.Instance)).Prepend(page.Instance).ToList();
        foreach (var group in components.GroupBy(c => c.GetType().Name).OrderByDescending(g => g.Count()))
            output.WriteLine($"{group.Count(),4} {group.Key}");
        output.WriteLine($"{components.Count,4} en total");
        Assert.InRange(components.Count, 1, MaxComponentsOnThePage);
    }
}
