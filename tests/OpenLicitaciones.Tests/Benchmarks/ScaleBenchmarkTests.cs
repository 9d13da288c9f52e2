using System.Text.Json;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Benchmarks;

namespace OpenLicitaciones.Tests.Benchmarks;

/// <summary>The scale benchmark's arithmetic and wiring, on the smallest input (one synthetic entity); never its times.</summary>
public sealed class ScaleBenchmarkTests
{
    [Theory]
    [InlineData("entity", 1)]
    [InlineData("department", 240)]
    [InlineData("national", 2_080)]
    public void Each_scale_has_its_number_of_entities(string scale, int entities) => Assert.Equal(entities, ScaleBenchmark.EntitiesFor(scale));

    [Theory]
    [InlineData(30, 100, 0.3)]
    [InlineData(300, 100, 3)]
    [InlineData(5, 0, 0)] // no reference measured: no ratio, rather than infinity
    public void A_ratio_is_the_value_over_its_reference(double value, double reference, double ratio) =>
        Assert.Equal(ratio, ScaleBenchmark.Ratio(value, reference), 6);

    [Theory]
    [InlineData(1_000, 0, 2.0, 500)]
    [InlineData(0, 0, 2.0, 0)]
    public void Rows_per_second_divide_rows_by_seconds(long rows, long written, double seconds, double perSecond) =>
        Assert.Equal(perSecond, new IngestPass(rows, written, 0, TimeSpan.FromSeconds(seconds)).RowsPerSecond, 6);

    [Theory]
    [InlineData("ingesta", ScaleBenchmark.Parts.Ingesta)]
    [InlineData("vistas,consultas", ScaleBenchmark.Parts.Vistas | ScaleBenchmark.Parts.Consultas)]
    [InlineData("consultas, ingesta,consultas", ScaleBenchmark.Parts.Consultas | ScaleBenchmark.Parts.Ingesta)]
    [InlineData("ingesta,vistas,consultas", ScaleBenchmark.Parts.All)]
    public void Parts_are_read_from_a_comma_separated_list(string text, ScaleBenchmark.Parts parts)
    {
        Assert.Equal(parts, ScaleBenchmark.ParseParts(text, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("carga", "--partes admite ingesta, vistas, consultas, no 'carga'")]
    [InlineData("ingesta,", "--partes lleva nombres separados por comas (ingesta, vistas, consultas), no 'ingesta,'")]
    [InlineData("Ingesta", "--partes admite ingesta, vistas, consultas, no 'Ingesta'")]
    public void An_unknown_part_is_refused_with_a_spanish_reason(string text, string reason)
    {
        Assert.Null(ScaleBenchmark.ParseParts(text, out var problem));
        Assert.Equal(reason, problem);
    }

    [Fact]
    public async Task The_command_line_refuses_an_unknown_part_with_code_2()
    {
        var error = new StringWriter();

        var code = await Cli.InvokeAsync(Cli.Create(), ["benchmark", "--partes", "ingesta,memoria"], new StringWriter(), error);

        Assert.Equal(Cli.BadArguments, code);
        Assert.StartsWith("Error: --partes admite ingesta, vistas, consultas, no 'memoria'.", error.ToString());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgresql)]
    public async Task Only_the_ingest_is_measured_when_it_is_the_only_part_asked(DatabaseProvider provider)
    {
        var json = Path.Combine(Path.GetTempPath(), $"ol-benchmark-test-{Guid.NewGuid():N}.json");
        try
        {
            var output = new StringWriter();
            var server = provider == DatabaseProvider.Postgresql ? OpenLicitaciones.Tests.Support.TestPostgres.Server : null;
            var options = new ScaleBenchmark.Options("prueba", 1, provider, server, json, Measure: ScaleBenchmark.Parts.Ingesta);

            var code = await ScaleBenchmark.RunAsync(options, output, new StringWriter(), CancellationToken.None);

            Assert.True(code == 0, output.ToString());
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var ingest = report.RootElement.GetProperty("Ingest");
            Assert.InRange(ingest.GetProperty("Rows").GetInt64(), 10_000, 30_000);
            Assert.Equal(ingest.GetProperty("Rows").GetInt64(), ingest.GetProperty("ResyncRows").GetInt64());
            Assert.Equal(0, ingest.GetProperty("ResyncRowsWritten").GetInt64());
            Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("Views").ValueKind);
            Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("Queries").ValueKind);
            Assert.DoesNotContain("Vistas derivadas", output.ToString());
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public async Task One_entity_is_loaded_by_the_sync_and_by_the_engine_and_a_second_pass_writes_nothing()
    {
        var json = Path.Combine(Path.GetTempPath(), $"ol-benchmark-test-{Guid.NewGuid():N}.json");
        try
        {
            var (output, error) = (new StringWriter(), new StringWriter());
            var code = await ScaleBenchmark.RunAsync(new ScaleBenchmark.Options("prueba", 1, DatabaseProvider.Sqlite, null, json), output, error, CancellationToken.None);

            Assert.True(code == 0, $"{output}\n{error}");
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var ingest = report.RootElement.GetProperty("Ingest");
            var rows = ingest.GetProperty("Rows").GetInt64();
            Assert.InRange(rows, 10_000, 30_000); // one demo entity: about 18,000 rows in seven datasets
            Assert.Equal(rows, ingest.GetProperty("ResyncRows").GetInt64());
            Assert.Equal(0, ingest.GetProperty("ResyncRowsWritten").GetInt64());
            Assert.True(ingest.GetProperty("BulkRowsPerSecond").GetDouble() > 0);
            // Built by `benchmark vistas` in a process of its own: its peak is a server's.
            var views = report.RootElement.GetProperty("Views");
            Assert.True(views.GetProperty("BancoRows").GetInt32() > 0);
            Assert.True(views.GetProperty("MonitorSuppliers").GetInt32() > 0);
            Assert.True(views.GetProperty("CapacidadFamilias").GetInt32() > 0);
            var cifras = views.GetProperty("IndicadoresResultados").GetInt32();
            Assert.True(cifras >= 14 * (6 + 21) && cifras % 14 == 0, $"{cifras}"); // 14 figures over six years and the quarters begun
            // Every main view answers with rows: the benchmark's database is started as the app starts one (the registry seeded).
            Assert.All(report.RootElement.GetProperty("Queries").EnumerateArray(),
                q => Assert.True(q.GetProperty("Rows").GetInt32() > 0, q.GetProperty("View").GetString()));
            Assert.InRange(views.GetProperty("PeakRssBytes").GetInt64(), 1, Environment.WorkingSet * 4L);
            Assert.True(report.RootElement.GetProperty("Storage").GetProperty("Bytes").GetInt64() > 0);
        }
        finally
        {
            File.Delete(json);
        }
    }
}
