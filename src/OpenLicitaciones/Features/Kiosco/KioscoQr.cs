using System.Collections.Concurrent;
using OpenLicitaciones.Components;
using OpenLicitaciones.Features.Banco;
using QRCoder;

namespace OpenLicitaciones.Features.Kiosco;

/// <summary>The addresses the kiosk's QR codes open (CONTRACTS §6: the public base URL plus the path, never this machine).</summary>
public static class KioscoQr
{
    public static string RutaIndicador(string codigo) => "/indicadores/" + codigo.ToLowerInvariant();

    public static string RutaOportunidad(string id) => "/licitaciones/" + Uri.EscapeDataString(id);

    /// <summary>The Banco with the kiosk's choices, so a visitor takes the whole list home.</summary>
    public static string RutaBanco(FiltroKiosco filtro) => filtro.Banco.ToQuery() is { Length: > 0 } query ? "/licitaciones?" + query : "/licitaciones";

    /// <summary>The absolute address of a path, or null when Site:PublicBaseUrl is not set (the QR is then unavailable).</summary>
    public static string? Url(string? publicBaseUrl, string ruta) => ShareUrl.For(publicBaseUrl, ruta);
}

/// <summary>
/// The kiosk's QR codes as PNG data: URLs (the Content-Security-Policy allows data: images). Drawn once per address and
/// kept: the carousel shows the same few codes all day. Bounded, so odd addresses cannot grow it without end.
/// </summary>
public sealed class CodigosQr
{
    /// <summary>Pixels per module: a 41-module code (with its quiet zone) is 328 px, shown at 260 CSS px.</summary>
    public const int PixelesPorModulo = 8;
    private const int Maximo = 256;

    private readonly ConcurrentDictionary<string, string> _png = new(StringComparer.Ordinal);

    public string Png(string url)
    {
        if (_png.TryGetValue(url, out var hecho)) return hecho;
        if (_png.Count >= Maximo) _png.Clear();
        return _png.GetOrAdd(url, Dibujar);
    }

    private static string Dibujar(string url)
    {
        using var generador = new QRCodeGenerator();
        using var datos = generador.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(datos).GetGraphic(PixelesPorModulo, drawQuietZones: true));
    }
}
