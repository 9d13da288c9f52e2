using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace OpenLicitaciones.Data;

public static class DataRegistration
{
    public const string ConnectionName = "OpenLicitaciones";

    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var settings = DatabaseSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.Sqlite) builder.Services.AddAppDbContextFactory<SqliteAppDbContext>(settings);
        else builder.Services.AddAppDbContextFactory<PostgresAppDbContext>(settings);
        // The keys that protect circuits and forms live in the database, so that every instance on it can serve any page.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        builder.Services.AddDataProtection().SetApplicationName("OpenLicitaciones").PersistKeysToDbContext<AppDbContext>();
        return builder;
    }

    private static void AddAppDbContextFactory<TContext>(this IServiceCollection services, DatabaseSettings settings) where TContext : AppDbContext
    {
        services.AddDbContextFactory<TContext>(o => settings.Configure(o));
        services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<TContext>>();
    }

    /// <summary>The app asks for <see cref="AppDbContext"/>; this hands it the configured engine's subclass.</summary>
    private sealed class AppDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext> where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();
        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken ct = default) => await inner.CreateDbContextAsync(ct);
    }

    /// <summary>
    /// Creates or upgrades the database (on SQLite, adopting one of the versions with SQL-script migrations and turning on
    /// WAL), and runs every registered <see cref="IStartupSeed"/> (the producer registry). Several instances starting together are safe: EF Core's migration
    /// lock makes the others wait, and the seed and the secret are written once.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            if (Path.GetDirectoryName(Path.GetFullPath(settings.SqliteFile)) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
            await LegacyDatabase.UpgradeAsync(db, services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LegacyDatabase)), ct);
            await settings.MigrateAsync(db, ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        else await settings.MigrateAsync(db, ct);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await settings.LockForStartupAsync(db, ct);
            foreach (var seed in services.GetServices<IStartupSeed>()) await seed.SeedAsync(db, ct);
            await tx.CommitAsync(ct);
        }
        await InstallationSecret.GetAsync(db, services.GetRequiredService<IConfiguration>()[InstallationSecret.ConfigurationKey], ct);
    }

    /// <summary>
    /// Before a server takes requests: instances starting together would each create a data-protection key on first
    /// use; under the startup lock one creates it and the others see it. (The `sync` command serves no page: it has none.)
    /// </summary>
    public static async Task PrepareDataProtectionAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        await services.GetRequiredService<DatabaseSettings>().WithStartupLockAsync(db, () => EnsureDataProtectionKey(services.GetRequiredService<IKeyManager>()), ct);
    }

    private static void EnsureDataProtectionKey(IKeyManager keys)
    {
        var now = DateTimeOffset.UtcNow;
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
            keys.CreateNewKey(activationDate: now, expirationDate: now.AddDays(90));
    }
}

/// <summary>Data a feature writes at every start from its files, under the startup lock, before the app serves anything.</summary>
public interface IStartupSeed
{
    Task SeedAsync(AppDbContext db, CancellationToken ct);
}

/// <summary>Files copied into the database once: from then on staff keep those rows in the staff area.</summary>
public static class Semillas
{
    /// <summary>Runs <paramref name="sembrar"/> and records <paramref name="nombre"/>, unless it was recorded before. True when it ran.</summary>
    public static async Task<bool> UnaVezAsync(AppDbContext db, string nombre, Func<Task> sembrar, CancellationToken ct)
    {
        if (await db.Semillas.AnyAsync(s => s.Nombre == nombre, ct)) return false;
        await sembrar();
        db.Semillas.Add(new SemillaAplicada { Nombre = nombre, AplicadaEn = DateTime.UtcNow });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Forgets <paramref name="nombre"/>, so that its file is copied again at the next start (the demo rows after a switch back to demo).</summary>
    public static Task OlvidarAsync(AppDbContext db, string nombre, CancellationToken ct) =>
        db.Semillas.Where(s => s.Nombre == nombre).ExecuteDeleteAsync(ct);
}
