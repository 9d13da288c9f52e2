using OpenLicitaciones.Features.Benchmarks;

namespace OpenLicitaciones.Tests.Benchmarks;

public sealed class LiveBenchmarkTests
{
    [Theory]
    [InlineData(1800, 0, "peor p95 1.800 ms, cumple")]
    [InlineData(2100, 0, "peor p95 2.100 ms, NO cumple")]
    [InlineData(900, 1, "peor p95 900 ms, NO cumple")] // a page that never showed a change fails the target whatever the others did
    public async Task The_report_judges_the_worst_pages_p95_against_two_seconds(double worstP95, int missed, string verdict)
    {
        var delays = new Dictionary<string, Latency>
        {
            ["/"] = Latency.From([400, 500, 600]),
            ["/indicadores"] = new(3, 700, worstP95, worstP95),
        };
        using var output = new StringWriter();

        await LiveBenchmark.WriteAsync(output, 3, delays, missed);

        var text = output.ToString();
        Assert.Contains("  /indicadores        3      700", text);
        Assert.EndsWith(verdict + Environment.NewLine, text);
        Assert.Equal(missed > 0, text.Contains("no mostró el cambio en 15 s", StringComparison.Ordinal));
    }
}
