using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Data;

public sealed class MigrationTests
{
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

        var expected = Schema(fromModel.ConnectionString);
        var actual = Schema(migrated.ConnectionString);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "The model and the migration scripts disagree. Add Data/Migrations/<id>.sql with the difference.\n" +
            $"Missing from migrations:\n  {string.Join("\n  ", missing)}\nOnly in migrations:\n  {string.Join("\n  ", extra)}\n" +
            "The model's full script is:\n" + script);
    }

    /// <summary>Tables, columns (name, type, nullability, key) and indexes, normalised and sorted.</summary>
    private static List<string> Schema(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'");
        var lines = new List<string>();
        foreach (var table in tables)
        {
            foreach (var column in Query(connection, $"SELECT name || ' ' || type || ' notnull=' || \"notnull\" || ' pk=' || pk FROM pragma_table_info('{table}')"))
                lines.Add($"{table}.{column}");
            foreach (var index in Query(connection, $"SELECT name || ' unique=' || \"unique\" FROM pragma_index_list('{table}') WHERE origin <> 'pk'"))
                lines.Add($"{table} index {index} ({string.Join(",", Query(connection, $"SELECT name FROM pragma_index_info('{index.Split(' ')[0]}')"))})");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }
}
