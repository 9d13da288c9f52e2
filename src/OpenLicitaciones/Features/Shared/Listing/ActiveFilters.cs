namespace OpenLicitaciones.Features.Shared.Listing;

/// <summary>How many filters a list's query string applies: its order and page choose how to show, not what.</summary>
public static class ActiveFilters
{
    public static int Count(string query) => query.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(part => part.Split('=', 2)[0])
        .Count(name => name is not ("orden" or "page"));
}
