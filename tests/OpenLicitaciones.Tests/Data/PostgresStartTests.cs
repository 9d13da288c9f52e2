using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenLicitaciones.Data;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Data;

/// <summary>Starting on PostgreSQL: the database made when missing, and instances that start together.</summary>
public sealed class PostgresStartTests
{
    [Fact]
    public async Task The_app_creates_its_database_when_the_server_does_not_have_it()
    {
        var name = $"ol_test_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(TestPostgres.Server) { Database = name }.ConnectionString;
        try
        {
            var settings = new DatabaseSettings(DatabaseProvider.Postgresql, connectionString);
            await using (var db = settings.CreateDbContext()) await settings.MigrateAsync(db, CancellationToken.None);

            await using var check = settings.CreateDbContext();
            Assert.Empty(await check.Database.GetPendingMigrationsAsync());
            Assert.Contains("qrtz_triggers", PostgresSchema.Query(connectionString, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            TestPostgres.DropDatabase(name);
        }
    }

    [Fact]
    public async Task Instances_starting_together_migrate_once_and_seed_the_associations_once()
    {
        using var testDb = new TestDb(DatabaseProvider.Postgresql);
        var hosts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => TestHost.StartAsync(testDb)));
        try
        {
            await using var db = testDb.CreateDbContext();
            var seeded = await db.Asociaciones.CountAsync();
            Assert.InRange(seeded, 1, 1000);
            Assert.Equal(seeded, await db.Asociaciones.Select(a => a.Nombre).Distinct().CountAsync());
            Assert.Single(await db.InstallationSecrets.ToListAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            foreach (var host in hosts) host.Dispose();
        }
    }
}
