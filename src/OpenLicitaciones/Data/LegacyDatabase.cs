using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpenLicitaciones.Data;

/// <summary>
/// Databases made by the versions up to commit 829ded3, whose schema came from hand-written SQL scripts recorded in the
/// migrations history under their own ids. The three scripts build exactly the schema of the generated initial migration
/// (a test compares both, table by table, on a file made by that build), so such a database is adopted in place: the
/// history gets the initial migration instead of the scripts, and every row — synced data, sync history, quarantine and
/// the installation secret that keys natural persons' public ids — stays. A database that stopped before the last script
/// holds only synced data: it is rebuilt empty, keeping its installation secret, and loaded again from the source.
/// </summary>
public static class LegacyDatabase
{
    public static readonly IReadOnlyList<string> ScriptIds =
        ["20261122_0001_Initial", "20261202_0002_InstallationSecret", "20261202_0003_LeaseHolder"];

    /// <summary>Adopts or rebuilds a database of those versions; does nothing to any other, so it runs on every start.</summary>
    public static async Task UpgradeAsync(AppDbContext db, ILogger log, CancellationToken ct)
    {
        if (!(await db.Database.GetAppliedMigrationsAsync(ct)).Any(ScriptIds.Contains)) return;

        // IMMEDIATE transaction: a second process starting at the same time waits here, then finds nothing left to do.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var scripts = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(ScriptIds.Contains).ToList();
        if (scripts.Count == 0) return;
        var history = db.GetService<IHistoryRepository>();
        if (scripts.Count == ScriptIds.Count)
        {
            var initial = db.Database.GetMigrations().First();
            foreach (var id in scripts) await db.Database.ExecuteSqlRawAsync(history.GetDeleteScript(id), ct);
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(initial, ProductInfo.GetVersion())), ct);
            await tx.CommitAsync(ct);
            // A warning, so that the command line (which shows only warnings) says it too when it is the first to start.
            log.LogWarning("Base de datos de una versión anterior (migraciones en SQL hasta 829ded3): su esquema es el de la " +
                           "migración {Migration}, así que se adopta tal como está, con sus datos y su secreto de instalación", initial);
            return;
        }

        var secret = scripts.Contains(ScriptIds[1]) ? await db.InstallationSecrets.Where(s => s.Id == 1).Select(s => s.Value).FirstOrDefaultAsync(ct) : null;
        var tables = await db.Database.SqlQuery<string>($"SELECT name AS Value FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").ToListAsync(ct);
#pragma warning disable EF1003 // the names come from the file's own catalogue, quoted; DROP TABLE takes no parameters
        foreach (var table in tables) await db.Database.ExecuteSqlRawAsync("DROP TABLE \"" + table.Replace("\"", "\"\"") + "\"", ct);
#pragma warning restore EF1003
        // EF's own script of every migration, run inside this transaction: a crash leaves the old file or the new one.
        await db.Database.ExecuteSqlRawAsync(db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions), ct);
        if (secret is not null) await InstallationSecret.GetAsync(db, secret, ct);
        await tx.CommitAsync(ct);
        log.LogWarning("Base de datos de una versión anterior con migraciones en SQL incompletas ({Scripts}): solo tiene datos " +
                       "sincronizados, así que se reconstruye vacía {Secret} y se vuelve a cargar de la fuente",
            string.Join(", ", scripts), secret is null ? "(no tenía secreto de instalación)" : "conservando su secreto de instalación");
    }
}
