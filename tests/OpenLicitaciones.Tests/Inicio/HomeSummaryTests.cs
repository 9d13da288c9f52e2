using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Inicio;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Inicio;

public sealed class HomeSummaryTests
{
    private static ProveedorHistoria Supplier(string id, int participations) => new(id, id, TipoProveedor.PersonaJuridica, id, null, null,
        Enumerable.Range(0, participations).Select(i => new Participacion($"{id}-P{i}", 2025, true, "minima-cuantia", true, false)).ToList(), []);

    [Fact]
    public void Figures_count_only_counted_contracts_and_suppliers_that_took_part()
    {
        // Counted: En ejecución (10), terminado (no value → 0), Modificado (4) = 3 contracts, 14 pesos.
        // Not counted: Borrador, cancelado, En aprobación. Suppliers: A and C took part; B holds only a draft (no participation).
        HomeSummary.ContratoCifra[] contratos =
        [
            new("En ejecución", 10), new("Borrador", 5), new("cancelado", 7), new("terminado", null), new("En aprobación", 3), new("Modificado", 4),
        ];

        var figures = HomeSummary.Figures(12, 8, contratos, [Supplier("A", 2), Supplier("B", 0), Supplier("C", 1)], 4);

        Assert.Equal(new HomeFigures(12, 8, 3, 14, 2, 4), figures);
    }

    [Fact]
    public async Task The_home_page_shows_counted_contracts_and_participating_suppliers_not_every_row()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb);
        await using (var db = testDb.CreateDbContext())
        {
            // Three registry rows; one supplier took part (awarded P1, with a contract); another holds only a draft contract.
            db.Proveedores.AddRange(
                new ProveedorRegistrado { Codigo = "718", Nit = "901623692", Nombre = "AGRO A SAS", Source = "demo" },
                new ProveedorRegistrado { Codigo = "719", Nit = "901000001", Nombre = "B SAS", Source = "demo" },
                new ProveedorRegistrado { Codigo = "720", Nit = "901000002", Nombre = "C SAS", Source = "demo" });
            db.Procesos.Add(new Proceso { IdDelProceso = "P1", IdDelPortafolio = "B1", NitEntidad = "891380007", FechaPublicacion = new(2025, 2, 1),
                Modalidad = "Mínima cuantía", Adjudicado = true, CodigoProveedor = "718", Source = "demo" });
            db.Contratos.AddRange(
                new Contrato { IdContrato = "C1", ProcesoDeCompra = "B1", NitEntidad = "891380007", DocumentoProveedor = "901623692", EstadoContrato = "En ejecución",
                    ValorDelContrato = 1_000_000, Source = "demo" },
                new Contrato { IdContrato = "C2", NitEntidad = "891380007", DocumentoProveedor = "901000001", EstadoContrato = "Borrador", ValorDelContrato = 5_000_000, Source = "demo" });
            await db.SaveChangesAsync();
        }

        var html = await app.Client.GetStringAsync("/");

        var figures = new HtmlParser().ParseDocument(html).QuerySelectorAll("[data-testid=home-figures] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(figures, f => f.StartsWith("1 contratos, por $ 1.000.000", StringComparison.Ordinal));
        Assert.Contains("1 proveedores que participaron", figures);
    }
}
