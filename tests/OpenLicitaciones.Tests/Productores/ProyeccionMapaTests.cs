using NetTopologySuite.Geometries;
using OpenLicitaciones.Features.Productores;

namespace OpenLicitaciones.Tests.Productores;

public sealed class ProyeccionMapaTests
{
    // Box lon 10..12, lat 59.5..60.5: middle latitude 60°, cos 60° = 0.5, so the box is 2 × 0.5 = 1 "degree of latitude"
    // wide and 1 high, a square. Width 1000 less two margins of 20 = 960 units per degree of latitude; height 960 + 40.
    [Theory]
    [InlineData(60.5, 10.0, 20, 20)]     // north-west corner: the margins
    [InlineData(59.5, 12.0, 980, 980)]   // south-east corner
    [InlineData(60.0, 11.0, 500, 500)]   // centre
    [InlineData(60.25, 10.5, 260, 260)]  // x 20 + 0.5 × 0.5 × 960; y 20 + 0.25 × 960
    [InlineData(60.5, 12.5, 1220, 20)]   // outside the box: beyond the width, not clamped
    public void A_box_at_60_degrees_north_is_drawn_half_as_wide_per_degree_of_longitude(double lat, double lon, double x, double y)
    {
        var proyeccion = ProyeccionMapa.Para(new Envelope(10, 12, 59.5, 60.5));

        var punto = proyeccion.Proyectar(lat, lon);

        Assert.Equal((1000, 1000, 20), (proyeccion.Ancho, Math.Round(proyeccion.Alto, 6), proyeccion.Margen));
        Assert.Equal(x, punto.X, 6);
        Assert.Equal(y, punto.Y, 6);
    }

    // At the equator cos ≈ 1: box lon -1..1, lat -0.5..0.5, no margin: 500 units per degree, 1000 × 500.
    [Theory]
    [InlineData(0.0, 0.0, 500, 250)]
    [InlineData(0.5, -1.0, 0, 0)]
    [InlineData(-0.5, 1.0, 1000, 500)]
    public void A_box_on_the_equator_keeps_degrees_square(double lat, double lon, double x, double y)
    {
        var proyeccion = ProyeccionMapa.Para(new Envelope(-1, 1, -0.5, 0.5), margen: 0);

        var punto = proyeccion.Proyectar(lat, lon);

        Assert.Equal(500, proyeccion.Alto, 2); // cos(0°) = 1
        Assert.Equal(x, punto.X, 1);
        Assert.Equal(y, punto.Y, 1);
    }

    [Fact]
    public void Palmiras_town_centre_falls_where_the_box_and_the_viewbox_put_it()
    {
        var palmira = GeografiaDePrueba.DePalmira;
        var caja = palmira.Limite.EnvelopeInternal;
        var proyeccion = palmira.Proyeccion;
        var vista = VistaMapa.Completa(proyeccion);
        const double lat = 3.5324, lon = -76.2986;
        const double margen = ProyeccionMapa.MargenPredeterminado;

        // Independently of the projection's code: the town's share of the box's width and height, laid on the viewBox
        // less its margins; and the viewBox's shape is the box's, a degree of longitude counting cos(middle latitude).
        var fx = (lon - caja.MinX) / caja.Width;
        var fy = (caja.MaxY - lat) / caja.Height;
        var esperadoX = vista.X + margen + fx * (vista.Ancho - 2 * margen);
        var esperadoY = vista.Y + margen + fy * (vista.Alto - 2 * margen);
        var cos = Math.Cos((caja.MinY + caja.MaxY) / 2 * Math.PI / 180);

        var (x, y) = proyeccion.Proyectar(lat, lon);

        Assert.Equal(caja.Height / (caja.Width * cos), (vista.Alto - 2 * margen) / (vista.Ancho - 2 * margen), 6);
        Assert.Equal((margen, margen), proyeccion.Proyectar(caja.MaxY, caja.MinX)); // the box's corners sit on the margins
        var sureste = proyeccion.Proyectar(caja.MinY, caja.MaxX);
        Assert.Equal(vista.Ancho - margen, sureste.X, 6);
        Assert.Equal(vista.Alto - margen, sureste.Y, 6);
        Assert.InRange(x, esperadoX - 1, esperadoX + 1);
        Assert.InRange(y, esperadoY - 1, esperadoY + 1);
        // By hand from the README's box (lon -76.4918..-75.9502, lat 3.4503..3.7180): x = 20 + 0.3567 × 960 ≈ 362.4;
        // the map is 960 × 0.2677 / (0.5416 × cos 3.584°) + 40 ≈ 515.4 high; y = 20 + 0.6933 × 475.4 ≈ 349.6.
        Assert.Equal(1000, vista.Ancho);
        Assert.InRange(vista.Alto, 514.4, 516.4);
        Assert.InRange(x, 361.4, 363.4);
        Assert.InRange(y, 348.6, 350.6);
    }

    [Fact]
    public void A_polygon_with_a_hole_becomes_one_path_with_a_closed_subpath_per_ring()
    {
        var factory = new GeometryFactory();
        var exterior = factory.CreateLinearRing([new(0, 0), new(2, 0), new(2, 2), new(0, 2), new(0, 0)]);
        var hueco = factory.CreateLinearRing([new(0.5, 0.5), new(0.5, 1.5), new(1.5, 1.5), new(0.5, 0.5)]);
        var poligono = factory.CreatePolygon(exterior, [hueco]);
        // Box 0..2 × 0..2 at the equator-ish: cos(1°) = 0.99985, so 1000 / (2 × 0.99985) = 500.08 units per degree of latitude.
        var proyeccion = ProyeccionMapa.Para(poligono.EnvelopeInternal, margen: 0);

        var d = proyeccion.Trazado(poligono);

        Assert.Equal("M0 1000.2 L1000 1000.2 L1000 0 L0 0 L0 1000.2 Z M250 750.1 L250 250 L750 250 L250 750.1 Z", d);
    }
}
