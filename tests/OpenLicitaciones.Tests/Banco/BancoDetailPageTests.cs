using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Banco;

/// <summary>An opportunity's detail page rendered by bunit over the lines seeded in BancoSnapshotTests.</summary>
public sealed class BancoDetailPageTests : ComponentTest
{
    private const string Secop = "https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID=CO1.NTC.30";

    [Fact]
    public async Task A_contracted_line_shows_its_status_rule_every_step_reached_and_a_link_to_SECOP()
    {
        using var testDb = new TestDb();
        await BancoSnapshotTests.SeedAsync(testDb);
        await using (var db = testDb.CreateDbContext())
            await db.Procesos.Where(p => p.IdDelProceso == "CO1.REQ.3").ExecuteUpdateAsync(p => p.SetProperty(x => x.UrlProceso, Secop));
        await using var app = await ApiHost.StartAsync(testDb);
        UseAppServices(app.Services);

        var page = Render<BancoDetailPage>(p => p.Add(x => x.Id, "L-ntc"));

        page.WaitForAssertion(() => Assert.Equal("Compra de café", page.Find("h1").TextContent));
        var status = page.Find("[data-testid=detalle-estado]");
        Assert.Equal("Contratado", status.TextContent.Trim());
        Assert.Equal(BancoStatus.Rule(EstadoBanco.Contratado), page.Find($"#{status.GetAttribute("aria-describedby")}").TextContent);
        Assert.Contains(page.FindComponents<TimelineStep>(), s => s.Instance.Done && s.Markup.Contains("Contratado", StringComparison.Ordinal));
        Assert.Equal(Secop, page.Find("[data-testid=detalle-secop]").GetAttribute("href"));
        Assert.Equal(["Banco de Licitaciones", "Oportunidad"], page.FindAll(".breadcrumb li.mud-breadcrumb-item").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task An_unknown_id_says_so_in_Spanish_and_a_later_sync_that_brings_it_shows_it_without_a_reload()
    {
        using var testDb = new TestDb();
        await BancoSnapshotTests.SeedAsync(testDb);
        await using var app = await ApiHost.StartAsync(testDb);
        UseAppServices(app.Services);

        var page = Render<BancoDetailPage>(p => p.Add(x => x.Id, "L-late"));
        page.WaitForAssertion(() => Assert.Equal("No encontramos esta oportunidad", page.Find("h1").TextContent));

        await using (var db = testDb.CreateDbContext())
        {
            db.PaaLines.Add(new PaaLine { Id = "L-late", CodigoEntidad = "7", Annio = 2026, VersionDelPaa = 2, Descripcion = "Llegó después", Source = "demo" });
            await db.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<DataChangedNotifier>().NotifyAsync();

        page.WaitForAssertion(() => Assert.Equal("Llegó después", page.Find("h1").TextContent));
    }
}
