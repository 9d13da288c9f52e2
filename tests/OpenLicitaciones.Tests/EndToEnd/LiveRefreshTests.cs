using System.Globalization;
using System.Text.Json.Nodes;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;
using OpenLicitaciones.Tests.Sync;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>A server of its own for the live-refresh tests: they replace its demo data with live rows.</summary>
public sealed class LiveServer : IAsyncLifetime
{
    public AppServer App { get; } = new();
    public FakeSodaServer Soda { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Soda = await FakeSodaServer.StartAsync();
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Soda.DisposeAsync();
    }

    /// <summary>One sync run from "datos.gov.co" (the fake) by the CLI, a process apart from the server.</summary>
    public async Task SyncAsync(string dataset)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SyncCommand.RunAsync(["--source", "socrata", "--base-url", Soda.BaseUrl, "--database", App.DatabasePath, "--dataset", dataset], output, error);
        Assert.True(code == 0, error.ToString());
    }
}

/// <summary>A sync written by another process reaches open pages without a reload (the sync-run log is polled).</summary>
[Collection(EndToEndCollection.Name)]
public sealed class LiveRefreshTests(BrowserFixture browser, LiveServer live) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task A_cli_sync_of_live_processes_updates_the_open_home_page_without_a_reload()
    {
        live.Soda.Put(ProcesoRows.Dataset, ProcesoRows.Many(2));
        await using var context = await browser.NewContextAsync(live.App.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/");
        var processes = page.GetByTestId("home-figures").Locator("li").Nth(1);
        await Expect(processes).ToContainTextAsync("procesos de contratación");
        var before = await processes.Locator(".figure").InnerTextAsync();
        Assert.True(long.Parse(before, NumberStyles.AllowThousands, new CultureInfo("es-CO")) > 1000, before);
        await page.EvaluateAsync("() => window.__sinRecargar = true");

        await live.SyncAsync(ProcesoRows.Dataset);

        // The live rows replace the demo processes; the page learns of it from the sync-run log within ~2 s.
        await Expect(processes).ToContainTextAsync("2 procesos de contratación", new() { Timeout = 10_000 });
        // The changed figure flashes for two seconds, screen readers hear one sentence, and the page's age ticks by itself.
        await Expect(processes.Locator(".figure")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("vivo-cambio"));
        await Expect(processes.Locator(".figure")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("vivo-cambio"), new() { Timeout = 5_000 });
        await Expect(page.GetByTestId("aviso-cambio")).ToContainTextAsync("Datos nuevos: la página se actualizó");
        await Expect(page.GetByTestId("actualizado-hace")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^hace \d+ s$"), new() { Timeout = 10_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sinRecargar === true"), "the page reloaded instead of updating live");
        await Screenshots.SaveAsync(page, Viewport.Desktop);
    }

    [Fact]
    public async Task A_cli_sync_of_a_new_plan_version_updates_the_open_banco_list_without_a_reload()
    {
        var year = DateTime.Now.Year;
        live.Soda.Put("9sue-ezhx", PlanLine(1, "Compra de huevo campesino para el PAE", year), PlanLine(2, "Compra de tilapia de Palmira", year));
        await using var context = await browser.NewContextAsync(live.App.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/licitaciones");
        var total = page.GetByTestId("banco-total");
        Assert.True(int.Parse(await total.InnerTextAsync(), NumberStyles.AllowThousands, new CultureInfo("es-CO")) > 2);
        await page.EvaluateAsync("() => window.__sinRecargar = true");

        await live.SyncAsync("9sue-ezhx");

        await Expect(total).ToHaveTextAsync("2", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("oportunidad").Locator(".opportunity-title")).ToHaveTextAsync(
            ["Compra de huevo campesino para el PAE", "Compra de tilapia de Palmira"]);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sinRecargar === true"), "the page reloaded instead of updating live");
    }

    [Fact]
    public async Task A_cli_sync_of_a_live_contract_shows_its_supplier_in_the_open_monitor_without_a_reload()
    {
        live.Soda.Put("jbjy-vk9h", new JsonObject
        {
            [":id"] = "row-c-1", [":updated_at"] = "2026-11-20T10:00:00.000Z", ["id_contrato"] = "CO1.PCCNTR.777", ["nit_entidad"] = ProcesoRows.Palmira,
            ["proceso_de_compra"] = "CO1.BDOS.777", ["estado_contrato"] = "En ejecución", ["fecha_de_firma"] = $"{DateTime.Now.Year}-02-01T00:00:00.000",
            ["valor_del_contrato"] = "12000000", ["documento_proveedor"] = "900777777", ["tipodocproveedor"] = "NIT",
            ["proveedor_adjudicado"] = "PROVEEDORA EN VIVO SAS", ["g_nero_representante_legal"] = "Mujer", ["modalidad_de_contratacion"] = "Mínima cuantía",
        });
        await using var context = await browser.NewContextAsync(live.App.BaseUrl, Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/proveedores?q=en%20vivo");
        await Expect(page.GetByTestId("monitor-total")).ToHaveTextAsync("0");
        await page.EvaluateAsync("() => window.__sinRecargar = true");

        await live.SyncAsync("jbjy-vk9h");

        await Expect(page.Locator("tr.monitor-fila").Locator("th a")).ToHaveTextAsync(["PROVEEDORA EN VIVO SAS"], new() { Timeout = 10_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sinRecargar === true"), "the page reloaded instead of updating live");
    }

    private static JsonObject PlanLine(int n, string description, int year) => new()
    {
        [":id"] = $"row-paa-{n}", [":updated_at"] = "2026-11-20T10:00:00.000Z", ["id"] = $"LIVE{n}", ["descripcion"] = description,
        ["fecha_esperada_de_inicio"] = n == 1 ? "Marzo" : "Abril", ["valor_total_esperado"] = "25000000", ["modalidad"] = "Mínima cuantía",
        ["categorias_unspsc"] = n == 1 ? "V1.50131700" : "V1.50121500", ["codigo_entidad"] = "701234567", ["nit_entidad"] = ProcesoRows.Palmira,
        ["annio"] = year.ToString(CultureInfo.InvariantCulture), ["version_del_paa"] = "1",
    };
}
