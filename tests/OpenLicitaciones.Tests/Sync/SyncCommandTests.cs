using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;
using static OpenLicitaciones.Tests.Sync.ProcesoRows;

namespace OpenLicitaciones.Tests.Sync;

/// <summary>The `sync` command in-process, with the settings file copied next to the tests, against a fake SODA server.</summary>
public sealed class SyncCommandTests : IAsyncLifetime
{
    private readonly TestDb _db = new();
    private FakeSodaServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeSodaServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Sync_from_socrata_fills_the_database_and_a_second_run_keeps_the_same_rows()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")), "the CLI reads appsettings.json next to the tests");
        _fake.Put(Dataset, Many(10));
        _fake.Put(Dataset, Row(11, nit: "899999027"));
        string[] args = ["--source", "socrata", "--base-url", _fake.BaseUrl, "--database", _db.Path, "--dataset", Dataset];

        var (first, firstOut, firstErr) = await RunAsync(args);

        Assert.True(first == 0, firstErr);
        Assert.Equal($"{Dataset} (socrata): 10 leídas, 10 guardadas, 0 en cuarentena", firstOut.Trim());
        Assert.Equal(10, await CountAsync());

        var (second, secondOut, secondErr) = await RunAsync(args);

        Assert.True(second == 0, secondErr);
        Assert.StartsWith($"{Dataset} (socrata):", secondOut);
        Assert.Equal(10, await CountAsync());
        await using var db = _db.CreateDbContext();
        var runs = await db.SyncRuns.ToListAsync();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal((Dataset, "socrata", (string?)null), (r.Dataset, r.Source, r.Error)));
        Assert.All(await db.Procesos.ToListAsync(), p => Assert.Equal("socrata", p.Source));
    }

    [Fact]
    public async Task Another_entity_by_nit_syncs_only_its_rows_and_passes_the_settings_checks()
    {
        _fake.Put(Dataset, Many(3));
        _fake.Put(Dataset, Row(11, nit: "899999027"));

        var (code, output, error) = await RunAsync(["--source", "socrata", "--base-url", _fake.BaseUrl, "--database", _db.Path, "--dataset", Dataset,
            "--entity-nit", "899999027"]);

        Assert.True(code == 0, error);
        Assert.Equal($"{Dataset} (socrata): 1 leídas, 1 guardadas, 0 en cuarentena", output.Trim());
        await using var db = _db.CreateDbContext();
        Assert.Equal(["899999027"], await db.Procesos.Select(p => p.NitEntidad).ToListAsync());
    }

    [Theory]
    [InlineData(new[] { "--source", "ftp" }, "--source debe ser demo o socrata")]
    [InlineData(new[] { "--dataset" }, "falta el valor de --dataset")]
    [InlineData(new[] { "--dataset", "--source", "demo" }, "falta el valor de --dataset")]
    [InlineData(new[] { "--database", "" }, "falta el valor de --database")]
    [InlineData(new[] { "--verbose", "si" }, "opción desconocida --verbose")]
    [InlineData(new[] { "--entity-nit", "abc" }, "no es un NIT")]
    [InlineData(new[] { "--dataset", "xxxx-0000" }, "'xxxx-0000' no es un conjunto conocido")]
    public async Task Bad_arguments_exit_with_code_2_and_a_one_line_reason(string[] args, string reason)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Error: ", line);
        Assert.Contains(reason, line);
    }

    [Fact]
    public async Task An_invalid_setting_exits_with_code_1_and_names_the_setting()
    {
        var (code, _, error) = await RunAsync(["--base-url", "datos.gov.co", "--database", _db.Path]);

        Assert.Equal(1, code);
        Assert.Equal("Error: configuración inválida: Sync:BaseUrl debe ser una URL absoluta, p. ej. https://www.datos.gov.co.", error.Trim());
    }

    [Fact]
    public async Task A_failing_dataset_exits_with_code_1_and_its_reason()
    {
        _fake.Put(Dataset, Many(3));
        _fake.On(1, new Fault.SoqlError("query.soql.no-such-column", "No such column: nit_entidad"));

        var (code, output, error) = await RunAsync(["--source", "socrata", "--base-url", _fake.BaseUrl, "--database", _db.Path, "--dataset", Dataset]);

        Assert.Equal(1, code);
        Assert.EndsWith("— FALLÓ", output.Trim());
        Assert.Equal("Error: datos.gov.co rechazó la consulta (HTTP 400, query.soql.no-such-column): No such column: nit_entidad", error.Trim());
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SyncCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<int> CountAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.Procesos.CountAsync();
    }
}
