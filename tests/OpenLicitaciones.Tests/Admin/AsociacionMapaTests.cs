using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Tests.Productores;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Admin;

/// <summary>The municipality map's optional click callback, added so staff can place an association on it.</summary>
public sealed class AsociacionMapaTests : ComponentTest
{
    public AsociacionMapaTests() => Services.AddSingleton(GeografiaDePrueba.DePalmira);

    // The box of ProyeccionMapaTests (lon 10..12, lat 59.5..60.5, 960 units per degree of latitude, margins of 20), backwards.
    [Theory]
    [InlineData(20, 20, 60.5, 10.0)]
    [InlineData(980, 980, 59.5, 12.0)]
    [InlineData(500, 500, 60.0, 11.0)]
    [InlineData(260, 260, 60.25, 10.5)]
    public void A_point_of_the_svg_goes_back_to_its_latitude_and_longitude(double x, double y, double latitud, double longitud)
    {
        var punto = ProyeccionMapa.Para(new Envelope(10, 12, 59.5, 60.5)).Desproyectar(x, y);

        Assert.Equal(latitud, punto.Latitud, 9);
        Assert.Equal(longitud, punto.Longitud, 9);
    }

    [Fact]
    public async Task With_a_callback_a_click_reports_the_point_under_it_and_nonsense_is_ignored()
    {
        var puntos = new List<PuntoMapa>();
        var cut = Render<MapaMunicipio>(p => p.Add(x => x.Marcadores, []).Add(x => x.OnMarcarPunto, (PuntoMapa punto) => puntos.Add(punto)));
        var rozo = GeografiaDePrueba.DePalmira.Proyeccion.Proyectar(3.612497722, -76.38613913);

        await cut.InvokeAsync(() => cut.Instance.MarcarPunto(rozo.X, rozo.Y));
        await cut.InvokeAsync(() => cut.Instance.MarcarPunto(double.NaN, 10));

        var punto = Assert.Single(puntos);
        Assert.Equal(3.612497722, punto.Latitud, 9);
        Assert.Equal(-76.38613913, punto.Longitud, 9);
        Assert.Equal("si", cut.Find("[data-testid=mapa-lienzo]").GetAttribute("data-mapa-punto"));
        Assert.Contains("Haga clic o toque un lugar del mapa para marcarlo.", cut.Find(".mapa-ayuda").TextContent);
    }

    [Fact]
    public async Task Without_a_callback_the_map_does_not_take_clicks_as_it_was_before()
    {
        var cut = Render<MapaMunicipio>(p => p.Add(x => x.Marcadores, []));

        await cut.InvokeAsync(() => cut.Instance.MarcarPunto(500, 300));

        Assert.False(cut.Find("[data-testid=mapa-lienzo]").HasAttribute("data-mapa-punto"));
        Assert.DoesNotContain("crosshair", cut.Find("[data-testid=mapa-lienzo]").GetAttribute("style"));
        Assert.DoesNotContain("Haga clic", cut.Find(".mapa-ayuda").TextContent);
    }
}
