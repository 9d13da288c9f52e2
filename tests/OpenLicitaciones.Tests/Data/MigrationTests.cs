using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Data;

public sealed class MigrationTests
{
    private const string AddMigration =
        "Run `dotnet tool restore` and `dotnet ef migrations add <Name> --project src/OpenLicitaciones --output-dir Data/Migrations`, and commit the generated files.";

    [Fact]
    public void The_model_has_no_change_that_lacks_a_migration()
    {
        using var testDb = new TestDb();
        using var db = testDb.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration creates. " + AddMigration);
    }

    [Fact]
    public async Task Migrations_produce_exactly_the_schema_of_the_model()
    {
        using var migrated = new TestDb();
        using var fromModel = new TestDb();
        await using (var db = migrated.CreateDbContext()) await db.Database.MigrateAsync();
        string script;
        await using (var db = fromModel.CreateDbContext())
        {
            await db.Database.EnsureCreatedAsync();
            script = db.Database.GenerateCreateScript();
        }

        var expected = SqliteSchema.Of(fromModel.ConnectionString);
        var actual = SqliteSchema.Of(migrated.ConnectionString);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "The model and the migrations disagree (a generated migration edited by hand?). " + AddMigration + "\n" +
            $"Missing from migrations:\n  {string.Join("\n  ", missing)}\nOnly in migrations:\n  {string.Join("\n  ", extra)}\n" +
            "The model's full script is:\n" + script);
    }
}
