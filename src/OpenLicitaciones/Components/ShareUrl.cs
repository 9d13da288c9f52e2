namespace OpenLicitaciones.Components;

public static class ShareUrl
{
    /// <summary>
    /// The public address of a path for QR codes and shared links: the configured Site:PublicBaseUrl plus the path, or
    /// null when none is configured — a QR code must never point at this machine's own localhost (CONTRACTS §6).
    /// </summary>
    public static string? For(string? publicBaseUrl, string path) =>
        string.IsNullOrWhiteSpace(publicBaseUrl) ? null : publicBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
