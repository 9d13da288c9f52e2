using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Indicadores;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Indicadores;

/// <summary>The board rendered by bunit over the app's services and contracts seeded by hand (the clock is 22 November 2026).</summary>
public sealed class IndicadoresPageTests : ComponentTest
{
    private static Contrato Firmado(string id, string nit, DateTime firma, long valor, string? genero) => new()
    {
        IdContrato = id, NitEntidad = "891380007", DocumentoProveedor = nit, ProveedorAdjudicado = $"Proveedor {nit}", EstadoContrato = "En ejecución",
        FechaDeFirma = firma, ValorDelContrato = valor, GeneroRepresentanteLegal = genero, Source = "demo",
    };

    private async Task<ApiHost> StartAsync(TestDb testDb, string url)
    {
        await using (var db = testDb.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            // 2025: one of two contracts to a women-led firm (50 %). 2024: three of four (75 %).
            db.Contratos.AddRange(
                Firmado("C1", "901000001", new(2025, 5, 1), 10, "Mujer"), Firmado("C2", "901000002", new(2025, 6, 1), 30, "Hombre"),
                Firmado("C3", "901000001", new(2024, 2, 1), 10, "Mujer"), Firmado("C4", "901000003", new(2024, 3, 1), 10, "Mujer"),
                Firmado("C5", "901000004", new(2024, 4, 1), 10, "Mujer"), Firmado("C6", "901000002", new(2024, 8, 1), 10, "Hombre"));
            await db.SaveChangesAsync();
        }
        var app = await ApiHost.StartAsync(testDb);
        UseAppServices(app.Services);
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return app;
    }

    private static string Valor(IRenderedComponent<IndicadoresPage> page, string codigo) =>
        page.Find($"[data-testid=tarjeta-indicador][data-codigo={codigo}] [data-testid=tarjeta-valor]").TextContent.Trim();

    [Fact]
    public async Task The_year_in_the_address_chooses_the_cards_values_and_the_change_against_the_year_before()
    {
        using var testDb = new TestDb();
        await using var app = await StartAsync(testDb, "/indicadores?anio=2025");

        var page = Render<IndicadoresPage>();
        page.WaitForAssertion(() => Assert.Equal("50,0 %", Valor(page, "g2")));
        Assert.Equal(14, page.FindAll("[data-testid=tarjeta-indicador]").Count);
        Assert.Equal("▼ baja 25,0 p. p. frente a 2024", page.Find("[data-codigo=g2] [data-testid=tarjeta-cambio]").TextContent.Trim());
        Assert.Equal("/indicadores/g2?anio=2025", page.Find("[data-codigo=g2] .tarjeta-acciones a").GetAttribute("href"));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/indicadores?anio=2024");
        var otro = Render<IndicadoresPage>();
        otro.WaitForAssertion(() => Assert.Equal("75,0 %", Valor(otro, "g2")));
        Assert.Equal("Sin datos", Valor(otro, "g8")); // no process at all: never 0
    }

    [Fact]
    public async Task Choosing_a_year_in_the_selector_puts_it_in_the_address()
    {
        using var testDb = new TestDb();
        await using var app = await StartAsync(testDb, "/indicadores?anio=2024&trimestre=3");
        var page = Render<IndicadoresPage>();
        page.WaitForAssertion(() => Assert.Equal("0,0 %", Valor(page, "g2"))); // 3rd quarter of 2024: only C6, Hombre

        var selector = page.FindComponents<MudBlazor.MudSelect<int>>().First(s => s.Instance.Label == "Año");
        await page.InvokeAsync(() => selector.Instance.ValueChanged.InvokeAsync(2025));

        // The quarter is kept: the 3rd quarter of 2025 has started.
        Assert.EndsWith("/indicadores?anio=2025&trimestre=3", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task A_data_changed_notification_re_renders_the_cards_with_the_new_contracts()
    {
        using var testDb = new TestDb();
        await using var app = await StartAsync(testDb, "/indicadores?anio=2025");
        var page = Render<IndicadoresPage>();
        page.WaitForAssertion(() => Assert.Equal("50,0 %", Valor(page, "g2")));

        await using (var db = testDb.CreateDbContext())
        {
            db.Contratos.Add(Firmado("C7", "901000005", new(2025, 9, 1), 20, "Mujer"));
            await db.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<DataChangedNotifier>().NotifyAsync();

        page.WaitForAssertion(() => Assert.Equal("66,7 %", Valor(page, "g2"))); // two of three
    }
}
