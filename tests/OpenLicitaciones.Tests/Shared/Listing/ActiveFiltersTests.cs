using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Tests.Shared.Listing;

public sealed class ActiveFiltersTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("orden=-valor", 0)]               // the order changes how, not what
    [InlineData("q=huevo&pae=true", 2)]
    [InlineData("q=huevo&orden=mes&page=3", 1)]
    [InlineData("mujer=si&desde=2022&hasta=2025&local=true", 4)]
    public void Only_parameters_that_narrow_the_list_count_as_filters_in_use(string query, int count) =>
        Assert.Equal(count, ActiveFilters.Count(query));
}
