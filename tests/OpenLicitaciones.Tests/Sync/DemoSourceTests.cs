using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Sync;

public sealed class DemoSourceTests
{
    private static readonly DateTime Today = new(2026, 11, 22);

    [Fact]
    public void The_generator_is_deterministic_and_writes_the_api_shape()
    {
        var first = new DemoGenerator([TestEntities.Palmira], Today).Generate();
        var second = new DemoGenerator([TestEntities.Palmira], Today).Generate();

        foreach (var (dataset, rows) in first)
        {
            Assert.NotEmpty(rows);
            Assert.Equal(rows.Select(r => r.ToJsonString()), second[dataset].Select(r => r.ToJsonString()));
            foreach (var row in rows)
                foreach (var (key, value) in row)
                    Assert.True(value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String
                                || value is JsonObject { Count: 1 } o && o.ContainsKey("url"),
                        $"{dataset}.{key} is not a string or url object: {value?.ToJsonString() ?? "null"}");
        }
        Assert.Contains(first["p6dx-8zbt"], r => ((string?)r["codigo_principal_de_categoria"])!.StartsWith("V1.", StringComparison.Ordinal));
        Assert.Contains(first["jbjy-vk9h"], r => (string?)r["nit_entidad"] == "8913800073"); // check digit glued on, as in the API
        Assert.Contains(first["jbjy-vk9h"], r => (string?)r["g_nero_representante_legal"] == "No Definido");
    }

