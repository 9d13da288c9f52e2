using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OpenLicitaciones.Tests.Sync;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>
/// Issue 13's live test: three pages of different modules open in a browser, a sync by the CLI (another process) against
/// the fake datos.gov.co, and each page shows the new values without navigating, each telling screen readers once.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LiveEverywhereTests(BrowserFixture browser, LiveServer live) : IClassFixture<LiveServer>
{
    // Counts what assistive technology would hear: every change of text inside a live region that is not switched off.
    private const string EscucharAnuncios = """
        () => {
            window.__anuncios = [];
            const enVivo = n => {
                const e = n.nodeType === Node.TEXT_NODE ? n.parentElement : n;
                const region = e?.closest?.('[aria-live], [role=status], [role=alert]');
                return region && region.getAttribute('aria-live') !== 'off' ? region : null;
            };
            new MutationObserver(cambios => {
                const regiones = new Set();
                for (const c of cambios) { const r = enVivo(c.target); if (r) regiones.add(r); }
                for (const r of regiones) window.__anuncios.push(r.textContent.trim());
            }).observe(document.body, { subtree: true, childList: true, characterData: true });
            window.__sinRecargar = true;
        }
        """;

    [Fact]
    public async Task A_cli_sync_reaches_the_home_the_monitor_and_the_indicators_open_side_by_side_without_a_reload()
    {
        var year = DateTime.Now.Year;
        live.Soda.Put("jbjy-vk9h", new JsonObject
        {
            [":id"] = "row-c-9", [":updated_at"] = "2026-11-20T10:00:00.000Z", ["id_contrato"] = "CO1.PCCNTR.999", ["nit_entidad"] = ProcesoRows.Palmira,
            ["proceso_de_compra"] = "CO1.BDOS.999", ["estado_contrato"] = "En ejecución", ["fecha_de_firma"] = $"{year}-02-01T00:00:00.000",
            ["valor_del_contrato"] = "98000000000", ["documento_proveedor"] = "900999999", ["tipodocproveedor"] = "NIT",
            ["proveedor_adjudicado"] = "COOPERATIVA EN VIVO SAS", ["g_nero_representante_legal"] = "Mujer", ["modalidad_de_contratacion"] = "Mínima cuantía",
        });
        await using var context = await browser.NewContextAsync(live.App.BaseUrl, Viewport.Desktop);

        var inicio = await context.NewPageAsync();
        await inicio.GotoInteractiveAsync("/");
        var contratos = inicio.GetByTestId("home-figures").Locator("li").Nth(2).Locator(".figure");
        var contratosAntes = await contratos.InnerTextAsync();
        Assert.NotEqual("1", contratosAntes);

        var monitor = await context.NewPageAsync();
        await monitor.GotoInteractiveAsync("/proveedores?orden=-valorContratado");
        var proveedores = monitor.Locator("tr.monitor-fila th a");
        var primerosAntes = await proveedores.AllInnerTextsAsync();
        Assert.NotEmpty(primerosAntes);

        var indicadores = await context.NewPageAsync();
        await indicadores.GotoInteractiveAsync($"/indicadores?anio={year}");
        var g1 = indicadores.Locator("[data-testid=tarjeta-indicador][data-codigo=g1] [data-testid=tarjeta-valor]");
        var g1Antes = await g1.InnerTextAsync();

        IPage[] paginas = [inicio, monitor, indicadores];
        foreach (var pagina in paginas) await pagina.EvaluateAsync(EscucharAnuncios);

        await live.SyncAsync("jbjy-vk9h");

        // The live contract replaces the demo contracts: one contract on the home page, within a couple of seconds.
        await Expect(contratos).ToHaveTextAsync("1", new() { Timeout = 15_000 });
        await Expect(g1).Not.ToHaveTextAsync(g1Antes, new() { Timeout = 15_000 });
        // The Monitor's list does not move under its reader: the new supplier waits behind a button.
        var mostrar = monitor.GetByTestId("filas-nuevas").GetByRole(AriaRole.Button);
        await Expect(mostrar).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ proveedor(es)? más — mostrar$"), new() { Timeout = 15_000 });
        Assert.Equal(primerosAntes.Count, await proveedores.CountAsync());

        foreach (var pagina in paginas)
        {
            Assert.True(await pagina.EvaluateAsync<bool>("() => window.__sinRecargar === true"), $"{pagina.Url} reloaded instead of updating live");
            await Expect(pagina.GetByTestId("aviso-cambio")).ToContainTextAsync("Datos nuevos: la página se actualizó", new() { Timeout = 15_000 });
        }
        await Expect(monitor.GetByTestId("aviso-cambio")).ToContainTextAsync("proveedor");
        await Task.Delay(1_500); // anything else a page would say about this change has been said by now
        foreach (var pagina in paginas)
        {
            var anuncios = await pagina.EvaluateAsync<string[]>("() => window.__anuncios");
            Assert.True(anuncios.Length == 1, $"{pagina.Url} announced {anuncios.Length} times: {string.Join(" | ", anuncios)}");
        }
        await Screenshots.SaveAsync(monitor, Viewport.Desktop, "live-monitor-filas-nuevas");

        await mostrar.ClickAsync();
        await Expect(proveedores.First).ToHaveTextAsync("COOPERATIVA EN VIVO SAS");
        await Expect(monitor.GetByTestId("filas-nuevas")).ToHaveCountAsync(0);
    }
}
