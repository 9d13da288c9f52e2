using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace OpenLicitaciones.Data;

/// <summary>The engines the app runs on: <c>Database:Provider</c> in the settings.</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the app: the default, for one municipality on one machine.</summary>
    Sqlite,
    /// <summary>A PostgreSQL server: for a department or more, and for several app instances.</summary>
    Postgresql,
}

/// <summary>
/// Which engine and where, read once from the settings. Everything that differs between the engines is configured
/// here and in the two context subclasses below; the rest of the app is engine-neutral EF Core.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DataRegistration.ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"Falta ConnectionStrings:{DataRegistration.ConnectionName} en appsettings.json (p. ej. \"Data Source=openlicitaciones.db\").");
        return new DatabaseSettings(ParseProvider(configuration[ProviderKey]), connectionString);
    }

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgresql" or "postgres" => DatabaseProvider.Postgresql,
        _ => throw new InvalidOperationException($"{ProviderKey} debe ser sqlite o postgresql, no '{value}'."),
    };

    /// <summary>A context outside dependency injection (the benchmark, tests), with any <paramref name="extra"/> options.</summary>
    public AppDbContext CreateDbContext(Action<DbContextOptionsBuilder>? extra = null)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = Configure(new DbContextOptionsBuilder<SqliteAppDbContext>());
            extra?.Invoke(sqlite);
            return new SqliteAppDbContext(sqlite.Options);
        }
        var postgres = Configure(new DbContextOptionsBuilder<PostgresAppDbContext>());
        extra?.Invoke(postgres);
        return new PostgresAppDbContext(postgres.Options);
    }

    /// <summary>The engine's options: shared by the server, the command line, the benchmark and the tests.</summary>
    public TBuilder Configure<TBuilder>(TBuilder options) where TBuilder : DbContextOptionsBuilder
    {
        // EF Core 10 sends a list in a query as one parameter per value by default; the views pass thousands of ids, and
        // one parameter (JSON in SQLite, an array in PostgreSQL) builds the Banco three times faster (`benchmark banco`).
        if (Provider == DatabaseProvider.Sqlite)
            options.UseSqlite(ConnectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(SqlitePragmas.Instance);
        else
            options.UseNpgsql(ConnectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        return options;
    }

    /// <summary>
    /// Applies the engine's pending migrations. Instances starting together on PostgreSQL take turns on an advisory lock
    /// held for the whole run, so the second finds the schema made instead of creating it again.
    /// </summary>
    public async Task MigrateAsync(AppDbContext db, CancellationToken ct)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.MigrateAsync(ct);
            return;
        }
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // another instance created it a moment earlier
            }
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", ct);
            // EF reads the history table before it creates it, and logs the failed read as an error on every new database.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Inside a transaction, makes any other instance starting at the same time wait until it ends, so that one-time
    /// seeding happens once. SQLite's write transaction already does; PostgreSQL needs an advisory lock.
    /// </summary>
    public async Task LockForStartupAsync(AppDbContext db, CancellationToken ct)
    {
        if (Provider == DatabaseProvider.Postgresql)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({StartupLockKey})", ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> while any other instance starting at the same time waits, when that work writes
    /// through connections of its own: on PostgreSQL under the startup advisory lock; SQLite serves one process per file.
    /// </summary>
    public async Task WithStartupLockAsync(AppDbContext db, Action work, CancellationToken ct)
    {
        if (Provider != DatabaseProvider.Postgresql)
        {
            work();
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockForStartupAsync(db, ct);
        work();
        await tx.CommitAsync(ct);
    }

    // The app's own advisory lock numbers: "OL" and a counter.
    private const long StartupLockKey = 0x4f4c_0001;
    private const long MigrationLockKey = 0x4f4c_0002;

    /// <summary>The SQLite file the connection string names.</summary>
    public string SqliteFile => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>
    /// Per-connection settings: wait for a busy writer instead of failing, and durable-enough WAL syncing. The WAL is
    /// checkpointed every 8,192 pages (32 MiB) rather than SQLite's 1,000: a sync page of 1,000 rows dirties a few MiB of
    /// table and index pages, so the default copied the same index pages back into the file after nearly every page.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();
        private const string Sql = "PRAGMA busy_timeout=15000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=8192;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}

/// <summary>The model on SQLite, with the migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>The model on PostgreSQL, with the migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SECOP's dates carry no time zone and SQLite keeps none: PostgreSQL stores them the same way, and Npgsql, which
        // refuses to write a UTC DateTime into such a column, gets every value as "unspecified".
        configuration.Properties<DateTime>().HaveColumnType("timestamp without time zone").HaveConversion<UnspecifiedKind>();
    }

    private sealed class UnspecifiedKind() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified), v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified));
}

/// <summary>For `dotnet ef migrations add … --context SqliteAppDbContext`: no database is opened.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        (SqliteAppDbContext)new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db").CreateDbContext();
}

/// <summary>For `dotnet ef migrations add … --context PostgresAppDbContext`: no server is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        (PostgresAppDbContext)new DatabaseSettings(DatabaseProvider.Postgresql, "Host=localhost;Database=openlicitaciones").CreateDbContext();
}
