using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Monitor;

/// <summary>The benchmark command itself works (its timings are read by people, never asserted here).</summary>
public sealed class MonitorBenchmarkTests
{
    [Fact]
    public async Task The_benchmark_fills_a_scratch_database_and_reports_every_query_and_the_alerts()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await MonitorBenchmark.RunAsync(["--suppliers", "200", "--bids", "2000", "--runs", "2"], output, error, TestClock.At(TestHost.Today));

        Assert.True(code == 0, error.ToString());
        var text = output.ToString();
        Assert.Contains("Datos sintéticos: 200 proveedores, 2.000 ofertas en 200 procesos", text);
        Assert.Equal(MonitorBenchmark.Queries.Length + 1, text.Split('\n').Count(l => l.TrimStart().StartsWith("p50", StringComparison.Ordinal)));
        Assert.Contains("?(alertas)", text);
        Assert.Contains("?desde=2021&hasta=2021", text); // five years before the clock's
        Assert.Contains("Peor p95:", text);
    }

    [Fact]
    public async Task Bad_arguments_exit_with_code_2_the_reason_and_the_usage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(2, await MonitorBenchmark.RunAsync(["--bids", "pocas"], output, error));
        Assert.Equal("Error: --bids debe ser un número entero ≥ 10, no 'pocas'. uso: OpenLicitaciones benchmark monitor " +
            "[--suppliers <n ≥ 10>] [--bids <n ≥ 10>] [--runs <n ≥ 1>]", error.ToString().Trim());
        Assert.Equal("", output.ToString());
    }
}
