using AngleSharp.Html.Parser;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Monitor;

/// <summary>The supplier profile as a visitor's browser first receives it (server prerendering).</summary>
public sealed class MonitorProfilePageTests
{
    [Fact]
    public async Task The_profile_shows_the_years_given_in_its_url_as_the_api_does_and_the_list_links_to_it_with_its_years()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb);
        await using (var db = testDb.CreateDbContext())
        {
            db.Proveedores.Add(new ProveedorRegistrado { Codigo = "718", Nit = "901623692", Nombre = "AGRO A SAS", Source = "demo" });
            db.Procesos.AddRange(
                new Proceso { IdDelProceso = "P1", NitEntidad = "891380007", FechaPublicacion = new(2024, 2, 1), Modalidad = "Mínima cuantía", Adjudicado = true,
                    CodigoProveedor = "718", Source = "demo" },
                new Proceso { IdDelProceso = "P2", NitEntidad = "891380007", FechaPublicacion = new(2025, 2, 1), Modalidad = "Mínima cuantía", Source = "demo" });
            db.Proponentes.Add(new Proponente { Id = "P2|718", IdProcedimiento = "P2", CodigoProveedor = "718", Source = "demo" });
            await db.SaveChangesAsync();
        }

        var list = new HtmlParser().ParseDocument(await app.Client.GetStringAsync("/proveedores?desde=2024&hasta=2024"));
        var link = list.QuerySelector("tr.monitor-fila th a")!.GetAttribute("href");
        Assert.Equal("/proveedores/901623692?desde=2024&hasta=2024", link); // the list links to the profile over its own years

        var page = new HtmlParser().ParseDocument(await app.Client.GetStringAsync(link));

        Assert.Contains("2024–2024", page.QuerySelector(".rule")!.TextContent);
        var years = page.QuerySelectorAll("[data-testid=perfil-anios] tbody tr").Select(tr => tr.QuerySelector("th")!.TextContent.Trim()).ToList();
        Assert.Equal(["2024"], years);
        Assert.Equal("1", page.QuerySelector("[data-testid=perfil-cifras] div dd")!.TextContent.Trim()); // P1 only; the 2025 bid is outside
    }
}
