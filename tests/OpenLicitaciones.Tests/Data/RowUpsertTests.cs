using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;
using static OpenLicitaciones.Tests.Sync.ProcesoRows;

namespace OpenLicitaciones.Tests.Data;

public sealed class RowUpsertTestsOnSqlite() : RowUpsertTests(DatabaseProvider.Sqlite);

public sealed class RowUpsertTestsOnPostgresql() : RowUpsertTests(DatabaseProvider.Postgresql);

/// <summary>The sync's upsert and its "unchanged at the source" check, on each engine.</summary>
public abstract class RowUpsertTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDb _db = new(provider);
    private readonly ProcesosDataset _procesos = new();

    public async Task InitializeAsync()
    {
        await using var db = _db.CreateDbContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task New_rows_are_inserted_the_same_rows_again_write_nothing_and_a_change_writes_only_its_row()
    {
        Assert.Equal(3, await UpsertAsync(Mapped(1, 2, 3)));
        Assert.Equal(0, await UpsertAsync(Mapped(1, 2, 3)));

        var changed = Mapped(1, 2, 3);
        changed[1].PrecioBase = 7_000_000;
        changed[2].Descripcion = null; // a value that becomes empty is a change too
        Assert.Equal(2, await UpsertAsync(changed));

        await using var db = _db.CreateDbContext();
        var stored = await db.Procesos.OrderBy(p => p.IdDelProceso).ToListAsync();
        Assert.Equal([ProcessId(1), ProcessId(2), ProcessId(3)], stored.Select(p => p.IdDelProceso));
        Assert.Equal(7_000_000, stored[1].PrecioBase);
        Assert.Null(stored[2].Descripcion);
        Assert.Equal(Mapped(1)[0].FechaPublicacion, stored[0].FechaPublicacion); // dates come back as written
    }

    [Fact]
    public async Task A_row_repeated_within_a_page_is_stored_once_with_its_last_values()
    {
        var first = Mapped(5)[0];
        var last = Mapped(5)[0];
        last.PrecioBase = 1_234;

        Assert.Equal(1, await UpsertAsync([first, last]));

        await using var db = _db.CreateDbContext();
        Assert.Equal(1_234, (await db.Procesos.SingleAsync()).PrecioBase);
    }

    [Fact]
    public async Task Rows_stored_from_the_same_source_with_the_same_updated_at_are_unchanged_and_no_others()
    {
        await UpsertAsync(Mapped(1, 2, 3));
        var raws = new[] { Row(1), Row(2, updatedAt: "2026-02-01T00:00:00.000Z"), Row(3), Row(4) }.Select(j => new RawRow(j)).ToList();

        await using var db = _db.CreateDbContext();
        var unchanged = await _procesos.UnchangedAsync(db, raws, "socrata", CancellationToken.None);
        var fromDemo = await _procesos.UnchangedAsync(db, raws, "demo", CancellationToken.None);

        Assert.Equal([raws[0], raws[2]], unchanged.OrderBy(r => raws.IndexOf(r)));
        Assert.Empty(fromDemo);
    }

    private List<Proceso> Mapped(params int[] numbers) =>
        numbers.Select(n => (Proceso)SecopSync.MapRow(_procesos, new RawRow(Row(n)), "socrata")).ToList();

    private async Task<int> UpsertAsync(IReadOnlyList<Proceso> rows)
    {
        await using var db = _db.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        var written = await _procesos.UpsertAsync(db, rows, CancellationToken.None);
        await tx.CommitAsync();
        return written;
    }
}
