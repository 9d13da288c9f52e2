using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;
using static OpenLicitaciones.Tests.Sync.ProcesoRows;

namespace OpenLicitaciones.Tests.Data;

public sealed class RowUpsertTestsOnSqlite() : RowUpsertTests(DatabaseProvider.Sqlite);

public sealed class RowUpsertTestsOnPostgresql() : RowUpsertTests(DatabaseProvider.Postgresql);

/// <summary>SQLite's batches of rows per statement, bound by position: every size, up to the engine's parameter limit.</summary>
public sealed class RowUpsertSqliteBatchTests : IDisposable
{
    private readonly TestDb _db = new(DatabaseProvider.Sqlite);
    private readonly ProcesosDataset _procesos = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData(45, RowUpsert.SqliteMaxRowsPerStatement)]
    [InlineData(RowUpsert.SqliteMaxParameters / RowUpsert.SqliteMaxRowsPerStatement + 1, RowUpsert.SqliteMaxRowsPerStatement - 1)] // 656 columns: 49 rows
    [InlineData(10_000, 3)]
    [InlineData(RowUpsert.SqliteMaxParameters, 1)]
    [InlineData(40_000, 1)] // wider than the limit: one row a statement, for SQLite to refuse
    public void Rows_per_statement_keep_within_sqlite_s_parameter_limit(int columns, int rows)
    {
        Assert.Equal(rows, RowUpsert.SqliteRowsPerStatement(columns));
        Assert.True(rows == 1 || rows * columns <= RowUpsert.SqliteMaxParameters);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)] // 103 rows: 14 full statements and one of 5
    [InlineData(103)]
    [InlineData(104)] // more than the page: one statement of its own size
    public async Task Every_batch_size_stores_every_row_once_and_a_second_pass_writes_nothing(int rowsPerStatement)
    {
        await using var db = _db.CreateDbContext();
        await db.Database.MigrateAsync();
        var rows = Mapped(103);

        Assert.Equal(103, await RowUpsert.ExecuteOnSqliteAsync(db, rows, rowsPerStatement, CancellationToken.None));
        Assert.Equal(0, await RowUpsert.ExecuteOnSqliteAsync(db, Mapped(103), rowsPerStatement, CancellationToken.None));

        var stored = await db.Procesos.AsNoTracking().OrderBy(p => p.IdDelProceso).ToListAsync();
        Assert.Equal(rows.Select(r => r.IdDelProceso), stored.Select(p => p.IdDelProceso));
        Assert.Equal(rows.Select(r => (r.PrecioBase, r.FechaPublicacion, r.Adjudicado, r.Duracion)),
            stored.Select(p => (p.PrecioBase, p.FechaPublicacion, p.Adjudicado, p.Duracion)));
    }

    [Fact]
    public async Task A_statement_at_the_parameter_limit_runs_and_one_row_more_is_refused_by_sqlite()
    {
        await using var db = _db.CreateDbContext();
        await db.Database.MigrateAsync();
        var columns = db.Model.FindEntityType(typeof(Proceso))!.GetProperties().Count();
        var atLimit = RowUpsert.SqliteMaxParameters / columns;

        Assert.Equal(atLimit, await RowUpsert.ExecuteOnSqliteAsync(db, Mapped(atLimit), atLimit, CancellationToken.None));
        var error = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            RowUpsert.ExecuteOnSqliteAsync(db, Mapped(atLimit + 1), atLimit + 1, CancellationToken.None));
        Assert.Contains("variable number must be between ?1 and ?32766", error.Message);
    }

    private List<Proceso> Mapped(int count) =>
        Enumerable.Range(1, count).Select(n => (Proceso)SecopSync.MapRow(_procesos, new RawRow(Row(n)), "socrata")).ToList();
}

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

    [Fact]
    public async Task A_page_longer_than_one_statement_with_repeated_keys_stores_each_key_once_with_its_last_values()
    {
        var page = Mapped([.. Enumerable.Range(1, 130)]);
        var repeats = Mapped(3, 51, 130);
        foreach (var repeat in repeats) repeat.PrecioBase = 42;
        page.AddRange(repeats); // later in the page than the first copies, past the first statements on SQLite

        Assert.Equal(130, await UpsertAsync(page));
        Assert.Equal(0, await UpsertAsync(page));

        await using var db = _db.CreateDbContext();
        var prices = await db.Procesos.ToDictionaryAsync(p => p.IdDelProceso, p => p.PrecioBase);
        Assert.Equal(130, prices.Count);
        Assert.Equal([42, 42, 42], new[] { 3, 51, 130 }.Select(n => prices[ProcessId(n)]));
        Assert.Equal(4_000_000, prices[ProcessId(4)]);
    }

    [Fact]
    public async Task Unchanged_rows_are_found_among_many_keys_most_of_them_not_stored()
    {
        await UpsertAsync(Mapped([.. Enumerable.Range(1, 500).Where(n => n % 100 == 0)]));
        var raws = Enumerable.Range(1, 1_000).Select(n => new RawRow(Row(n))).ToList();

        await using var db = _db.CreateDbContext();
        var unchanged = await _procesos.UnchangedAsync(db, raws, "socrata", CancellationToken.None);

        Assert.Equal([100, 200, 300, 400, 500], unchanged.Select(r => raws.IndexOf(r) + 1).Order());
    }

    [Fact]
    public async Task A_page_transaction_commits_its_rows()
    {
        await using (var db = _db.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync();
            // The tests' throw-away server itself runs with synchronous_commit off: the connection asks for on first.
            if (provider == DatabaseProvider.Postgresql) await db.Database.ExecuteSqlRawAsync("SET synchronous_commit = on");
            await using (var tx = await RowUpsert.BeginPageAsync(db, CancellationToken.None))
            {
                if (provider == DatabaseProvider.Postgresql) Assert.Equal("off", await SynchronousCommitAsync(db));
                await _procesos.UpsertAsync(db, Mapped(1, 2), CancellationToken.None);
                await tx.CommitAsync();
            }
            if (provider == DatabaseProvider.Postgresql) // only that transaction: the connection's own setting is back
                Assert.Equal("on", await SynchronousCommitAsync(db));
        }

        await using var read = _db.CreateDbContext();
        Assert.Equal(2, await read.Procesos.CountAsync());
    }

    private static async Task<string> SynchronousCommitAsync(AppDbContext db) =>
        (await db.Database.SqlQueryRaw<string>("SELECT current_setting('synchronous_commit') AS \"Value\"").ToListAsync()).Single();

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
