using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Data;

/// <summary>Money is stored as whole pesos (long) and dates as ISO text: SQL must sum and order them correctly.</summary>
public sealed class StorageTests
{
    [Fact]
    public async Task Money_sums_and_orders_in_SQL_beyond_the_int_range()
    {
        using var testDb = new TestDb();
        await using (var db = testDb.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            db.Contratos.AddRange(
                Contract("A", 9_000_000_000L, new DateTime(2024, 3, 1)),
                Contract("B", 2_242_484_753L, new DateTime(2023, 12, 31)),
                Contract("C", 950L, new DateTime(2024, 1, 15)),
                Contract("D", null, new DateTime(2022, 6, 1)));
            await db.SaveChangesAsync();
        }

        await using var read = testDb.CreateDbContext();
        // 9,000,000,000 + 2,242,484,753 + 950 = 11,242,485,703 (worked out by hand)
        Assert.Equal(11_242_485_703L, await read.Contratos.SumAsync(c => c.ValorDelContrato ?? 0));
        Assert.Equal(["A", "B", "C", "D"], await read.Contratos.OrderByDescending(c => c.ValorDelContrato).Select(c => c.IdContrato).ToListAsync());
        Assert.Equal(["D", "B", "C", "A"], await read.Contratos.OrderBy(c => c.FechaDeFirma).Select(c => c.IdContrato).ToListAsync());
        Assert.Equal(["A", "C"], await read.Contratos
            .Where(c => c.FechaDeFirma >= new DateTime(2024, 1, 1) && c.FechaDeFirma < new DateTime(2025, 1, 1))
            .OrderBy(c => c.IdContrato).Select(c => c.IdContrato).ToListAsync());
        Assert.Equal(["B", "C"], await read.Contratos.Where(c => c.ValorDelContrato < 3_000_000_000L)
            .OrderBy(c => c.IdContrato).Select(c => c.IdContrato).ToListAsync());
    }

    [Fact]
    public async Task The_database_runs_in_WAL_mode_with_associations_seeded_once()
    {
        using var testDb = new TestDb();
        using (var host = await TestHost.StartAsync(testDb)) { }
        using (var host = await TestHost.StartAsync(testDb)) { } // a second start must not seed again

        await using var db = testDb.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Assert.Equal(8, await db.Asociaciones.CountAsync(a => !a.EsDemo));
        var asocampro = await db.Asociaciones.Include(a => a.Productos).SingleAsync(a => a.Nombre == "ASOCAMPROL");
        Assert.All(asocampro.Productos, p => Assert.Null(p.Cantidad)); // published without capacity: "Sin dato"
        var asophuepa = await db.Asociaciones.Include(a => a.Productos).SingleAsync(a => a.Nombre == "ASOPHUEPA");
        Assert.Equal(120000, asophuepa.Productos.Single(p => p.Producto == "Huevo (AA-AAA)").Cantidad);
    }

    private static Contrato Contract(string id, long? value, DateTime signed) =>
        new() { IdContrato = id, NitEntidad = "891380007", ValorDelContrato = value, FechaDeFirma = signed, Source = "demo" };
}
