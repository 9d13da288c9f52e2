using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;

namespace OpenLicitaciones.Features.Productores;

/// <summary>From longitude/latitude to the map's SVG coordinates (viewBox 0 0 <see cref="Ancho"/> <see cref="Alto"/>).</summary>
public sealed class ProyeccionMapa
{
    public const double AnchoPredeterminado = 1000;
    public const double MargenPredeterminado = 20;

    private readonly double _oeste;
    private readonly double _norte;
    private readonly double _escalaX;
    private readonly double _escalaY;

    private ProyeccionMapa(double oeste, double norte, double escalaX, double escalaY, double ancho, double alto, double margen)
    {
        (_oeste, _norte, _escalaX, _escalaY) = (oeste, norte, escalaX, escalaY);
        (Ancho, Alto, Margen) = (ancho, alto, margen);
    }

    /// <summary>Width of the whole map in SVG units, margins included.</summary>
    public double Ancho { get; }

    /// <summary>Height of the whole map in SVG units, margins included: follows from the box's shape.</summary>
    public double Alto { get; }

    /// <summary>Empty border on every side, in SVG units.</summary>
    public double Margen { get; }

    /// <summary>A projection that fits <paramref name="caja"/> (X = longitude, Y = latitude) into the width, less the margins.</summary>
    public static ProyeccionMapa Para(Envelope caja, double ancho = AnchoPredeterminado, double margen = MargenPredeterminado)
    {
        if (caja.IsNull || caja.Width <= 0 || caja.Height <= 0) throw new ArgumentException("La caja del mapa no tiene ancho ni alto.", nameof(caja));
        if (ancho <= 2 * margen) throw new ArgumentOutOfRangeException(nameof(ancho), "El ancho debe ser mayor que los dos márgenes.");
        // Equirectangular: a degree of longitude is cos(latitude) degrees of latitude long, taken at the box's middle
        // latitude; over one municipality (tens of km) the error of using one latitude for all is far below a pixel.
        var cos = Math.Cos((caja.MinY + caja.MaxY) / 2 * Math.PI / 180);
        var escala = (ancho - 2 * margen) / (caja.Width * cos); // SVG units per degree of latitude
        return new ProyeccionMapa(caja.MinX, caja.MaxY, escala * cos, escala, ancho, caja.Height * escala + 2 * margen, margen);
    }

    /// <summary>SVG x grows to the east, y to the south (SVG's y axis points down).</summary>
    public (double X, double Y) Proyectar(double latitud, double longitud) =>
        (Margen + (longitud - _oeste) * _escalaX, Margen + (_norte - latitud) * _escalaY);

    /// <summary>The inverse of <see cref="Proyectar"/>: the latitude and longitude under an SVG point (a click on the map).</summary>
    public (double Latitud, double Longitud) Desproyectar(double x, double y) =>
        (_norte - (y - Margen) / _escalaY, _oeste + (x - Margen) / _escalaX);

    /// <summary>An SVG path ("d") for a polygonal geometry: one closed sub-path per ring, for fill-rule evenodd.</summary>
    public string Trazado(Geometry geometria)
    {
        var d = new StringBuilder();
        for (var i = 0; i < geometria.NumGeometries; i++)
        {
            if (geometria.GetGeometryN(i) is not Polygon poligono) continue;
            Anillo(d, poligono.ExteriorRing);
            foreach (var hueco in poligono.InteriorRings) Anillo(d, hueco);
        }
        return d.ToString().TrimEnd();
    }

    private void Anillo(StringBuilder d, LineString anillo)
    {
        var coordenadas = anillo.Coordinates;
        for (var i = 0; i < coordenadas.Length; i++)
        {
            var (x, y) = Proyectar(coordenadas[i].Y, coordenadas[i].X);
            d.Append(i == 0 ? 'M' : 'L').Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(' ')
                .Append(y.ToString("0.#", CultureInfo.InvariantCulture)).Append(' ');
        }
        d.Append("Z ");
    }
}
