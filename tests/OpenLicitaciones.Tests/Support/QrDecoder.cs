using StbImageSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace OpenLicitaciones.Tests.Support;

/// <summary>Reads a QR code back from a PNG (the kiosk's data: URLs or a screenshot of one), as a visitor's phone would.</summary>
public static class QrDecoder
{
    public static string? Decode(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        var pixels = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(pixels)), hints)?.Text;
    }

    /// <summary>The PNG inside a data: URL.</summary>
    public static byte[] FromDataUrl(string dataUrl)
    {
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, dataUrl);
        return Convert.FromBase64String(dataUrl[prefix.Length..]);
    }
}
