using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Sync;

public sealed class PaaVersionTests
{
    [Fact]
    public async Task The_highest_stored_version_becomes_current_keeping_the_previous_and_dropping_older_ones()
    {
        using var testDb = new TestDb();
        await using (var db = testDb.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            db.PaaLines.AddRange(Line("1", 2026, 1), Line("2", 2026, 1), Line("3", 2026, 2), Line("4", 2026, 2), Line("5", 2026, 3),
                Line("6", 2025, 4));
            await db.SaveChangesAsync();
            await new PaaLinesDataset().AfterRunAsync(db, CancellationToken.None);
        }

        await using var read = testDb.CreateDbContext();
        var current = await read.PaaVigentes.OrderBy(v => v.Annio).ToListAsync();
        Assert.Equal([(2025, 4, (int?)null), (2026, 3, (int?)2)], current.Select(v => (v.Annio, v.Version, v.VersionAnterior)));
        Assert.Equal(["3", "4", "5", "6"], await read.PaaLines.OrderBy(l => l.Id).Select(l => l.Id).ToListAsync());
    }

    [Fact]
    public async Task Lines_of_a_version_older_than_the_two_kept_are_not_stored_again()
    {
        using var testDb = new TestDb();
        await using var db = testDb.CreateDbContext();
        await db.Database.MigrateAsync();
        var dataset = new PaaLinesDataset();
        await dataset.UpsertAsync(db, [Line("1", 2026, 1), Line("2", 2026, 2), Line("3", 2026, 3), Line("9", 2025, 1)], CancellationToken.None);
        await dataset.AfterRunAsync(db, CancellationToken.None);

        // The next sync reads every version again, and a version 4 that arrived meanwhile.
        var written = await dataset.UpsertAsync(db,
            [Line("1", 2026, 1), Line("2", 2026, 2), Line("3", 2026, 3), Line("4", 2026, 4), Line("9", 2025, 1)], CancellationToken.None);

        Assert.Equal(1, written); // version 4 only: version 1 of 2026 is older than the kept 2 and 3, the rest is unchanged
        Assert.Equal(["2", "3", "4", "9"], await db.PaaLines.OrderBy(l => l.Id).Select(l => l.Id).ToListAsync());
    }

    [Fact]
    public async Task A_version_being_loaded_is_not_current_until_the_run_finishes()
    {
        using var testDb = new TestDb();
        await using var db = testDb.CreateDbContext();
        await db.Database.MigrateAsync();
        db.PaaLines.AddRange(Line("1", 2026, 1));
        await db.SaveChangesAsync();
        await new PaaLinesDataset().AfterRunAsync(db, CancellationToken.None);

        db.PaaLines.Add(Line("2", 2026, 2)); // a page of version 2 arrives mid-run
        await db.SaveChangesAsync();

        Assert.Equal(1, (await db.PaaVigentes.SingleAsync()).Version);
    }

    private static PaaLine Line(string id, int year, int version) => new()
    {
        Id = id, Annio = year, VersionDelPaa = version, CodigoEntidad = "703265803", Descripcion = $"línea {id}", Source = "demo",
    };
}
