using QRCoder;

namespace OpenLicitaciones.Tests.Support;

/// <summary>The decoder the kiosk's tests rely on reads what QRCoder draws, and nothing from a blank image.</summary>
public sealed class QrDecoderTests
{
    [Theory]
    [InlineData("https://licitaciones.palmira.gov.co/licitaciones/CO1.BDOS.123%2F45")]
    [InlineData("https://licitaciones.palmira.gov.co/indicadores/g1")]
    public void A_png_drawn_by_qrcoder_decodes_to_its_text(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);

        Assert.Equal(url, QrDecoder.Decode(new PngByteQRCode(data).GetGraphic(8)));
    }

    [Fact]
    public void A_png_without_a_code_decodes_to_nothing()
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode("x", QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8, [255, 255, 255, 255], [255, 255, 255, 255]); // white on white

        Assert.Null(QrDecoder.Decode(png));
    }
}
