using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>Full-page screenshots under artifacts/screenshots/, for people to look at after a run.</summary>
public static class Screenshots
{
    public static string Folder => Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    public static async Task<string> SaveAsync(IPage page, Viewport viewport, [CallerMemberName] string test = "")
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{test}.{viewport.Name}-{viewport.Width}x{viewport.Height}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>The gallery's picture of one page: artifacts/screenshots/pages/&lt;page&gt;-&lt;desktop|phone&gt;.png.</summary>
    public static async Task<string> SavePageAsync(IPage page, string name, Viewport viewport)
    {
        var folder = Path.Combine(Folder, "pages");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}-{viewport.Name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
