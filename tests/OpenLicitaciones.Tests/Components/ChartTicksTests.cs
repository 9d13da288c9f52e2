using OpenLicitaciones.Components;

namespace OpenLicitaciones.Tests.Components;

public sealed class ChartTicksTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]     // 6 / 5 = 1.2 → next of 1, 2, 5, 10 is 2
    [InlineData(14, 5)]    // 2.8 → 5
    [InlineData(20, 5)]    // 4 → 5
    [InlineData(51, 20)]   // 10.2 → 20
    [InlineData(1000, 200)]
    public void The_value_axis_steps_give_about_five_whole_number_gridlines(double max, int step) =>
        Assert.Equal(step, ChartTicks.Step(max));
}
