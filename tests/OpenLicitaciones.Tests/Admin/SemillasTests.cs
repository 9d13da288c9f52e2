using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Admin;

/// <summary>
/// The files of data/ are copied into the database on the first start only: from then on what staff keep is the
/// truth, and a restart never brings back a row they deleted nor duplicates one.
/// </summary>
public sealed class SemillasTests : IDisposable
{
    private readonly TestDb _db = new();
    private static readonly Dictionary<string, string?> Demo = new() { ["Sync:Source"] = "demo" };
    private static readonly Dictionary<string, string?> Vivo = new() { ["Sync:Source"] = "socrata" };

    private async Task ArrancarAsync(Dictionary<string, string?> settings)
    {
        using var host = await TestHost.StartAsync(_db, settings);
    }

    [Fact]
    public async Task The_first_start_copies_the_registry_the_demand_and_the_certifications_and_a_restart_keeps_staff_edits()
    {
        await ArrancarAsync(Demo);
        int asociaciones, demanda, certificaciones;
        await using (var db = _db.CreateDbContext())
        {
            (asociaciones, demanda, certificaciones) = (await db.Asociaciones.CountAsync(), await db.Demanda.CountAsync(), await db.Certificaciones.CountAsync());
            Assert.Equal(8, await db.Asociaciones.CountAsync(a => !a.EsDemo)); // data/associations.json
            Assert.Equal(27, demanda); // data/demanda_declarada.csv's rows
            Assert.Equal(2, certificaciones); // data/certificaciones_demo.csv (data/certificaciones.csv ships empty)
            Assert.All(await db.Asociaciones.ToListAsync(), a => Assert.NotEqual(Guid.Empty, a.Version));
            // Staff delete an association, a demand row and a certification, and add a certification.
            db.Asociaciones.Remove(await db.Asociaciones.OrderBy(a => a.Id).FirstAsync(a => !a.EsDemo));
            db.Demanda.Remove(await db.Demanda.OrderBy(d => d.Id).FirstAsync());
            db.Certificaciones.Remove(await db.Certificaciones.OrderBy(c => c.Id).FirstAsync());
            db.Certificaciones.Add(new CertificacionRegistrada { Nit = "900278398", Desde = new DateOnly(2024, 1, 1), Evidencia = "Acta 7", RegistradaPor = "editora" });
            await db.SaveChangesAsync();
        }

        await ArrancarAsync(Demo);

        await using var check = _db.CreateDbContext();
        Assert.Equal(asociaciones - 1, await check.Asociaciones.CountAsync());
        Assert.Equal(demanda - 1, await check.Demanda.CountAsync());
        Assert.Equal(certificaciones, await check.Certificaciones.CountAsync());
        Assert.True(await check.Certificaciones.AnyAsync(c => c.Nit == "900278398"));
    }

    [Fact]
    public async Task Leaving_demo_mode_removes_the_demo_organisations_and_certifications_and_returning_brings_them_back_once()
    {
        await ArrancarAsync(Demo);
        await ArrancarAsync(Vivo);
        await using (var db = _db.CreateDbContext())
        {
            Assert.False(await db.Asociaciones.AnyAsync(a => a.EsDemo));
            Assert.False(await db.Certificaciones.AnyAsync(c => c.EsDemo));
            Assert.Equal(8, await db.Asociaciones.CountAsync());
        }

        await ArrancarAsync(Demo);
        await ArrancarAsync(Demo);

        await using var check = _db.CreateDbContext();
        Assert.Equal(2, await check.Certificaciones.CountAsync(c => c.EsDemo));
        var demo = await check.Asociaciones.Where(a => a.EsDemo).Select(a => a.Nombre).ToListAsync();
        Assert.NotEmpty(demo);
        Assert.Equal(demo.Count, demo.Distinct().Count());
    }

    public void Dispose() => _db.Dispose();
}
