using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Benchmarks;

/// <summary>What one pass of the sync's store path did: rows given, rows the database had to write, and the time it took.</summary>
public sealed record IngestPass(long Rows, long Written, long Rejected, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Synthetic entities of the demo generator, stored through the sync's own path — each page of 1,000 source rows
/// mapped (<see cref="SecopSync.MapRow"/>) and upserted (<see cref="SecopDataset.UpsertAsync"/>) in one transaction — one
/// entity at a time, so that memory holds one entity's rows however many there are. Reading from the source is left
/// out: it is the network's time, not ours.
/// </summary>
public sealed class Ingest(IDbContextFactory<AppDbContext> factory, IReadOnlyList<EntityOptions> entities, DateTime today)
{
    public const int PageSize = 1_000;
    public const string Source = "benchmark";

    /// <summary>Synthetic entities: NITs no real entity has, spread over a department's municipalities.</summary>
    public static IReadOnlyList<EntityOptions> SyntheticEntities(int count) => Enumerable.Range(0, count).Select(i => new EntityOptions
    {
        Nit = (700_000_000 + i * 13).ToString(CultureInfo.InvariantCulture),
        Nombre = $"Entidad sintética {i + 1}",
        Municipio = $"Municipio {i % 42 + 1}",
        Departamento = "Departamento sintético",
    }).ToList();

    /// <summary>
    /// Stores every entity's rows once; <paramref name="storedRows"/> sees each page's stored entities (outside the timing),
    /// for the bulk-load comparison. Ends with each dataset's after-run work (the PAA version switch), timed too.
    /// </summary>
    public async Task<IngestPass> RunAsync(Action<SecopDataset, IReadOnlyList<SyncedRow>>? storedRows, IProgress<int>? entitiesDone, CancellationToken ct)
    {
        long rows = 0, written = 0, rejected = 0;
        var timed = new Stopwatch();
        for (var i = 0; i < entities.Count; i++)
        {
            _current = i;
            var generated = new DemoGenerator([entities[i]], today, series: i).Generate();
            foreach (var dataset in SecopDatasets.All)
                foreach (var page in generated[dataset.Id].Where(row => FirstSighting(dataset, row)).Chunk(PageSize))
                {
                    timed.Start();
                    var (mapped, bad) = await MapAsync(dataset, page, ct);
                    written += await StoreAsync(dataset, mapped, ct);
                    timed.Stop();
                    rows += page.Length;
                    rejected += bad;
                    storedRows?.Invoke(dataset, mapped);
                }
            entitiesDone?.Report(i + 1);
        }
        timed.Start();
        foreach (var dataset in SecopDatasets.All)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await dataset.AfterRunAsync(db, ct);
        }
        timed.Stop();
        return new IngestPass(rows, written, rejected, timed.Elapsed);
    }

    private readonly Dictionary<string, int> _supplierOwner = [];
    private int _current;

    /// <summary>
    /// Every generator publishes its own copy of the suppliers its entity buys from; the registry has one row per supplier,
    /// so only the first entity's copy is stored (else each entity would overwrite the one before, at every pass).
    /// </summary>
    private bool FirstSighting(SecopDataset dataset, JsonObject row)
    {
        if (dataset is not ProveedoresDataset || dataset.KeyOf(new RawRow(row)) is not { } key) return true;
        return _supplierOwner.TryAdd(key, _current) || _supplierOwner[key] == _current;
    }

    /// <summary>As the sync does: rows stored with the same :updated_at are skipped, the rest mapped.</summary>
    private async Task<(List<SyncedRow> Mapped, int Rejected)> MapAsync(SecopDataset dataset, JsonObject[] page, CancellationToken ct)
    {
        var raws = page.Select(json => new RawRow(json)).ToList();
        IReadOnlySet<RawRow> unchanged;
        await using (var db = await factory.CreateDbContextAsync(ct)) unchanged = await dataset.UnchangedAsync(db, raws, Source, ct);
        var mapped = new List<SyncedRow>(page.Length);
        var rejected = 0;
        foreach (var raw in raws.Where(r => !unchanged.Contains(r)))
        {
            try
            {
                mapped.Add(SecopSync.MapRow(dataset, raw, Source));
            }
            catch (RowRejectedException)
            {
                rejected++;
            }
        }
        return (mapped, rejected);
    }

    /// <summary>One page in one transaction, as the sync stores it; returns the rows the database had to insert or update.</summary>
    private async Task<int> StoreAsync(SecopDataset dataset, IReadOnlyList<SyncedRow> mapped, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await RowUpsert.BeginPageAsync(db, ct);
        var written = await dataset.UpsertAsync(db, mapped, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return written;
    }
}

/// <summary>
/// The engine's own bulk path for the same rows: a CSV per table, loaded into a table with the same columns and the same
/// unique key (no other index) by the sqlite3 shell's .import or PostgreSQL's COPY. The reference the sync's ingest is
/// compared with.
/// </summary>
public sealed class BulkLoad(BenchmarkDatabase database, string folder) : IDisposable
{
    private readonly Dictionary<string, (IEntityType Type, StreamWriter Writer, long Rows)> _files = [];
    private readonly HashSet<string> _keys = [];

    /// <summary>
    /// Appends rows to their table's CSV (written with a header on first use), each key once: entities share suppliers,
    /// which the sync upserts into one row and a bulk load must not repeat.
    /// </summary>
    public void Append(AppDbContext model, IReadOnlyList<SyncedRow> rows)
    {
        if (rows.Count == 0) return;
        var type = model.Model.FindEntityType(rows[0].GetType())!;
        var table = type.GetTableName()!;
        if (!_files.TryGetValue(table, out var file))
        {
            var writer = new StreamWriter(Path.Combine(folder, $"{table}.csv"));
            writer.WriteLine(string.Join(',', Columns(type).Select(p => p.GetColumnName())));
            file = (type, writer, 0);
        }
        var key = type.FindPrimaryKey()!.Properties;
        var columns = Columns(type).ToList();
        var added = 0;
        foreach (var row in rows)
        {
            if (!_keys.Add(table + "\u0001" + string.Join('\u0001', key.Select(p => p.PropertyInfo!.GetValue(row))))) continue;
            file.Writer.WriteLine(string.Join(',', columns.Select(p => Csv(p.PropertyInfo!.GetValue(row)))));
            added++;
        }
        _files[table] = file with { Rows = file.Rows + added };
    }

    /// <summary>Loads every CSV into its bulk table; returns the rows loaded and the engine's time.</summary>
    public async Task<IngestPass> LoadAsync(CancellationToken ct)
    {
        long rows = 0;
        var elapsed = TimeSpan.Zero;
        foreach (var (table, file) in _files)
        {
            await file.Writer.DisposeAsync();
            var bulk = $"bulk_{table}";
            await CreateTableAsync(table, bulk, file.Type, ct);
            var csv = Path.Combine(folder, $"{table}.csv");
            var clock = Stopwatch.StartNew();
            if (database.Settings.Provider == DatabaseProvider.Sqlite) await SqliteImportAsync(csv, bulk, ct);
            else await CopyAsync(csv, bulk, file.Type, ct);
            elapsed += clock.Elapsed;
            rows += file.Rows;
        }
        _files.Clear();
        _keys.Clear();
        _keys.TrimExcess(); // millions of keys at a department's scale: not to be counted in the views' memory
        return new IngestPass(rows, rows, 0, elapsed);
    }

    private async Task CreateTableAsync(string table, string bulk, IEntityType type, CancellationToken ct)
    {
        var key = string.Join(", ", type.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName()}\""));
        await using var db = database.CreateDbContext();
        // SQLite's .import fills columns in the table's order, so the table takes the CSV's order.
        var sql = database.Settings.Provider == DatabaseProvider.Sqlite
            ? $"CREATE TABLE \"{bulk}\" AS SELECT {ColumnList(type)} FROM \"{table}\" WHERE 0; CREATE UNIQUE INDEX \"ux_{bulk}\" ON \"{bulk}\" ({key});"
            : $"CREATE TABLE \"{bulk}\" (LIKE \"{table}\" INCLUDING DEFAULTS); ALTER TABLE \"{bulk}\" ADD PRIMARY KEY ({key});";
#pragma warning disable EF1002 // table names come from the EF model, not from input
        await db.Database.ExecuteSqlRawAsync(sql, ct);
#pragma warning restore EF1002
    }

    private async Task SqliteImportAsync(string csv, string bulk, CancellationToken ct)
    {
        var start = new ProcessStartInfo("sqlite3") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(database.File!);
        start.ArgumentList.Add($".import --csv --skip 1 '{csv}' {bulk}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("No se pudo iniciar sqlite3.");
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"sqlite3 .import falló: {errors}");
    }

    private async Task CopyAsync(string csv, string bulk, IEntityType type, CancellationToken ct)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using var writer = await connection.BeginTextImportAsync($"COPY \"{bulk}\" ({ColumnList(type)}) FROM STDIN (FORMAT csv, HEADER true)", ct);
        using var reader = new StreamReader(csv);
        var buffer = new char[1 << 16];
        int read;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0) await writer.WriteAsync(buffer.AsMemory(0, read), ct);
    }

    private static IEnumerable<IProperty> Columns(IEntityType type) => type.GetProperties().Where(p => p.PropertyInfo is not null);

    private static string ColumnList(IEntityType type) => string.Join(", ", Columns(type).Select(p => $"\"{p.GetColumnName()}\""));

    private string Csv(object? value) => value switch
    {
        null => "",
        string s => "\"" + s.Replace("\"", "\"\"") + "\"",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => database.Settings.Provider == DatabaseProvider.Sqlite ? (b ? "1" : "0") : (b ? "t" : "f"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public void Dispose()
    {
        foreach (var file in _files.Values) file.Writer.Dispose();
    }
}
