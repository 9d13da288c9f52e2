using OpenLicitaciones.Features.Benchmarks;

namespace OpenLicitaciones.Tests.Benchmarks;

public sealed class LatencyTests
{
    // Nearest rank: the p-th percentile of n sorted samples is the ⌈p·n⌉-th one.
    [Theory]
    [InlineData(new[] { 7.0 }, 1, 7.0, 7.0, 7.0)]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 3, 2.0, 3.0, 3.0)] // ⌈1.5⌉ = 2nd, ⌈2.85⌉ = 3rd
    [InlineData(new[] { 40.0, 10.0, 1000.0, 30.0, 20.0 }, 5, 30.0, 1000.0, 1000.0)] // ⌈2.5⌉ = 3rd, ⌈4.75⌉ = 5th
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0, 20.0 },
        20, 10.0, 19.0, 20.0)] // ⌈10⌉ = 10th, ⌈19⌉ = 19th
    [InlineData(new[] { 5.0, 5.0, 1.0, 5.0 }, 4, 5.0, 5.0, 5.0)] // sorted 1 5 5 5: ⌈2⌉ = 2nd, ⌈3.8⌉ = 4th
    [InlineData(new double[0], 0, 0.0, 0.0, 0.0)]
    public void Percentiles_are_the_nearest_rank_of_the_sorted_samples(double[] samples, int count, double p50, double p95, double max)
    {
        var latency = Latency.From(samples);

        Assert.Equal(new Latency(count, p50, p95, max), latency);
    }
}
