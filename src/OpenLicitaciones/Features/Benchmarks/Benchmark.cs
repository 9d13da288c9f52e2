using System.Diagnostics;

namespace OpenLicitaciones.Features.Benchmarks;

/// <summary>What the benchmark commands share: a scratch database, warm timing runs and percentiles.</summary>
public static class Benchmark
{
    public sealed record Timing(string Query, int Rows, double P50Ms, double P95Ms, double MaxMs);

    /// <summary>Times <paramref name="work"/> (which returns the row count) over warm runs; the first three are not counted.</summary>
    public static Timing Measure(string query, int runs, Func<int> work)
    {
        var samples = new List<double>();
        var rows = 0;
        for (var i = 0; i < runs + 3; i++)
        {
            var clock = Stopwatch.StartNew();
            rows = work();
            clock.Stop();
            if (i >= 3) samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Summarise(query, rows, samples);
    }

    /// <summary>
    /// The same for work that awaits (a database query, a snapshot): warm runs, the first three not counted. With a
    /// <paramref name="budget"/>, one warm-up run, and the runs stop once the budget is spent and five are measured, so
    /// that a query taking seconds at a department's scale does not hold the benchmark for an hour.
    /// </summary>
    public static async Task<Timing> MeasureAsync(string query, int runs, Func<CancellationToken, Task<int>> work, CancellationToken ct = default,
        TimeSpan? budget = null)
    {
        var warmUp = budget is null ? 3 : 1;
        var samples = new List<double>();
        var rows = 0;
        var spent = Stopwatch.StartNew();
        for (var i = 0; i < runs + warmUp; i++)
        {
            var clock = Stopwatch.StartNew();
            rows = await work(ct);
            clock.Stop();
            if (i >= warmUp) samples.Add(clock.Elapsed.TotalMilliseconds);
            if (budget is { } b && samples.Count >= MinimumRuns && spent.Elapsed > b) break;
        }
        return Summarise(query, rows, samples);
    }

    public const int MinimumRuns = 5;

    private static Timing Summarise(string query, int rows, List<double> samples)
    {
        samples.Sort();
        return new Timing(query, rows, Percentile(samples, 0.5), Percentile(samples, 0.95), samples[^1]);
    }

    public static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static async Task WriteAsync(TextWriter output, IReadOnlyList<Timing> timings, int runs, string what)
    {
        await output.WriteLineAsync($"{what}, trabajo del servidor por petición ({runs} corridas en caliente por consulta):");
        foreach (var t in timings)
            await output.WriteLineAsync($"  p50 {t.P50Ms,7:F1} ms  p95 {t.P95Ms,7:F1} ms  máx {t.MaxMs,7:F1} ms  {t.Rows,6} filas  ?{t.Query}");
        await output.WriteLineAsync($"Peor p95: {timings.Max(t => t.P95Ms):F1} ms (meta: < 300 ms)");
    }
}
