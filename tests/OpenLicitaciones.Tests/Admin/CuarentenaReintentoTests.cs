using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;
using static OpenLicitaciones.Tests.Sync.ProcesoRows;

namespace OpenLicitaciones.Tests.Admin;

public sealed class CuarentenaReintentoTestsOnSqlite() : CuarentenaReintentoTests(DatabaseProvider.Sqlite);

public sealed class CuarentenaReintentoTestsOnPostgresql() : CuarentenaReintentoTests(DatabaseProvider.Postgresql);

/// <summary>"Reintentar" on a real database: rows that now map are stored and leave the quarantine, the rest keep their new reason.</summary>
public abstract class CuarentenaReintentoTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Actor Admin = new("id-admin", "admin@palmira.gov.co", true);
    private static readonly DateTime Ahora = new(2026, 11, 22, 14, 0, 0, DateTimeKind.Utc);
    private readonly TestDb _db = new(provider);
    private long _corridaSocrata;
    private long _corridaDemo;

    public async Task InitializeAsync()
    {
        await using var db = _db.CreateDbContext();
        await db.Database.MigrateAsync();
        var socrata = new SyncRun { Dataset = Dataset, Source = "socrata", StartedAt = Ahora.AddDays(-1), FinishedAt = Ahora.AddDays(-1) };
        var demo = new SyncRun { Dataset = Dataset, Source = "demo", StartedAt = Ahora.AddDays(-9), FinishedAt = Ahora.AddDays(-9) };
        db.SyncRuns.AddRange(socrata, demo);
        await db.SaveChangesAsync();
        (_corridaSocrata, _corridaDemo) = (socrata.Id, demo.Id);
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    private CuarentenaReintento Reintento() =>
        new(_db, Options.Create(new SyncOptions { Source = "socrata" }), TestClock.At(new DateTimeOffset(Ahora)));

    private async Task<long> EnCuarentenaAsync(JsonObject fila, string motivo, long? corrida = null)
    {
        await using var db = _db.CreateDbContext();
        var q = new QuarantinedRow
        {
            SyncRunId = corrida ?? _corridaSocrata, Dataset = Dataset, RowKey = (string?)fila["id_del_proceso"], Reason = motivo,
            RawJson = fila.ToJsonString(), QuarantinedAt = Ahora.AddDays(-1),
        };
        db.Quarantine.Add(q);
        await db.SaveChangesAsync();
        return q.Id;
    }

    private static string? Campo(string? json, string nombre) => (string?)JsonNode.Parse(json!)![nombre];

    private static JsonObject Con(JsonObject fila, string columna, string valor)
    {
        fila[columna] = valor;
        return fila;
    }

    [Fact]
    public async Task A_row_that_now_maps_is_stored_and_leaves_the_quarantine_with_an_audit_entry_in_the_same_transaction()
    {
        // Quarantined by an older mapper; the row itself is fine for today's.
        var id = await EnCuarentenaAsync(Row(1), "precio_base: '1000000' no es un valor numérico");

        var resultado = await Reintento().ReintentarAsync(Admin, [id]);

        Assert.Equal(new ResultadoReintento(1, 1, 0, 0), resultado);
        await using var db = _db.CreateDbContext();
        Assert.Empty(await db.Quarantine.ToListAsync());
        var proceso = await db.Procesos.SingleAsync();
        Assert.Equal((ProcessId(1), 1_000_000L, "socrata", RowId(1), Stamp(1)),
            (proceso.IdDelProceso, proceso.PrecioBase!.Value, proceso.Source, proceso.SodaId, proceso.SodaUpdatedAt));
        var entrada = await db.Auditoria.SingleAsync();
        Assert.Equal(("admin@palmira.gov.co", "reintentar", Auditoria.Cuarentena, $"{Dataset} {ProcessId(1)}"),
            (entrada.Usuario, entrada.Accion, entrada.Entidad, entrada.Clave));
        Assert.Equal("precio_base: '1000000' no es un valor numérico", Campo(entrada.Antes, "motivo"));
        Assert.Equal("guardada", Campo(entrada.Despues, "resultado"));
    }

    [Fact]
    public async Task A_row_that_still_fails_stays_with_its_new_reason_and_one_failing_with_the_same_reason_is_not_touched()
    {
        var cambia = await EnCuarentenaAsync(Con(Row(2), "precio_base", "mucho"), "motivo de un mapeador anterior");
        var igual = await EnCuarentenaAsync(Con(Row(3), "fecha_de_publicacion_del", "ayer"), "fecha_de_publicacion_del: 'ayer' no es una fecha");

        var resultado = await Reintento().ReintentarAsync(Admin, [cambia, igual]);

        Assert.Equal(new ResultadoReintento(2, 0, 0, 2), resultado);
        Assert.Equal("2 filas reintentadas: 0 guardadas, 2 siguen fallando.", resultado.Resumen());
        await using var db = _db.CreateDbContext();
        Assert.Empty(await db.Procesos.ToListAsync());
        var motivos = await db.Quarantine.OrderBy(q => q.Id).Select(q => q.Reason).ToListAsync();
        Assert.Equal(["precio_base: 'mucho' no es un valor numérico", "fecha_de_publicacion_del: 'ayer' no es una fecha"], motivos);
        var entrada = await db.Auditoria.SingleAsync(); // only the row whose reason changed
        Assert.Equal($"{Dataset} {ProcessId(2)}", entrada.Clave);
        Assert.Equal("motivo de un mapeador anterior", Campo(entrada.Antes, "motivo"));
        Assert.Equal("precio_base: 'mucho' no es un valor numérico", Campo(entrada.Despues, "motivo"));
    }

    [Fact]
    public async Task A_row_older_than_the_stored_one_leaves_the_quarantine_without_overwriting_it()
    {
        await using (var db = _db.CreateDbContext())
        {
            var nueva = (Proceso)SecopSync.MapRow(new ProcesosDataset(), new RawRow(Row(4, updatedAt: "2026-03-01T00:00:00.000Z")), "socrata");
            nueva.NombreDelProcedimiento = "versión corregida en la fuente";
            db.Procesos.Add(nueva);
            await db.SaveChangesAsync();
        }
        var vieja = await EnCuarentenaAsync(Row(4), "motivo viejo"); // :updated_at 2026-01-02, before the stored one

        var resultado = await Reintento().ReintentarAsync(Admin, [vieja]);

        Assert.Equal(new ResultadoReintento(1, 0, 1, 0), resultado);
        Assert.Equal("1 fila reintentada: 0 guardadas, 1 ya tenía una versión más reciente, 0 siguen fallando.", resultado.Resumen());
        await using var check = _db.CreateDbContext();
        Assert.Empty(await check.Quarantine.ToListAsync());
        Assert.Equal("versión corregida en la fuente", (await check.Procesos.SingleAsync()).NombreDelProcedimiento);
        Assert.Contains("versión más reciente", (await check.Auditoria.SingleAsync()).Despues);
    }

    [Fact]
    public async Task A_demo_row_is_not_stored_once_the_installation_reads_live_data()
    {
        var id = await EnCuarentenaAsync(Row(5), "motivo viejo", _corridaDemo);

        var resultado = await Reintento().ReintentarAsync(Admin, [id]);

        Assert.Equal(new ResultadoReintento(1, 0, 0, 1), resultado);
        await using var db = _db.CreateDbContext();
        Assert.Empty(await db.Procesos.ToListAsync());
        Assert.Equal("La fila vino de la fuente «demo» y la sincronización ahora lee «socrata»: no se guarda.", (await db.Quarantine.SingleAsync()).Reason);
    }

    [Fact]
    public async Task Retrying_a_filter_retries_only_its_rows_and_a_repeated_row_is_stored_in_its_newest_version()
    {
        await EnCuarentenaAsync(Con(Row(6, updatedAt: "2026-02-01T00:00:00.000Z"), "nombre_del_procedimiento", "segunda versión"), "precio_base: viejo");
        await EnCuarentenaAsync(Con(Row(6, updatedAt: "2026-01-01T00:00:00.000Z"), "nombre_del_procedimiento", "primera versión"), "precio_base: viejo");
        var otra = await EnCuarentenaAsync(Row(7), "fecha: otro motivo");

        var resultado = await Reintento().ReintentarFiltroAsync(Admin, new FiltroCuarentena { Conjunto = Dataset, Texto = "PRECIO_BASE" });

        Assert.Equal(new ResultadoReintento(2, 2, 0, 0), resultado);
        await using var db = _db.CreateDbContext();
        Assert.Equal([otra], await db.Quarantine.Select(q => q.Id).ToListAsync());
        var proceso = await db.Procesos.SingleAsync();
        Assert.Equal(("segunda versión", "2026-02-01T00:00:00.000Z"), (proceso.NombreDelProcedimiento, proceso.SodaUpdatedAt));
        Assert.Equal(2, await db.Auditoria.CountAsync(a => a.Entidad == Auditoria.Cuarentena));
    }

    [Fact]
    public async Task A_filter_with_more_rows_than_a_batch_is_retried_batch_by_batch_to_the_end()
    {
        await using (var db = _db.CreateDbContext())
        {
            db.Quarantine.AddRange(Enumerable.Range(1, CuarentenaReintento.Lote + 5).Select(n => new QuarantinedRow
            {
                SyncRunId = _corridaSocrata, Dataset = Dataset, RowKey = ProcessId(n), Reason = "viejo", RawJson = Row(n).ToJsonString(),
                QuarantinedAt = Ahora,
            }));
            await db.SaveChangesAsync();
        }

        var resultado = await Reintento().ReintentarFiltroAsync(Admin, new FiltroCuarentena());

        Assert.Equal(new ResultadoReintento(205, 205, 0, 0), resultado);
        await using var check = _db.CreateDbContext();
        Assert.Equal(205, await check.Procesos.CountAsync());
        Assert.Equal(0, await check.Quarantine.CountAsync());
    }
}
