namespace OpenLicitaciones.Features.Shared;

/// <summary>
/// SECOP II's public page addresses kept in memory without the long prefix nearly all of them share: a department's
/// million contracts otherwise hold about 200 MB of identical text (`benchmark vistas`).
/// </summary>
public static class SecopUrl
{
    private const string Prefix = "https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?";
    // No address starts with a space (SourceUrl trims them away), so it marks a shortened one unambiguously.
    private const char Shortened = ' ';

    public static string? Compact(string? url) =>
        url is not null && url.StartsWith(Prefix, StringComparison.Ordinal) ? Shortened + url[Prefix.Length..] : url;

    public static string? Expand(string? compact) =>
        compact is [Shortened, ..] ? Prefix + compact[1..] : compact;
}
