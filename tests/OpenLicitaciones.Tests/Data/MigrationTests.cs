using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Data;

public sealed class MigrationTests
{
    private static string AddMigration(DatabaseProvider provider) =>
        $"Run `dotnet tool restore` and `dotnet ef migrations add <Name> --project src/OpenLicitaciones --context {provider}AppDbContext " +
        $"--output-dir Data/Migrations/{(provider == DatabaseProvider.Sqlite ? "Sqlite" : "Postgres")}`, and commit the generated files.";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgresql)]
    public void The_model_has_no_change_that_lacks_a_migration(DatabaseProvider provider)
    {
        // Comparing the model with the engine's last migration needs no server.
        using var db = new DatabaseSettings(provider, provider == DatabaseProvider.Sqlite ? "Data Source=unused.db" : "Host=unused").CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration creates. " + AddMigration(provider));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgresql)]
    public async Task Migrations_produce_exactly_the_schema_of_the_model(DatabaseProvider provider)
    {
        using var migrated = new TestDb(provider);
        using var fromModel = new TestDb(provider);
        await using (var db = migrated.CreateDbContext()) await db.Database.MigrateAsync();
        string script;
        await using (var db = fromModel.CreateDbContext())
        {
            await db.Database.EnsureCreatedAsync();
            script = db.Database.GenerateCreateScript();
        }

        var expected = Schema(fromModel);
        var actual = Schema(migrated);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "The model and the migrations disagree (a generated migration edited by hand?). " + AddMigration(provider) + "\n" +
            $"Missing from migrations:\n  {string.Join("\n  ", missing)}\nOnly in migrations:\n  {string.Join("\n  ", extra)}\n" +
            "The model's full script is:\n" + script);
        Assert.NotEmpty(actual);
    }

    private static List<string> Schema(TestDb db) =>
        db.Provider == DatabaseProvider.Sqlite ? SqliteSchema.Of(db.ConnectionString) : PostgresSchema.Of(db.ConnectionString);
}
