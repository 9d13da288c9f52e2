using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenLicitaciones.Data;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Data;

/// <summary>
/// Upgrading from a database made by commit 829ded3, the last build whose migrations were SQL scripts
/// (Fixtures/openlicitaciones-829ded3.db; Fixtures/README.md says how it was made).
/// </summary>
public sealed class LegacyDatabaseTests
{
    private const string Fixture = "openlicitaciones-829ded3.db";
    private const string SuppliersQuery = "/api/v1/monitor/proveedores?pageSize=1000&orden=nombre";

    [Fact]
    public async Task A_database_made_by_829ded3_has_exactly_the_schema_that_the_migrations_create()
    {
        using var legacy = CopyOfFixture();
        using var migrated = new TestDb();
        // Adoption records the first migration as applied; the later ones then run as on any other database.
        await using (var db = migrated.CreateDbContext()) await db.Database.MigrateAsync(db.Database.GetMigrations().First());

        Assert.Equal(LegacyDatabase.ScriptIds, History(legacy));
        var expected = SqliteSchema.Of(migrated.ConnectionString);
        var actual = SqliteSchema.Of(legacy.ConnectionString);
        Assert.True(expected.SequenceEqual(actual),
            "Adopting 829ded3's databases in place needs their schema to be the migrations' own.\n" +
            $"Only in the migrations:\n  {string.Join("\n  ", expected.Except(actual))}\nOnly in 829ded3's file:\n  {string.Join("\n  ", actual.Except(expected))}");
    }

    [Fact]
    public async Task Starting_on_a_database_made_by_829ded3_adopts_it_once_with_every_row_its_secret_and_the_same_supplier_ids()
    {
        using var testDb = CopyOfFixture();
        var rowsBefore = SqliteSchema.RowCounts(testDb.ConnectionString);
        var secretBefore = Secret(testDb);
        Assert.All(rowsBefore, table => Assert.True(table.Value > 0, $"the fixture has no row in {table.Key}"));

        var firstStart = new LogCollector();
        // Outside demo mode the registry's file rows are the fixture's eight again (demo mode would add its organisations).
        var socrata = new Dictionary<string, string?> { ["Sync:Source"] = "socrata" };
        using (await TestHost.StartAsync(testDb, socrata, services: s => s.AddSingleton<ILoggerProvider>(firstStart))) { }

        var line = Assert.Single(firstStart.Of(typeof(LegacyDatabase)));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("se adopta tal como está", line.Message);
        string[] migrations;
        await using (var db = testDb.CreateDbContext()) migrations = db.Database.GetMigrations().ToArray();
        Assert.Equal(migrations, History(testDb));
        Assert.Equal(rowsBefore, RowCountsOfTablesIn(rowsBefore, testDb));
        Assert.Equal(secretBefore, Secret(testDb));

        var secondStart = new LogCollector();
        using (await TestHost.StartAsync(testDb, socrata, services: s => s.AddSingleton<ILoggerProvider>(secondStart))) { }

        Assert.Empty(secondStart.Of(typeof(LegacyDatabase)));
        Assert.Equal(migrations, History(testDb));
        Assert.Equal(rowsBefore, RowCountsOfTablesIn(rowsBefore, testDb));

        // The supplier list 829ded3 published from this file, natural persons' keyed-hash ids included.
        await using var app = await ApiHost.StartAsync(testDb);
        var published = JsonNode.Parse(await app.Client.GetStringAsync(SuppliersQuery))!;
        var recorded = JsonNode.Parse(await File.ReadAllTextAsync(Fixtures.PathOf("openlicitaciones-829ded3.proveedores.json")))!;
        Assert.Equal(3, recorded["items"]!.AsArray().Count(i => System.Text.RegularExpressions.Regex.IsMatch((string)i!["id"]!, "^p-[0-9a-f]{16}$")));
        Assert.True(JsonNode.DeepEquals(recorded, published), "The upgraded app publishes another supplier list than 829ded3 did from the same file.");
    }

