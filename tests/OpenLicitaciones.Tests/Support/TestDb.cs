using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Tests.Support;

/// <summary>A fresh SQLite file per test, deleted afterwards.</summary>
public sealed class TestDb : IDbContextFactory<AppDbContext>, IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ol-test-{Guid.NewGuid():N}.db");
    public string ConnectionString => $"Data Source={Path}";

    public AppDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseAppSqlite(ConnectionString).Options);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(Path + suffix);
    }
}
