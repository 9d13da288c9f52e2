using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Tests.Shared.Listing;

public sealed class PageWindowTests
{
    [Theory]
    // requested page, page size, rows → page shown, page count, rows skipped, previous?, next?
    [InlineData(1, 25, 0, 1, 1, 0, false, false)] // an empty list is one empty page
    [InlineData(1, 25, 25, 1, 1, 0, false, false)]
    [InlineData(1, 25, 26, 1, 2, 0, false, true)]
    [InlineData(2, 25, 26, 2, 2, 25, true, false)]
    [InlineData(9, 25, 60, 3, 3, 50, true, false)] // past the end: the last page
    [InlineData(0, 50, 120, 1, 3, 0, false, true)] // before the start: the first
    public void A_page_is_clamped_to_the_pages_there_are(int requested, int size, int total, int page, int count, int skip, bool previous, bool next)
    {
        var window = PageWindow.For(requested, size, total);

        Assert.Equal((page, count, skip, previous, next), (window.Page, window.PageCount, window.Skip, window.HasPrevious, window.HasNext));
    }

    [Fact]
    public void The_rows_of_a_page_are_the_ones_after_the_skipped()
    {
        var window = PageWindow.For(2, 3, 8);
        Assert.Equal([4, 5, 6], window.Rows(Enumerable.Range(1, 8)));
    }
}
