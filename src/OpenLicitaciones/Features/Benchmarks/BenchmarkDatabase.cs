using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Benchmarks;

/// <summary>
/// A throw-away database with the app's schema for one benchmark run: a SQLite file in the temporary folder, or a
/// database of its own on the PostgreSQL server given; deleted when disposed.
/// </summary>
public sealed class BenchmarkDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    private readonly string? _server;
    private readonly string _name;

    private BenchmarkDatabase(DatabaseSettings settings, string name, string? server) => (Settings, _name, _server) = (settings, name, server);

    public DatabaseSettings Settings { get; }

    /// <summary>The SQLite file's path; null on PostgreSQL.</summary>
    public string? File => Settings.Provider == DatabaseProvider.Sqlite ? _name : null;

    public static async Task<BenchmarkDatabase> CreateAsync(DatabaseProvider provider, string? server, CancellationToken ct)
    {
        BenchmarkDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"ol-benchmark-{Guid.NewGuid():N}.db");
            database = new BenchmarkDatabase(new DatabaseSettings(provider, $"Data Source={path}"), path, null);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(server))
                throw new InvalidOperationException("--provider postgresql necesita --connection con la cadena de conexión de un servidor donde se puedan crear bases.");
            var name = $"ol_benchmark_{Guid.NewGuid():N}";
            database = new BenchmarkDatabase(
                new DatabaseSettings(provider, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString), name, server);
        }
        // As the app starts on a new database: the schema, WAL on SQLite, and the producer registry its views read.
        await using (var app = AppComposition.CreateBuilder(AppArguments(database.Settings)).Build())
            await app.Services.InitializeDatabaseAsync(ct);
        return database;
    }

    public AppDbContext CreateDbContext() => Settings.CreateDbContext();

    /// <summary>
    /// Arguments for the app's composition root over <paramref name="database"/> without the sync's first load or
    /// schedule, quiet in the log: how every benchmark builds the app it measures.
    /// </summary>
    public static string[] AppArguments(DatabaseSettings database) =>
    [
        $"--ConnectionStrings:{DataRegistration.ConnectionName}={database.ConnectionString}",
        $"--{DatabaseSettings.ProviderKey}={database.Provider.ToString().ToLowerInvariant()}",
        "--Sync:LoadOnFirstStart=false", "--Sync:ScheduleEnabled=false", "--Logging:LogLevel:Default=Warning",
    ];

    /// <summary>Bytes the data takes on disk: the SQLite file after a checkpoint, or the PostgreSQL database's size.</summary>
    public async Task<long> SizeAsync(CancellationToken ct)
    {
        await using var db = CreateDbContext();
        if (Settings.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
            return new FileInfo(_name).Length;
        }
        return (await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").ToListAsync(ct)).Single();
    }

    public async ValueTask DisposeAsync()
    {
        if (Settings.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) System.IO.File.Delete(_name + suffix);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
