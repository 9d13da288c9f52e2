using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenLicitaciones.Data;

public static class DataRegistration
{
    public const string ConnectionName = "OpenLicitaciones";

    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"Falta ConnectionStrings:{ConnectionName} en appsettings.json (p. ej. \"Data Source=openlicitaciones.db\").");
        builder.Services.AddDbContextFactory<AppDbContext>(o => o.UseAppSqlite(connectionString).AddInterceptors(new SqlitePragmas()));
        return builder;
    }

    /// <summary>The app's one SQLite configuration, shared by the server, the benchmark and the tests.</summary>
    public static TBuilder UseAppSqlite<TBuilder>(this TBuilder options, string connectionString) where TBuilder : DbContextOptionsBuilder
    {
        options
            // EF Core 10 sends a list in a query as one parameter per value by default; the views pass thousands of ids, and
            // one JSON parameter builds the Banco three times faster (measured with `benchmark banco`).
            .UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        return options;
    }

    /// <summary>
    /// Creates or upgrades the database (adopting one of the versions with SQL-script migrations), turns on WAL, and seeds
    /// the producer associations once.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
        await LegacyDatabase.UpgradeAsync(db, services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LegacyDatabase)), ct);
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        if (!await db.Asociaciones.AnyAsync(ct)) await SeedAssociationsAsync(db, ct);
        await InstallationSecret.GetAsync(db, services.GetRequiredService<IConfiguration>()[InstallationSecret.ConfigurationKey], ct);
    }

    private static async Task SeedAssociationsAsync(AppDbContext db, CancellationToken ct)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "associations.json");
        await using var stream = File.OpenRead(path);
        using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        var source = doc.RootElement.GetProperty("source").GetString() ?? "";
        var municipio = doc.RootElement.GetProperty("municipality").GetString() ?? "";
        foreach (var a in doc.RootElement.GetProperty("associations").EnumerateArray())
        {
            db.Asociaciones.Add(new Asociacion
            {
                Nombre = a.GetProperty("name").GetString()!,
                Municipio = municipio,
                Fuente = source,
                Productos = a.GetProperty("products").EnumerateArray().Select(p => new ProductoAsociacion
                {
                    Producto = p.GetProperty("product").GetString()!,
                    Cantidad = p.GetProperty("quantity").ValueKind == JsonValueKind.Number ? p.GetProperty("quantity").GetDouble() : null,
                    Unidad = p.GetProperty("unit").GetString(),
                    Periodo = p.GetProperty("period").GetString(),
                }).ToList(),
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Per-connection settings: wait for a busy writer instead of failing, and durable-enough WAL syncing.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        private const string Sql = "PRAGMA busy_timeout=15000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

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
