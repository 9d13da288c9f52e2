using OpenLicitaciones.Features.Benchmarks;

namespace OpenLicitaciones.Tests.Benchmarks;

public sealed class BenchmarkTests
{
    [Fact]
    public async Task MeasureAsync_runs_three_warm_ups_plus_the_runs_and_reports_the_last_row_count()
    {
        var calls = 0;
        var timing = await Benchmark.MeasureAsync("q=x", 5, async ct =>
        {
            await Task.Yield();
            return ++calls * 10;
        });

        Assert.Equal(8, calls);
        Assert.Equal(("q=x", 80), (timing.Query, timing.Rows));
        Assert.True(timing.P50Ms <= timing.P95Ms && timing.P95Ms <= timing.MaxMs);
    }

    [Theory]
    [InlineData(30, 0, 6)]   // a spent budget: one warm-up, then the minimum of five
    [InlineData(3, 0, 4)]    // fewer runs asked than the minimum: the runs asked
    [InlineData(30, 600, 31)] // a budget that lasts: every run asked
    public async Task MeasureAsync_with_a_budget_warms_up_once_and_stops_once_it_is_spent_after_five_runs(int runs, int budgetSeconds, int expectedCalls)
    {
        var calls = 0;
        await Benchmark.MeasureAsync("q", runs, _ => Task.FromResult(++calls), CancellationToken.None, TimeSpan.FromSeconds(budgetSeconds));

        Assert.Equal(expectedCalls, calls);
    }

    [Theory]
    [InlineData(0.5, 3)] // the median of 1..5
    [InlineData(0.95, 5)]
    [InlineData(0.2, 1)]
    [InlineData(0.0, 1)]
    public void Percentile_is_the_nearest_rank(double p, double expected) =>
        Assert.Equal(expected, Benchmark.Percentile([1, 2, 3, 4, 5], p));
}
