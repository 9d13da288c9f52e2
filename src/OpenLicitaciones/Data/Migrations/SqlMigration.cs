using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpenLicitaciones.Data.Migrations;

/// <summary>
/// A migration whose Up is an embedded SQL script named after the migration (Data/Migrations/&lt;id&gt;.sql).
/// A test builds one database by migrations and one from the model and requires the same schema, so a model
/// change without its script fails the build's tests.
/// </summary>
public abstract class SqlMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var id = GetType().GetCustomAttribute<MigrationAttribute>()!.Id;
        using var stream = typeof(SqlMigration).Assembly.GetManifestResourceStream($"OpenLicitaciones.Data.Migrations.{id}.sql")
            ?? throw new InvalidOperationException($"Falta el script de la migración {id}.");
        using var reader = new StreamReader(stream);
        foreach (var statement in reader.ReadToEnd().Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (statement.Length > 0) migrationBuilder.Sql(statement + ";");
    }
}
