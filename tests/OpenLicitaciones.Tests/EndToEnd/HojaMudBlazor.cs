using System.Text.RegularExpressions;

namespace OpenLicitaciones.Tests.EndToEnd;

internal static partial class HojaMudBlazor
{
    /// <summary>The address a page links for the app's trimmed, fingerprinted copy of MudBlazor's stylesheet, or null.</summary>
    public static string? Enlace(string html) => Patron().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"href=""(mudblazor/mudblazor\.[a-z0-9]+\.css)""")]
    private static partial Regex Patron();
}
