using Microsoft.Data.Sqlite;

namespace OpenLicitaciones.Tests.Support;

/// <summary>What a SQLite file holds, read from its own catalogue, for tests that compare two files.</summary>
public static class SqliteSchema
{
    /// <summary>
    /// One sorted line per table (AUTOINCREMENT or not), column (type, nullability, key, default), index (unique, columns)
    /// and foreign key (columns, target, delete rule); EF's history and lock tables are left out.
    /// </summary>
    public static List<string> Of(string connectionString)
    {
        using var connection = Open(connectionString);
        var lines = new List<string>();
        foreach (var table in Tables(connection))
        {
            lines.AddRange(Query(connection, $"SELECT name || ' autoincrement=' || (sql LIKE '%AUTOINCREMENT%') FROM sqlite_master WHERE name = '{table}'"));
            lines.AddRange(Query(connection,
                $"SELECT '{table}.' || name || ' ' || type || ' notnull=' || \"notnull\" || ' pk=' || pk || ' default=' || COALESCE(dflt_value, 'none') FROM pragma_table_info('{table}')"));
            foreach (var index in Query(connection, $"SELECT name || ' unique=' || \"unique\" FROM pragma_index_list('{table}') WHERE origin <> 'pk'"))
                lines.Add($"{table} index {index} ({string.Join(",", Query(connection, $"SELECT name FROM pragma_index_info('{index.Split(' ')[0]}')"))})");
            lines.AddRange(Query(connection,
                $"SELECT '{table} foreign key ' || \"from\" || ' -> ' || \"table\" || '.' || \"to\" || ' on delete ' || on_delete FROM pragma_foreign_key_list('{table}')"));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Rows per table (EF's history and lock tables left out).</summary>
    public static SortedDictionary<string, long> RowCounts(string connectionString)
    {
        using var connection = Open(connectionString);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)command.ExecuteScalar()!;
        }
        return counts;
    }

    public static List<string> Query(string connectionString, string sql)
    {
        using var connection = Open(connectionString);
        return Query(connection, sql);
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString + ";Pooling=False");
        connection.Open();
        return connection;
    }

    private static List<string> Tables(SqliteConnection connection) =>
        Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' ORDER BY name");

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetValue(0).ToString()!);
        return values;
    }
}
