using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Monitor;

/// <summary>The Monitor page rendered by bunit over the app's services and two suppliers seeded by hand.</summary>
public sealed class MonitorPageTests : ComponentTest
{
    private static Contrato Signed(string id, string nit, string name, long value, string? gender) => new()
    {
        IdContrato = id, NitEntidad = "891380007", DocumentoProveedor = nit, ProveedorAdjudicado = name, EstadoContrato = "En ejecución",
        FechaDeFirma = new(2025, 5, 1), ValorDelContrato = value, GeneroRepresentanteLegal = gender, Source = "demo",
    };

    private async Task<ApiHost> StartAsync(TestDb testDb, string url)
    {
        await using (var db = testDb.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            db.Contratos.AddRange(Signed("C1", "901623692", "AGRO MUJERES SAS", 7_000_000, "Mujer"), Signed("C2", "900111222", "TRANSPORTES DEL VALLE SAS", 90_000_000, "Hombre"));
            await db.SaveChangesAsync();
        }
        var app = await ApiHost.StartAsync(testDb);
        UseAppServices(app.Services);
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return app;
    }

    private static IReadOnlyList<string> Names(IRenderedComponent<MonitorPage> page) =>
        page.FindAll("tr.monitor-fila th a").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task The_table_follows_the_url_order_and_a_search_goes_to_the_url_that_lists_only_the_match()
    {
        using var testDb = new TestDb();
        await using var app = await StartAsync(testDb, "/proveedores?orden=-valorContratado");

        var page = Render<MonitorPage>();
        page.WaitForAssertion(() => Assert.Equal(["TRANSPORTES DEL VALLE SAS", "AGRO MUJERES SAS"], Names(page)));
        Assert.Equal("descending", page.FindAll("th[aria-sort]").Single(th => th.TextContent.Contains("Valor contratado")).GetAttribute("aria-sort"));
        Assert.Equal("1", page.Find("[data-testid=monitor-mujeres]").TextContent);

        await page.Find("input[type=search]").ChangeAsync(new ChangeEventArgs { Value = "agro" });
        await page.Find("form").SubmitAsync();

        Assert.EndsWith("/proveedores?q=agro&orden=-valorContratado", Services.GetRequiredService<NavigationManager>().Uri);
        var filtered = Render<MonitorPage>();
        filtered.WaitForAssertion(() => Assert.Equal(["AGRO MUJERES SAS"], Names(filtered)));
    }

    [Fact]
    public async Task Clicking_a_sort_label_puts_the_new_order_in_the_url()
    {
        using var testDb = new TestDb();
        await using var app = await StartAsync(testDb, "/proveedores");
        var page = Render<MonitorPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Names(page).Count));

        await page.FindAll(".mud-table-sort-label").Single(l => l.TextContent.Contains("Valor contratado")).ClickAsync(new());

        Assert.EndsWith("/proveedores?orden=valorContratado", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task A_supplier_arriving_live_waits_behind_a_button_until_the_reader_asks_for_it()
    {
        using var testDb = new TestDb();
        await using var app = await StartAsync(testDb, "/proveedores?orden=nombre");
        var page = Render<MonitorPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Names(page).Count));

        await using (var db = testDb.CreateDbContext())
        {
            db.Contratos.Add(Signed("C3", "900333444", "PROVEEDORA EN VIVO SAS", 1_000_000, null));
            await db.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<DataChangedNotifier>().NotifyAsync();

        page.WaitForAssertion(() => Assert.Equal("1 proveedor más — mostrar", page.Find("[data-testid=filas-nuevas] button").TextContent.Trim()));
        Assert.Equal(["AGRO MUJERES SAS", "TRANSPORTES DEL VALLE SAS"], Names(page));
        Assert.Equal("2", page.Find("[data-testid=monitor-total]").TextContent);

        await page.Find("[data-testid=filas-nuevas] button").ClickAsync(new());

        Assert.Equal(["AGRO MUJERES SAS", "PROVEEDORA EN VIVO SAS", "TRANSPORTES DEL VALLE SAS"], Names(page));
        Assert.Equal("3", page.Find("[data-testid=monitor-total]").TextContent);
    }
}
