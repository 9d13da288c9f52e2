using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Components.Listing;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Components;

/// <summary>The list-page kit's shared components: the URL warnings and the pager.</summary>
public sealed class ListingComponentTests : ComponentTest
{
    [Fact]
    public void Warnings_show_one_item_each_as_text_and_nothing_at_all_when_there_are_none()
    {
        var cut = Render<FilterWarnings>(p => p.Add(x => x.Warnings, ["estado: '<b>x</b>' no es un estado", "q: el texto es muy largo"]).Add(x => x.TestId, "avisos"));

        Assert.Equal(["estado: '<b>x</b>' no es un estado", "q: el texto es muy largo"], cut.FindAll("[data-testid=avisos] li").Select(li => li.TextContent));
        Assert.Empty(cut.FindAll("[data-testid=avisos] b"));
        Assert.Equal("note", cut.Find("[data-testid=avisos]").GetAttribute("role"));

        var none = Render<FilterWarnings>(p => p.Add(x => x.Warnings, []).Add(x => x.TestId, "avisos"));
        Assert.Empty(none.FindAll("[data-testid=avisos]"));
    }

    [Fact]
    public async Task Choosing_a_page_navigates_to_its_address_and_a_single_page_shows_no_pager()
    {
        var cut = Render<ListPager>(p => p.Add(x => x.Page, 2).Add(x => x.PageCount, 5).Add(x => x.PageUrl, n => $"/lista?page={n}"));
        Assert.Equal("Página 2 de 5", cut.Find(".pager-status").TextContent);

        await cut.FindAll("[data-testid=paginador] button").Single(b => b.TextContent.Trim() == "4").ClickAsync(new());

        Assert.EndsWith("/lista?page=4", Services.GetRequiredService<NavigationManager>().Uri);
        var single = Render<ListPager>(p => p.Add(x => x.Page, 1).Add(x => x.PageCount, 1).Add(x => x.PageUrl, n => $"/lista?page={n}"));
        Assert.Empty(single.FindAll("[data-testid=paginador]"));
    }

    [Fact]
    public async Task The_filter_panel_button_counts_the_filters_in_use_and_unfolds_the_fields()
    {
        var submitted = 0;
        var cut = Render<FilterPanel>(p => p.Add(x => x.Label, "Filtrar").Add(x => x.TestId, "f").Add(x => x.ActiveCount, 2)
            .Add(x => x.OnSubmit, () => submitted++).AddChildContent("<input type=\"search\" />"));

        var toggle = cut.Find("button.filters-toggle");
        Assert.Equal("Filtros (2 en uso)", toggle.TextContent.Trim());
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.Contains("filters-folded", cut.Find("#f-campos").ClassList);

        await toggle.ClickAsync(new());
        Assert.Equal("true", cut.Find("button.filters-toggle").GetAttribute("aria-expanded"));
        Assert.DoesNotContain("filters-folded", cut.Find("#f-campos").ClassList);

        await cut.Find("form").SubmitAsync();
        Assert.Equal(1, submitted);
    }
}
