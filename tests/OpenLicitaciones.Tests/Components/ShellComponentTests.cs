using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Components.Layout;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Inicio;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Components;

public sealed class ShellComponentTests : ComponentTest
{
    [Fact]
    public async Task Before_any_sync_the_status_line_says_there_is_none_yet_and_no_demo_notice_shows()
    {
        using var testDb = new TestDb();
        using var host = await TestHost.StartAsync(testDb);

        UseAppServices(host.Services);
        var status = Render<DataStatusLine>();
        var notice = Render<DemoNotice>();

        var line = Loaded(status);
        Assert.StartsWith("Datos actualizados: sin sincronizaciones todavía", line.TextContent.Trim());
        // The page's own age ticks in the browser from the time it was drawn; the line itself is not a live region.
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", line.QuerySelector("[data-testid=actualizado-hace]")!.GetAttribute("data-hace"));
        Assert.Null(line.GetAttribute("aria-live"));
        Assert.Equal("", status.Find("[data-testid=aviso-cambio]").TextContent);
        Assert.Empty(notice.FindAll("[data-testid=demo-notice]"));
    }

    [Fact]
    public async Task After_a_demo_load_the_status_line_shows_the_date_in_Colombian_time_and_marks_demo_data()
    {
        using var testDb = new TestDb();
        using var host = await TestHost.StartAsync(testDb);
        await using (var db = testDb.CreateDbContext())
        {
            db.SyncRuns.Add(new SyncRun
            {
                Dataset = "p6dx-8zbt", Source = "demo", StartedAt = new DateTime(2026, 11, 22, 14, 0, 0), FinishedAt = new DateTime(2026, 11, 22, 14, 5, 0),
            });
            db.SyncRuns.Add(new SyncRun { Dataset = "jbjy-vk9h", Source = "demo", StartedAt = new DateTime(2026, 11, 22, 14, 6, 0), FinishedAt = new DateTime(2026, 11, 22, 14, 7, 0), Error = "HTTP 500" });
            db.Procesos.Add(new Proceso { IdDelProceso = "CO1.REQ.1", NitEntidad = "891380007", Source = "demo" });
            await db.SaveChangesAsync();
        }

        UseAppServices(host.Services);
        var status = Render<DataStatusLine>();
        var notice = Render<DemoNotice>();

        var line = Loaded(status);
        // 14:05 UTC is 9:05 in Bogotá (UTC−5).
        Assert.StartsWith("Datos actualizados: 22 de noviembre de 2026, 9:05", line.TextContent.Trim());
        Assert.Equal("2026-11-22T14:05:00Z", line.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("demostración", line.QuerySelector(".badge-demo")!.TextContent);
        Assert.Equal("1 con error", line.QuerySelector(".badge-warn")!.TextContent);
        Assert.Contains("Datos de demostración.", notice.WaitForElement("[data-testid=demo-notice]").TextContent);
    }

    [Fact]
    public async Task Home_shows_the_figures_of_the_loaded_data_in_Colombian_format()
    {
        using var testDb = new TestDb();
        await using var host = await ApiHost.StartAsync(testDb); // Home reads the Monitor snapshot too
        await using (var db = testDb.CreateDbContext())
        {
            db.Contratos.AddRange(
                new Contrato { IdContrato = "A", NitEntidad = "891380007", ValorDelContrato = 1_234_567, Source = "demo" },
                new Contrato { IdContrato = "B", NitEntidad = "891380007", ValorDelContrato = 1_000_000_000, Source = "demo" });
            db.PaaLines.AddRange(
                new PaaLine { Id = "1", CodigoEntidad = "7", Annio = 2026, VersionDelPaa = 2, Source = "demo" },
                new PaaLine { Id = "2", CodigoEntidad = "7", Annio = 2026, VersionDelPaa = 1, Source = "demo" });
            db.PaaVigentes.Add(new PaaVigente { CodigoEntidad = "7", Annio = 2026, Version = 2, VersionAnterior = 1 });
            await db.SaveChangesAsync();
        }

        UseAppServices(host.Services);
        var home = Render<Home>();

        var items = home.WaitForElements("[data-testid=home-figures] li").Select(li => string.Join(" ", li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(
        [
            "1 líneas del plan de compras vigente", // only the current version counts
            "0 procesos de contratación",
            "2 contratos, por $ 1.001.234.567",
            "0 proveedores que participaron",
            "8 asociaciones de productores caracterizadas",
        ], items);
        Assert.Equal("Qué compra el municipio, quién le vende y qué tan incluyente es su contratación", home.Find("h1").TextContent);
    }

    /// <summary>The status line once its query has answered.</summary>
    [Fact]
    public async Task A_data_change_is_announced_once_politely_and_restarts_the_pages_age()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb);
        UseAppServices(app.Services);
        var status = Render<DataStatusLine>();
        Loaded(status);

        await app.Services.GetRequiredService<OpenLicitaciones.Features.Sync.DataChangedNotifier>().NotifyAsync();

        status.WaitForAssertion(() => Assert.StartsWith("Datos nuevos: la página se actualizó a las ", status.Find("[data-testid=aviso-cambio]").TextContent));
        var aviso = status.Find("[data-testid=aviso-cambio]");
        Assert.Equal(("status", "polite"), (aviso.GetAttribute("role"), aviso.GetAttribute("aria-live")));
        Assert.Single(status.FindAll("[aria-live]"));
    }

    private static AngleSharp.Dom.IElement Loaded(IRenderedComponent<DataStatusLine> status)
    {
        status.WaitForState(() => !status.Find("[data-testid=data-status]").TextContent.Contains("Consultando", StringComparison.Ordinal));
        return status.Find("[data-testid=data-status]");
    }
}
