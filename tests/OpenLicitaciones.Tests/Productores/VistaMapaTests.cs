using OpenLicitaciones.Features.Productores;

namespace OpenLicitaciones.Tests.Productores;

public sealed class VistaMapaTests
{
    private static readonly VistaMapa Completa = new(0, 0, 1000, 500);

    [Theory]
    // Zoom 2 about the middle: half the width and height, centred.
    [InlineData(0, 0, 1000, 500, 2, double.NaN, double.NaN, 0, 0, 250, 125, 500, 250)]
    // Zoom 2 about the top-left corner: that corner stays put.
    [InlineData(0, 0, 1000, 500, 2, 0, 0, 0, 0, 0, 0, 500, 250)]
    // Zoom 2 about (800, 400): 800 - 800 / 2 = 400, 400 - 400 / 2 = 200.
    [InlineData(0, 0, 1000, 500, 2, 800, 400, 0, 0, 400, 200, 500, 250)]
    // Zooming out past the whole map stops at the whole map.
    [InlineData(250, 125, 500, 250, 0.25, double.NaN, double.NaN, 0, 0, 0, 0, 1000, 500)]
    // Zooming in past 16 times stops at 1000 / 16 = 62.5 wide, 31.25 high, centred on (500, 250).
    [InlineData(0, 0, 1000, 500, 100, double.NaN, double.NaN, 0, 0, 468.75, 234.375, 62.5, 31.25)]
    // A pan moves the view by as many units.
    [InlineData(250, 125, 500, 250, 1, double.NaN, double.NaN, 100, -50, 350, 75, 500, 250)]
    // A pan stops at the map's edge: x at most 1000 - 500, y at least 0.
    [InlineData(250, 125, 500, 250, 1, double.NaN, double.NaN, 900, -900, 500, 0, 500, 250)]
    // The whole map cannot be panned.
    [InlineData(0, 0, 1000, 500, 1, double.NaN, double.NaN, 300, 300, 0, 0, 1000, 500)]
    // Zoom 2 about (500, 250) then a pan of 50 units to the east, as a pinch that also slides.
    [InlineData(0, 0, 1000, 500, 2, 500, 250, 50, 0, 300, 125, 500, 250)]
    // Nonsense from the browser changes nothing.
    [InlineData(250, 125, 500, 250, double.NaN, double.PositiveInfinity, 0, double.NaN, double.NegativeInfinity, 250, 125, 500, 250)]
    public void Zoom_and_pan_stay_within_the_map_and_the_zoom_limits(
        double x, double y, double ancho, double alto, double factor, double cx, double cy, double dx, double dy,
        double nuevaX, double nuevaY, double nuevoAncho, double nuevoAlto)
    {
        var vista = new VistaMapa(x, y, ancho, alto).Mover(Completa, factor, cx, cy, dx, dy);

        Assert.Equal(new VistaMapa(nuevaX, nuevaY, nuevoAncho, nuevoAlto), vista);
    }

    [Theory]
    [InlineData(0, 0, 1000, 500, "0 0 1000 500", 1)]
    [InlineData(468.75, 234.375, 62.5, 31.25, "468.75 234.38 62.5 31.25", 16)]
    public void The_view_is_an_svg_viewbox_with_its_zoom(double x, double y, double ancho, double alto, string viewBox, double zoom)
    {
        var vista = new VistaMapa(x, y, ancho, alto);

        Assert.Equal(viewBox, vista.ViewBox);
        Assert.Equal(zoom, vista.Zoom(Completa));
    }

    [Theory]
    [InlineData(500, 250, 50, 50)]
    [InlineData(250, 125, 0, 0)]
    [InlineData(1000, 500, 150, 150)]
    public void A_point_on_screen_is_its_share_of_the_view(double x, double y, double izquierda, double arriba) =>
        Assert.Equal((izquierda, arriba), new VistaMapa(250, 125, 500, 250).Porcentaje(x, y));
}
