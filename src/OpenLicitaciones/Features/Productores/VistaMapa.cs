using System.Globalization;

namespace OpenLicitaciones.Features.Productores;

/// <summary>
/// The part of the map on screen, in SVG units: the SVG's viewBox. It keeps the whole map's shape (so the page does
/// not jump when zooming) and never leaves the whole map's frame.
/// </summary>
public sealed record VistaMapa(double X, double Y, double Ancho, double Alto)
{
    /// <summary>The closest view shows one sixteenth of the map's width.</summary>
    public const double ZoomMaximo = 16;

    public static VistaMapa Completa(ProyeccionMapa proyeccion) => new(0, 0, proyeccion.Ancho, proyeccion.Alto);

    /// <summary>How many times closer than <paramref name="completa"/>: 1 is the whole map.</summary>
    public double Zoom(VistaMapa completa) => completa.Ancho / Ancho;

    public string ViewBox => string.Create(CultureInfo.InvariantCulture, $"{X:0.##} {Y:0.##} {Ancho:0.##} {Alto:0.##}");

    /// <summary>
    /// Zooms by <paramref name="factor"/> (above 1 closer, below 1 farther) keeping the SVG point (cx, cy) where it is on
    /// screen, then moves by (dx, dy) SVG units; the result stays within the zoom limits and the whole map.
    /// </summary>
    public VistaMapa Mover(VistaMapa completa, double factor = 1, double cx = double.NaN, double cy = double.NaN, double dx = 0, double dy = 0)
    {
        if (!double.IsFinite(factor) || factor <= 0) factor = 1;
        if (!double.IsFinite(cx) || !double.IsFinite(cy)) (cx, cy) = (X + Ancho / 2, Y + Alto / 2);
        if (!double.IsFinite(dx)) dx = 0;
        if (!double.IsFinite(dy)) dy = 0;
        var ancho = Math.Clamp(Ancho / factor, completa.Ancho / ZoomMaximo, completa.Ancho);
        var f = ancho / Ancho;
        var x = cx - (cx - X) * f + dx;
        var y = cy - (cy - Y) * f + dy;
        var alto = Alto * f;
        // Max before Min: rounding may leave the view a hair larger than the map, and then the map's corner wins.
        return new VistaMapa(Math.Max(completa.X, Math.Min(x, completa.X + completa.Ancho - ancho)),
            Math.Max(completa.Y, Math.Min(y, completa.Y + completa.Alto - alto)), ancho, alto);
    }

    /// <summary>Where an SVG point falls on screen, as percentages of the map's width and height (outside 0–100: not shown).</summary>
    public (double Izquierda, double Arriba) Porcentaje(double x, double y) => ((x - X) / Ancho * 100, (y - Y) / Alto * 100);
}
