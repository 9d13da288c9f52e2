using Npgsql;

namespace OpenLicitaciones.Tests.Support;

/// <summary>What a PostgreSQL database holds, read from its catalogue, for tests that compare two databases.</summary>
public static class PostgresSchema
{
    /// <summary>
    /// One sorted line per column (type, nullability, default, identity) and index (its definition) of the public schema;
    /// EF's history and lock tables and Quartz's qrtz_ tables (not part of the EF model) are left out.
    /// </summary>
    public static List<string> Of(string connectionString)
    {
        const string Ours = "table_name NOT LIKE '\\_\\_EFMigrations%' AND table_name NOT LIKE 'qrtz\\_%'";
        var lines = Query(connectionString, $"""
            SELECT table_name || '.' || column_name || ' ' || data_type || ' nullable=' || is_nullable
                || ' default=' || COALESCE(column_default, 'none') || ' identity=' || is_identity
            FROM information_schema.columns WHERE table_schema = 'public' AND {Ours}
            """);
        lines.AddRange(Query(connectionString, $"""
            SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND {Ours.Replace("table_name", "tablename")}
            """));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static List<string> Query(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add(reader.IsDBNull(0) ? "" : reader.GetValue(0).ToString()!);
        return lines;
    }
}
