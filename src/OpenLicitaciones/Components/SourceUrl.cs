namespace OpenLicitaciones.Components;

/// <summary>Links built from source data (SECOP URLs) go through here: only absolute http(s) addresses become links.</summary>
public static class SourceUrl
{
    /// <summary>The address when its scheme is https or http; null otherwise (a javascript: or data: URL in live data is never a link).</summary>
    public static string? Http(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? url!.Trim()
            : null;
}
