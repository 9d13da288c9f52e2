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

        var marcador = cut.FindAll("[data-testid=mapa-marcador]").First(m => m.GetAttribute("aria-label")!.Contains("Avícola Comunitaria La Buitrera"));
        await cut.InvokeAsync(() => marcador.Click());

        var ficha = cut.WaitForElement("[data-testid=productor-ficha]");
        Assert.Equal("Avícola Comunitaria La Buitrera (demo)", ficha.QuerySelector("h3")!.TextContent.Trim());
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
}
