namespace OpenLicitaciones.Features.Benchmarks;

/// <summary>How long a kind of work took: count, median, 95th percentile and worst, in milliseconds.</summary>
public sealed record Latency(int Count, double P50Ms, double P95Ms, double MaxMs)
{
    public static readonly Latency None = new(0, 0, 0, 0);

    /// <summary>Nearest-rank percentiles (the same rule as the other benchmarks), from samples in any order.</summary>
    public static Latency From(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToList();
        if (sorted.Count == 0) return None;
        return new Latency(sorted.Count, Benchmark.Percentile(sorted, 0.5), Benchmark.Percentile(sorted, 0.95), sorted[^1]);
    }
}