    [Theory]
    [InlineData(2, true)]  // the installation secret's script ran, the lease holder's did not
    [InlineData(1, false)] // only the first script: there was no secret yet
    public async Task A_database_that_stopped_before_the_last_script_is_rebuilt_empty_once_keeping_its_secret(int scripts, bool hadSecret)
    {
        using var testDb = CopyOfFixture();
        var secretBefore = Secret(testDb);
        // Takes 829ded3's file back to what the earlier versions left.
        Execute(testDb, """
            ALTER TABLE SyncLeases DROP COLUMN Machine; ALTER TABLE SyncLeases DROP COLUMN ProcessId;
            ALTER TABLE SyncLeases DROP COLUMN ProcessStart; ALTER TABLE SyncLeases DROP COLUMN HeartbeatAt;
            ALTER TABLE SyncRuns DROP COLUMN Holder;
            DELETE FROM __EFMigrationsHistory WHERE MigrationId = '20261202_0003_LeaseHolder';
            """);
        if (scripts == 1)
            Execute(testDb, "DROP TABLE InstallationSecrets; DELETE FROM __EFMigrationsHistory WHERE MigrationId = '20261202_0002_InstallationSecret';");
        Assert.Equal(LegacyDatabase.ScriptIds.Take(scripts), History(testDb));

        var firstStart = new LogCollector();
        // Outside demo mode the registry's file rows are the fixture's eight again (demo mode would add its organisations).
        var socrata = new Dictionary<string, string?> { ["Sync:Source"] = "socrata" };
        using (await TestHost.StartAsync(testDb, socrata, services: s => s.AddSingleton<ILoggerProvider>(firstStart))) { }
        var secondStart = new LogCollector();
        using (await TestHost.StartAsync(testDb, services: s => s.AddSingleton<ILoggerProvider>(secondStart))) { }

        var line = Assert.Single(firstStart.Of(typeof(LegacyDatabase)));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("se reconstruye vacía", line.Message);
        Assert.Empty(secondStart.Of(typeof(LegacyDatabase)));
        using var fresh = new TestDb();
        await using (var db = fresh.CreateDbContext()) await db.Database.MigrateAsync();
        Assert.Equal(SqliteSchema.Of(fresh.ConnectionString), SqliteSchema.Of(testDb.ConnectionString));
        await using (var db = testDb.CreateDbContext())
        {
            Assert.Equal(db.Database.GetMigrations(), History(testDb));
            Assert.Equal(0, await db.Procesos.CountAsync());
            Assert.Equal(0, await db.SyncRuns.CountAsync());
            Assert.Equal(8, await db.Asociaciones.CountAsync(a => !a.EsDemo)); // seeded again from data/associations.json
        }
        if (hadSecret) Assert.Equal(secretBefore, Secret(testDb));
        else Assert.Matches("^[0-9a-f]{64}$", Secret(testDb));
    }

    private static TestDb CopyOfFixture()
    {
        var testDb = new TestDb();
        File.Copy(Fixtures.PathOf(Fixture), testDb.Path);
        return testDb;
    }

    private static List<string> History(TestDb testDb) =>
        SqliteSchema.Query(testDb.ConnectionString, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId");

    private static string Secret(TestDb testDb) =>
        Assert.Single(SqliteSchema.Query(testDb.ConnectionString, "SELECT Value FROM InstallationSecrets"));

    private static void Execute(TestDb testDb, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(testDb.ConnectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Rows now in the tables that the fixture had (migrations after the first add tables of their own).</summary>
    private static SortedDictionary<string, long> RowCountsOfTablesIn(SortedDictionary<string, long> before, TestDb db) =>
        new(SqliteSchema.RowCounts(db.ConnectionString).Where(t => before.ContainsKey(t.Key)).ToDictionary(), StringComparer.Ordinal);
}
