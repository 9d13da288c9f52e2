namespace OpenLicitaciones.Features.Shared.Listing;

/// <summary>Which rows one page of a list shows: the page asked for, moved to the last page when there are fewer.</summary>
public readonly record struct PageWindow(int Page, int PageSize, int Total)
{
    public static PageWindow For(int requestedPage, int pageSize, int total)
    {
        var window = new PageWindow(1, pageSize, total);
        return window with { Page = Math.Clamp(requestedPage, 1, window.PageCount) };
    }

    /// <summary>At least one page, so an empty list still says "página 1 de 1".</summary>
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

    public int Skip => (Page - 1) * PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    public IEnumerable<T> Rows<T>(IEnumerable<T> all) => all.Skip(Skip).Take(PageSize);
}
