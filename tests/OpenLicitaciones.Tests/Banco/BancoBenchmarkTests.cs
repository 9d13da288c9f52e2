using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Banco;

/// <summary>The benchmark command itself works (its timings are read by people, never asserted here).</summary>
public sealed class BancoBenchmarkTests
{
    [Fact]
    public async Task The_benchmark_fills_a_scratch_database_and_reports_every_query()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await BancoBenchmark.RunAsync(["--lines", "300", "--runs", "2"], output, error, TestClock.At(TestHost.Today));

        Assert.True(code == 0, error.ToString());
        var text = output.ToString();
        Assert.Contains("Datos sintéticos: 300 líneas del PAA", text);
        Assert.Contains("para 300 oportunidades", text);
        Assert.Equal(BancoBenchmark.Queries.Length, text.Split('\n').Count(l => l.TrimStart().StartsWith("p50", StringComparison.Ordinal)));
        Assert.Contains("?mesDesde=2026-03&mesHasta=2026-06", text); // the synthetic year is the clock's
        Assert.Contains("Peor p95:", text);
    }

    [Fact]
    public async Task The_scratch_database_is_deleted_with_its_journal_files()
    {
        string path;
        await using (var scratch = await OpenLicitaciones.Features.Benchmarks.BenchmarkDatabase.CreateAsync(OpenLicitaciones.Data.DatabaseProvider.Sqlite, null, CancellationToken.None))
        {
            path = scratch.File!;
            Assert.True(File.Exists(path));
        }
        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + "-wal"));
    }

    [Theory]
    [InlineData("--lines", "0", "--lines debe ser un número entero ≥ 1, no '0'")]
    [InlineData("--runs", "muchas", "--runs debe ser un número entero ≥ 1, no 'muchas'")]
    public async Task Bad_arguments_exit_with_code_2_the_reason_and_the_usage(string option, string value, string reason)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(2, await BancoBenchmark.RunAsync([option, value], output, error));
        Assert.Equal($"Error: {reason}. uso: OpenLicitaciones benchmark banco [--lines <n ≥ 1>] [--runs <n ≥ 1>]", error.ToString().Trim());
        Assert.Equal("", output.ToString());
    }
}
