using QRCoder;

namespace OpenLicitaciones.Features.Admin;

/// <summary>What an authenticator app needs to add the account: the otpauth address, as a QR code and as a key typed by hand.</summary>
public static class Autenticador
{
    public const string Emisor = "OpenLicitaciones";

    public static string Uri(string cuenta, string clave) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Emisor)}:{System.Uri.EscapeDataString(cuenta)}?secret={clave}&issuer={System.Uri.EscapeDataString(Emisor)}&digits=6";

    /// <summary>The key in groups of four, lowercase, as apps that accept a typed key show it.</summary>
    public static string Legible(string clave) =>
        string.Join(' ', clave.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

    /// <summary>A data: URL of the QR's PNG (the Content-Security-Policy allows data: images, no external service sees the key).</summary>
    public static string QrPng(string texto)
    {
        using var generador = new QRCodeGenerator();
        using var datos = generador.CreateQrCode(texto, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(datos).GetGraphic(6));
    }
}
