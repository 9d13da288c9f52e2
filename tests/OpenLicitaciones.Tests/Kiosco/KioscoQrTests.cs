using System.Buffers.Binary;
using OpenLicitaciones.Features.Kiosco;

namespace OpenLicitaciones.Tests.Kiosco;

public sealed class KioscoQrTests
{
    [Theory]
    [InlineData("https://licitaciones.palmira.gov.co", "indicador", "G1", "https://licitaciones.palmira.gov.co/indicadores/g1")]
    [InlineData("https://licitaciones.palmira.gov.co/", "indicador", "r018", "https://licitaciones.palmira.gov.co/indicadores/r018")]
    [InlineData("https://licitaciones.palmira.gov.co", "oportunidad", "20260300067", "https://licitaciones.palmira.gov.co/licitaciones/20260300067")]
    [InlineData("https://x.gov.co/", "oportunidad", "2026 03/1", "https://x.gov.co/licitaciones/2026%2003%2F1")] // the id is one path segment
    [InlineData("https://x.gov.co/compras", "oportunidad", "5", "https://x.gov.co/compras/licitaciones/5")]      // a site under a path keeps it
    [InlineData("", "oportunidad", "5", null)]
    [InlineData("   ", "indicador", "g1", null)]
    [InlineData(null, "indicador", "g1", null)]
    public void A_qr_code_opens_the_public_address_plus_the_path_or_nothing_without_one(string? baseUrl, string tipo, string id, string? esperado)
    {
        var ruta = tipo == "indicador" ? KioscoQr.RutaIndicador(id) : KioscoQr.RutaOportunidad(id);

        Assert.Equal(esperado, KioscoQr.Url(baseUrl, ruta));
    }

    public static TheoryData<FiltroKiosco, string> Busquedas => new()
    {
        { FiltroKiosco.Ninguno, "/licitaciones" },
        { new FiltroKiosco(Familia: "4713"), "/licitaciones?familia=4713" },
        { new FiltroKiosco("4713", 202612, true, true), "/licitaciones?familia=4713&pae=true&mesDesde=2026-12&mesHasta=2026-12&accesible=true" },
    };

    [Theory]
    [MemberData(nameof(Busquedas))]
    public void The_list_goes_home_as_the_Banco_with_the_same_choices(FiltroKiosco filtro, string ruta) =>
        Assert.Equal(ruta, KioscoQr.RutaBanco(filtro));

    [Fact]
    public void The_code_is_a_png_with_its_quiet_zone_drawn_once_per_address()
    {
        var codigos = new CodigosQr();
        const string url = "https://licitaciones.palmira.gov.co/indicadores/g1"; // 50 bytes: version 4 at level M, 33 modules

        var png = codigos.Png(url);

        Assert.StartsWith("data:image/png;base64,", png);
        var bytes = Convert.FromBase64String(png["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        // 33 modules + 4 of quiet zone on each side = 41, at 8 px each.
        Assert.Equal(328, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(328, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.Same(png, codigos.Png(url));
    }
}
