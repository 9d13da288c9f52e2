using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Productores;

/// <summary>/capacidad through the app's real composition root (demo registry, no synced rows needed).</summary>
public sealed class CapacidadPageTests : ComponentTest
{
    [Fact]
    public async Task Selecting_an_association_on_the_map_opens_its_card_with_its_products_and_capacity()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb);
        UseAppServices(app.Services);
        var cut = Render<CapacidadPage>();
        cut.WaitForElement("[data-testid=mapa-marcador]");
        Assert.Empty(cut.FindAll("[data-testid=productor-ficha]"));

        var marcador = cut.FindAll("[data-testid=mapa-marcador]").First(m => m.GetAttribute("aria-label")!.Contains("Avícola Comunitaria El Progreso"));
        await cut.InvokeAsync(() => marcador.Click());

        var ficha = cut.WaitForElement("[data-testid=productor-ficha]");
        Assert.Equal("Avícola Comunitaria El Progreso (demo)", ficha.QuerySelector("h3")!.TextContent.Trim());
        var filas = ficha.QuerySelectorAll(".ficha-productos li").Select(r => r.TextContent).ToList();
        Assert.Contains(filas, r => r.Contains("Huevo (AA-AAA)") && r.Contains("90.000 huevos por mes") && r.Contains("90.000 huevos/mes"));
        Assert.Contains(filas, r => r.Contains("Pollo en canal") && r.Contains("24 toneladas por semestre") && r.Contains("4.000 kg/mes"));
        Assert.Contains(ficha.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/licitaciones?familia=5013");
    }

    [Fact]
    public async Task An_association_without_location_is_listed_beside_the_map_and_opens_its_card_from_there()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb);
        UseAppServices(app.Services);
        var cut = Render<CapacidadPage>();
        var lista = cut.WaitForElement("[data-testid=sin-ubicacion]");
        Assert.Equal(8, lista.QuerySelectorAll("li").Length);
        Assert.DoesNotContain(cut.FindAll("[data-testid=mapa-marcador]"), m => m.GetAttribute("aria-label")!.Contains("AGROPLATANO"));

        await cut.InvokeAsync(() => lista.QuerySelectorAll("button").First(b => b.TextContent.Contains("ASOCAMPROL")).Click());

        var ficha = cut.WaitForElement("[data-testid=productor-ficha]");
        Assert.Contains("Ubicación por confirmar", ficha.TextContent);
        Assert.Contains("La asociación no publicó su capacidad.", ficha.TextContent);
    }

    [Fact]
    public async Task A_data_changed_notification_re_renders_the_map_with_the_registry_as_it_is_now()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb);
        UseAppServices(app.Services);
        var cut = Render<CapacidadPage>();
        cut.WaitForElement("[data-testid=mapa-marcador]");
        var antes = cut.FindAll("[data-testid=mapa-marcador]").Count;

        await using (var db = testDb.CreateDbContext())
        {
            db.Asociaciones.Add(new Asociacion
            {
                Nombre = "Nueva Asociación de Prueba", Nit = "901777888", Latitud = 3.5324, Longitud = -76.2986, Lugar = "Palmira", Origen = "prueba",
                Productos = [new ProductoAsociacion { Producto = "Tomate", Familia = "5040", Cantidad = 2, Unidad = "toneladas", Periodo = "mes" }],
            });
            await db.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<DataChangedNotifier>().NotifyAsync();

        cut.WaitForAssertion(() => Assert.Equal(antes + 1, cut.FindAll("[data-testid=mapa-marcador]").Count));
        Assert.Contains(cut.FindAll("[data-testid=mapa-marcador]"), m => m.GetAttribute("aria-label")!.Contains("Nueva Asociación de Prueba"));
    }

    [Fact]
    public async Task The_ley_2046_gauge_shows_the_latest_share_against_the_30_percent_target_with_who_is_counted()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb);
        await using (var db = testDb.CreateDbContext())
        {
            // 2025: 30 M of eggs from a demo organisation of the registry, 70 M of fruit from a wholesaler: 30 %.
            db.Contratos.AddRange(
                new Contrato { IdContrato = "C1", NitEntidad = "891380007", DocumentoProveedor = "901200302", CodigoCategoriaPrincipal = "50131700",
                    ValorDelContrato = 30_000_000, FechaDeFirma = new(2025, 3, 1), EstadoContrato = "Activo", Source = "demo" },
                new Contrato { IdContrato = "C2", NitEntidad = "891380007", DocumentoProveedor = "900700123", CodigoCategoriaPrincipal = "50301500",
                    ValorDelContrato = 70_000_000, FechaDeFirma = new(2025, 4, 1), EstadoContrato = "Activo", Source = "demo" });
            await db.SaveChangesAsync();
        }
        UseAppServices(app.Services);
        var cut = Render<CapacidadPage>();

        var ultimo = cut.WaitForElement("[data-testid=ley2046-ultimo]");
        Assert.Contains("30,0 %", ultimo.TextContent);
        Assert.Contains("en 2025", ultimo.TextContent);
        Assert.Contains("Cumple la meta", ultimo.TextContent);
        var fila2025 = cut.FindAll("[data-testid=ley2046-anios] tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "2025");
        Assert.Contains("Avícola Comunitaria El Progreso (demo)", fila2025.TextContent);
        var fila2024 = cut.FindAll("[data-testid=ley2046-anios] tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "2024");
        Assert.Contains("Sin datos", fila2024.TextContent); // no food purchases that year: not 0 %
        Assert.Empty(cut.FindAll("[data-testid=registro-incompleto]"));
    }

    [Fact]
    public async Task With_only_the_published_associations_whose_nits_are_unknown_the_gauge_says_registro_incompleto_not_zero()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb, new Dictionary<string, string?> { ["Sync:Source"] = "socrata" });
        await using (var db = testDb.CreateDbContext())
        {
            db.Contratos.Add(new Contrato { IdContrato = "C1", NitEntidad = "891380007", DocumentoProveedor = "900700123", CodigoCategoriaPrincipal = "50301500",
                ValorDelContrato = 70_000_000, FechaDeFirma = new(2025, 4, 1), EstadoContrato = "Activo", Source = "socrata" });
            await db.SaveChangesAsync();
        }
        UseAppServices(app.Services);
        var cut = Render<CapacidadPage>();

        Assert.Contains("Registro incompleto", cut.WaitForElement("[data-testid=registro-incompleto]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=ley2046-ultimo]"));
        var fila2025 = cut.FindAll("[data-testid=ley2046-anios] tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "2025");
        Assert.Contains("Registro incompleto", fila2025.TextContent);
        Assert.DoesNotContain("0,0 %", fila2025.QuerySelectorAll("td")[2].TextContent);
    }

    [Fact]
    public async Task A_supplier_named_only_by_its_secop_code_is_matched_through_the_supplier_registry_or_left_unknown()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb);
        await using (var db = testDb.CreateDbContext())
        {
            db.Proveedores.Add(new ProveedorRegistrado { Codigo = "700001", Nit = "901200302", Nombre = "AVÍCOLA", Source = "demo" });
            db.Contratos.AddRange(
                // No document, but SECOP's registry says code 700001 is the demo organisation's NIT: a registry sale.
                new Contrato { IdContrato = "C1", NitEntidad = "891380007", CodigoProveedor = "700001", CodigoCategoriaPrincipal = "50131700",
                    ValorDelContrato = 40_000_000, FechaDeFirma = new(2025, 3, 1), EstadoContrato = "Activo", Source = "demo" },
                new Contrato { IdContrato = "C2", NitEntidad = "891380007", DocumentoProveedor = "900700123", CodigoCategoriaPrincipal = "50301500",
                    ValorDelContrato = 60_000_000, FechaDeFirma = new(2025, 4, 1), EstadoContrato = "Activo", Source = "demo" },
                // A code the registry does not know: it could be a producer, so it is unknown, not "not a producer".
                new Contrato { IdContrato = "C3", NitEntidad = "891380007", CodigoProveedor = "799999", CodigoCategoriaPrincipal = "50301500",
                    ValorDelContrato = 50_000_000, FechaDeFirma = new(2025, 5, 1), EstadoContrato = "Activo", Source = "demo" });
            await db.SaveChangesAsync();
        }

        var anio = (await app.Services.GetRequiredService<CapacidadSnapshot>().GetAsync()).Ley2046.Single(a => a.Anio == 2025);

        Assert.Equal(0.4, anio.Participacion);                                   // 40 M of the 100 M whose supplier is known
        Assert.Equal((2, 3), (anio.Cobertura.Conocidos, anio.Cobertura.Todos));
    }
}
