using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Monitor;

/// <summary>The Monitor's snapshot as the server uses it: background rebuilds, a fixed number of streamed passes, summaries cached per window.</summary>
public sealed class MonitorSnapshotLiveTests
{
    private static readonly Modalidades Catalog = Modalidades.Load(Path.Combine(AppContext.BaseDirectory, "data", "modalidades.csv"));

    [Fact]
    public async Task A_build_streams_each_table_in_a_fixed_number_of_passes_whatever_the_number_of_rows()
    {
        using var testDb = new TestDb();
        await SeedAsync(testDb);
        var factory = new RecordingFactory(testDb);

        var data = await new MonitorSnapshot(factory, new DataChangedNotifier(), Catalog).GetAsync();

        Assert.NotEmpty(data.Proveedores);
        Assert.NotEmpty(data.Adjudicaciones);
        // Each table once for the document each supplier code stands for, once for its rows; bids once more for their count per process.
        foreach (var (table, passes) in new[] { ("Procesos", 2), ("Contratos", 2), ("Proveedores", 2), ("Ofertas", 2), ("Proponentes", 3) })
            Assert.Equal(passes, factory.Commands.Count(sql => sql.Contains($"FROM \"{table}\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task After_a_change_readers_get_the_previous_version_at_once_until_the_rebuilt_one_is_swapped_in()
    {
        using var testDb = new TestDb();
        await SeedAsync(testDb);
        var factory = new RecordingFactory(testDb);
        var notifier = new DataChangedNotifier();
        var snapshot = new MonitorSnapshot(factory, notifier, Catalog);
        var first = await snapshot.GetAsync();
        await using (var db = testDb.CreateDbContext())
        {
            db.Contratos.Add(new Contrato { IdContrato = "C9", NitEntidad = "891380007", DocumentoProveedor = "900777777", EstadoContrato = "En ejecución",
                FechaDeFirma = new(2026, 5, 1), ProveedorAdjudicado = "NUEVO PROVEEDOR SAS", Source = "demo" });
            await db.SaveChangesAsync();
        }

        factory.Gate = new TaskCompletionSource(); // the rebuild cannot reach the database yet
        var change = notifier.NotifyAsync();
        var during = await snapshot.GetAsync().WaitAsync(TimeSpan.FromSeconds(15));
        factory.Gate.SetResult();
        await change.WaitAsync(TimeSpan.FromSeconds(15));
        var after = await snapshot.GetAsync();

        Assert.Same(first, during);
        Assert.DoesNotContain(during.Proveedores, p => p.Id == "900777777");
        Assert.Contains(after.Proveedores, p => p.Id == "900777777");
    }

    [Fact]
    public async Task The_window_summaries_are_computed_once_per_snapshot_and_shared_by_every_request()
    {
        using var testDb = new TestDb();
        await SeedAsync(testDb);
        var data = await new MonitorSnapshot(testDb, new DataChangedNotifier(), Catalog).GetAsync();
        var all = MonitorFilter.Parse(new QueryReader(_ => null), Catalog, 2026);
        var women = MonitorFilter.Parse(new QueryReader(name => name == "mujer" ? "si" : null), Catalog, 2026);

        var first = MonitorQuery.Apply(data, all, 3, ["Palmira"]);
        var again = MonitorQuery.Apply(data, all, 3, ["Palmira"]);
        var filtered = MonitorQuery.Apply(data, women, 3, ["Palmira"]);

        var r = Assert.Single(first);
        Assert.Same(r, again[0]);
        Assert.Same(r, filtered[0]);
        var direct = MonitorCounts.Resumen(data.Proveedores.Single(p => p.Id == r.Id), 2021, 2026, 3, ["Palmira"], data.HistoriaDesde);
        Assert.Equal((direct.Participaciones, direct.Adjudicaciones, direct.TasaExito, direct.Mujer), (r.Participaciones, r.Adjudicaciones, r.TasaExito, r.Mujer));
        Assert.Equal((2, 1, 0.5, TriState.Si), (r.Participaciones, r.Adjudicaciones, r.TasaExito, r.Mujer));
    }

    [Fact]
    public async Task With_the_monitor_s_options_each_build_computes_the_default_window_s_list_and_alerts_before_readers_get_it()
    {
        using var testDb = new TestDb();
        await SeedAsync(testDb);
        var today = TestClock.At(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.FromHours(-5)));

        var warmed = await new MonitorSnapshot(testDb, new DataChangedNotifier(), Catalog, null, Options.Create(new MonitorOptions()), today).GetAsync();
        var plain = await new MonitorSnapshot(testDb, new DataChangedNotifier(), Catalog).GetAsync();

        Assert.Equal([(2021, 2026)], warmed.VentanasConAlertas);
        Assert.Equal([(2021, 2026)], warmed.VentanasConLista);
        Assert.Empty(plain.VentanasConAlertas);
        Assert.Empty(plain.VentanasConLista);
    }

    /// <summary>One supplier: awarded CO1.REQ.1 (with a contract, legal representative a woman) and bidding on CO1.REQ.2.</summary>
    private static async Task SeedAsync(TestDb testDb)
    {
        await using var db = testDb.CreateDbContext();
        await db.Database.MigrateAsync();
        db.Proveedores.Add(new ProveedorRegistrado { Codigo = "718", Nit = "901623692", Nombre = "SOLUCIONES M Y T SAS", Municipio = "Palmira", Source = "demo" });
        db.Procesos.AddRange(
            new Proceso { IdDelProceso = "CO1.REQ.1", IdDelPortafolio = "CO1.BDOS.1", NitEntidad = "891380007", FechaPublicacion = new(2024, 2, 1), Modalidad = "Mínima cuantía",
                Adjudicado = true, CodigoProveedor = "718", Source = "demo" },
            new Proceso { IdDelProceso = "CO1.REQ.2", IdDelPortafolio = "CO1.BDOS.2", NitEntidad = "891380007", FechaPublicacion = new(2025, 3, 1), Modalidad = "Mínima cuantía",
                Adjudicado = false, Source = "demo" });
        db.Proponentes.Add(new Proponente { Id = "CO1.REQ.2|718", IdProcedimiento = "CO1.REQ.2", CodigoProveedor = "718", Source = "demo" });
        db.Contratos.Add(new Contrato { IdContrato = "C1", ProcesoDeCompra = "CO1.BDOS.1", NitEntidad = "891380007", DocumentoProveedor = "901623692",
            EstadoContrato = "En ejecución", FechaDeFirma = new(2024, 2, 20), ValorDelContrato = 7_000_000, GeneroRepresentanteLegal = "Mujer", Source = "demo" });
        await db.SaveChangesAsync();
    }

    /// <summary>The test database, recording every query and able to hold new contexts back until <see cref="Gate"/> opens.</summary>
    private sealed class RecordingFactory(TestDb testDb) : IDbContextFactory<AppDbContext>
    {
        public ConcurrentQueue<string> Commands { get; } = new();
        public TaskCompletionSource Gate { get; set; } = Opened();

        public AppDbContext CreateDbContext() => testDb.Settings.CreateDbContext(o => o.AddInterceptors(new Recorder(Commands)));

        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            await Gate.Task.WaitAsync(cancellationToken);
            return CreateDbContext();
        }

        private static TaskCompletionSource Opened()
        {
            var open = new TaskCompletionSource();
            open.SetResult();
            return open;
        }
    }

    private sealed class Recorder(ConcurrentQueue<string> commands) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            commands.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
