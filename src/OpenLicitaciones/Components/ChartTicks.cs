namespace OpenLicitaciones.Components;

/// <summary>Whole-number steps for a chart's value axis: about five gridlines whatever the largest count is.</summary>
public static class ChartTicks
{
    public static int Step(double max)
    {
        if (max <= 5) return 1;
        var rough = max / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough);
        return (int)step;
    }
}