    [Fact]
    public void The_demo_follows_the_published_facts()
    {
        var rows = new DemoGenerator([TestEntities.Palmira], Today).Generate();
        var processes = rows["p6dx-8zbt"];
        var contracts = rows["jbjy-vk9h"];
        int Year(JsonObject r, string field) => int.Parse(((string)r[field]!)[..4]);

        // Six years of history, through the current one.
        Assert.Equal(Enumerable.Range(2021, 6), processes.Select(r => Year(r, "fecha_de_publicacion_del")).Distinct().Order());
        Assert.Equal(Enumerable.Range(2021, 6), rows["9sue-ezhx"].Select(r => int.Parse((string)r["annio"]!)).Distinct().Order());

        // Direct contracting is most of the volume (FINDINGS §3: 75.7 % in 2025).
        var directShare = processes.Count(r => (string?)r["modalidad_de_contratacion"] == "Contratación directa") / (double)processes.Count;
        Assert.InRange(directShare, 0.65, 0.9);

        // Bidders per competitive process: about 1.6 before 2022 and about 5.7 after (FACTS.md).
        var bidders = rows["hgi6-6wh3"].GroupBy(r => (string)r["id_procedimiento"]!)
            .Select(g => (Year: Year(g.First(), "fecha_publicaci_n"), Count: g.Count())).ToList();
        Assert.InRange(bidders.Where(b => b.Year < 2022).Average(b => b.Count), 1.2, 2.4);
        Assert.InRange(bidders.Where(b => b.Year >= 2023).Average(b => b.Count), 4.0, 6.5);

        // Recording the representative's gender grows from rare to common (4 % in 2020, 37 % in 2022).
        double Coverage(int year) => contracts.Where(r => Year(r, "fecha_de_firma") == year)
            .Average(r => (string?)r["g_nero_representante_legal"] == "No Definido" ? 0.0 : 1.0);
        Assert.True(Coverage(2021) < Coverage(2022) && Coverage(2022) < Coverage(2025), $"{Coverage(2021)} {Coverage(2022)} {Coverage(2025)}");

        // Food (UNSPSC segment 50) from the demo producer organisations (their NITs are in data/productores_demo.json) and
        // the school-feeding programme (PAE); never a sale invented for a real, named association of data/associations.json.
        Assert.Contains(contracts, r => ((string)r["codigo_de_categoria_principal"]!).StartsWith("V1.50", StringComparison.Ordinal)
                                         && ((string?)r["documento_proveedor"])?.StartsWith("9012003", StringComparison.Ordinal) == true);
        string[] reales = ["AGROPLATANO", "ASOPHUEPA", "ASONCAR", "ASOCABUYAL", "ASOPEPCO", "ASOCOPALVA", "ASOTOCHE", "ASOCAMPROL"];
        Assert.DoesNotContain(contracts.Concat(processes), r => reales.Any(a => r.ToJsonString().Contains(a, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(processes, r => ((string)r["descripci_n_del_procedimiento"]!).Contains("PAE", StringComparison.Ordinal));
        Assert.Contains(contracts, r => (string?)r["es_pyme"] == "Si");

        // Demo suppliers say so.
        Assert.All(rows["qmzu-gj57"], r => Assert.EndsWith("(demo)", (string)r["nombre"]!));
        // Some processes of this year are still open to offers.
        Assert.Contains(processes, r => (string?)r["estado_del_procedimiento"] == "Publicado"
                                        && DateTime.Parse((string)r["fecha_de_recepcion_de"]!, System.Globalization.CultureInfo.InvariantCulture) > Today);
    }

    [Fact]
    public async Task A_full_demo_sync_stores_every_dataset_without_quarantine_and_a_second_run_adds_no_duplicates()
    {
        using var testDb = new TestDb();
        using var host = await TestHost.StartAsync(testDb);
        var sync = host.Services.GetRequiredService<SecopSync>();

        var first = await sync.RunAllAsync(CancellationToken.None);
        var counts = await Counts(testDb);
        var second = await sync.RunAllAsync(CancellationToken.None);

        Assert.All(first, r => Assert.True(r.Succeeded, r.Error));
        Assert.All(first, r => Assert.Equal(0, r.RowsQuarantined));
        Assert.All(first, r => Assert.True(r.RowsUpserted > 0, r.Dataset));
        Assert.All(second, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(counts, await Counts(testDb));
        await using var db = testDb.CreateDbContext();
        Assert.Equal(6, await db.PaaVigentes.CountAsync());
        Assert.Equal(14, await db.SyncRuns.CountAsync(r => r.Error == null && r.Source == "demo"));
        Assert.All(await db.SyncCheckpoints.ToListAsync(), c => Assert.Equal("demo", c.Source));
    }

    [Fact]
    public async Task The_first_live_page_removes_demo_rows_in_the_same_transaction()
    {
        using var testDb = new TestDb();
        var live = new OneLiveProcess();
        using (var host = await TestHost.StartAsync(testDb))
            await host.Services.GetRequiredService<SecopSync>().RunAsync(new ProcesosDataset(), CancellationToken.None);
        using (var host = await TestHost.StartAsync(testDb, services: s => s.AddSingleton<IRowSource>(live)))
        {
            var result = await host.Services.GetRequiredService<SecopSync>().RunAsync(new ProcesosDataset(), CancellationToken.None);
            Assert.True(result.Succeeded, result.Error);
        }

        await using var db = testDb.CreateDbContext();
        var stored = await db.Procesos.ToListAsync();
        Assert.Equal("CO1.REQ.1", Assert.Single(stored).IdDelProceso);
        Assert.Equal("socrata", stored[0].Source);
        Assert.Equal("socrata", (await db.SyncCheckpoints.SingleAsync()).Source);
        Assert.Null(live.FirstCursor); // a checkpoint from another source is not resumed
    }

    [Fact]
    public async Task A_dataset_already_being_synced_elsewhere_is_not_synced_twice()
    {
        using var testDb = new TestDb();
        using var host = await TestHost.StartAsync(testDb);
        await using (var db = testDb.CreateDbContext())
        {
            db.SyncLeases.Add(new SyncLease { Dataset = "p6dx-8zbt", Holder = "otro-proceso", ExpiresAt = TestHost.Today.UtcDateTime.AddHours(1) });
            await db.SaveChangesAsync();
        }

        var result = await host.Services.GetRequiredService<SecopSync>().RunAsync(new ProcesosDataset(), CancellationToken.None);

        Assert.Equal("p6dx-8zbt: otra sincronización de este conjunto está en curso", result.Error);
        await using var read = testDb.CreateDbContext();
        Assert.Equal(0, await read.Procesos.CountAsync());
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over()
    {
        using var testDb = new TestDb();
        using var host = await TestHost.StartAsync(testDb);
        await using (var db = testDb.CreateDbContext())
        {
            db.SyncLeases.Add(new SyncLease { Dataset = "p6dx-8zbt", Holder = "proceso-caído", ExpiresAt = new DateTime(2026, 1, 1) });
            await db.SaveChangesAsync();
        }

        var result = await host.Services.GetRequiredService<SecopSync>().RunAsync(new ProcesosDataset(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        await using var read = testDb.CreateDbContext();
        Assert.Empty(await read.SyncLeases.ToListAsync()); // released when the run ended
    }

    [Fact]
    public async Task Start_up_loads_only_the_datasets_an_interrupted_first_load_left_undone()
    {
        using var testDb = new TestDb();
        using var host = await TestHost.StartAsync(testDb);
        await using (var db = testDb.CreateDbContext())
        {
            db.SyncRuns.Add(new SyncRun { Dataset = "p6dx-8zbt", Source = "demo", StartedAt = new(2026, 11, 22), FinishedAt = new(2026, 11, 22) });
            db.SyncRuns.Add(new SyncRun { Dataset = "jbjy-vk9h", Source = "demo", StartedAt = new(2026, 11, 22), FinishedAt = new(2026, 11, 22), Error = "cancelada" });
            await db.SaveChangesAsync();
        }

        await host.Services.LoadMissingDatasetsAsync();

        await using var read = testDb.CreateDbContext();
        Assert.Equal(0, await read.Procesos.CountAsync()); // p6dx had loaded once: left to its schedule
        Assert.True(await read.Contratos.CountAsync() > 0);
        Assert.Equal(SecopDatasets.All.Select(d => d.Id).Where(d => d != "p6dx-8zbt").Order(),
            (await read.SyncRuns.Where(r => r.Error == null && r.Dataset != "p6dx-8zbt").Select(r => r.Dataset).ToListAsync()).Order());
    }

    private static async Task<Dictionary<string, int>> Counts(TestDb testDb)
    {
        await using var db = testDb.CreateDbContext();
        return new Dictionary<string, int>
        {
            ["procesos"] = await db.Procesos.CountAsync(), ["contratos"] = await db.Contratos.CountAsync(),
            ["paa"] = await db.PaaLines.CountAsync(), ["encabezados"] = await db.PaaHeaders.CountAsync(),
            ["proponentes"] = await db.Proponentes.CountAsync(), ["ofertas"] = await db.Ofertas.CountAsync(),
            ["proveedores"] = await db.Proveedores.CountAsync(),
        };
    }

    private sealed class OneLiveProcess : IRowSource
    {
        public SodaCursor? FirstCursor { get; private set; } = new("unset", "unset");
        private bool _served;
        public string Name => "socrata";

        public Task<IReadOnlyList<JsonObject>> FetchPageAsync(SodaQuery query, CancellationToken ct)
        {
            if (FirstCursor is { UpdatedAt: "unset" }) FirstCursor = query.After;
            IReadOnlyList<JsonObject> page = _served ? [] :
            [
                new JsonObject
                {
                    [":id"] = "row-live-1", [":updated_at"] = "2026-11-20T00:00:00.000Z", ["id_del_proceso"] = "CO1.REQ.1", ["nit_entidad"] = "891380007",
                },
            ];
            _served = true;
            return Task.FromResult(page);
        }
    }
}
