using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Tests.Support;

/// <summary>
/// A fresh, empty database per test, deleted afterwards: a SQLite file, or a database of its own on the throw-away
/// PostgreSQL server that ./test.sh starts.
/// </summary>
public sealed class TestDb : IDbContextFactory<AppDbContext>, IDisposable
{
    public TestDb(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ol-test-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={Path}";
        }
        else
        {
            Path = $"ol_test_{Guid.NewGuid():N}";
            ConnectionString = TestPostgres.CreateDatabase(Path);
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file, or the PostgreSQL database's name.</summary>
    public string Path { get; }

    public string ConnectionString { get; }

    public DatabaseSettings Settings => new(Provider, ConnectionString);

    /// <summary>The settings that point the app at this database.</summary>
    public IDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        [$"ConnectionStrings:{DataRegistration.ConnectionName}"] = ConnectionString,
        [DatabaseSettings.ProviderKey] = Provider.ToString().ToLowerInvariant(),
    };

    public AppDbContext CreateDbContext() => Settings.CreateDbContext();

    public void Dispose()
    {
        if (Provider == DatabaseProvider.Postgresql)
        {
            NpgsqlConnection.ClearAllPools();
            TestPostgres.DropDatabase(Path);
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(Path + suffix);
    }
}

/// <summary>The throw-away PostgreSQL server of the test run (scripts/throwaway-postgres.sh, started by ./test.sh).</summary>
public static class TestPostgres
{
    public const string Variable = "OPENLICITACIONES_TEST_POSTGRES";

    public static string Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value
        : throw new InvalidOperationException(
            $"The PostgreSQL tests need a server: run ./test.sh, which starts a throw-away one, or set {Variable} to the " +
            "connection string of a server where this user may create databases (scripts/throwaway-postgres.sh start DIR prints one).");

    /// <summary>Creates an empty database; returns its connection string.</summary>
    public static string CreateDatabase(string name)
    {
        Execute($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    public static void DropDatabase(string name) => Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    private static void Execute(string sql)
    {
        // Pooling off: the admin connection must not linger on the server between tests.
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
