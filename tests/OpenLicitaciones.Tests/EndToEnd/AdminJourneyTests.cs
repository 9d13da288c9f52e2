using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenLicitaciones.Data;
using OpenLicitaciones.Tests.Productores;
using OpenLicitaciones.Tests.Sync;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>
/// The Secretaría's own journeys through the staff pages, in headless Chromium: placing an association on the map while a
/// visitor watches the public map, retrying a quarantined row, and the association pages on a phone.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AdminJourneyTests(BrowserFixture browser, StaffServer server) : IClassFixture<StaffServer>
{
    // Text a browser would run if it were inserted as markup: it must be shown, character for character.
    private const string Nombre = "Asociación Ruta <script>window.__inyectado = 1</script> de Prueba";
    private const string FueraDelMunicipio = "El punto queda fuera de Palmira: elija un lugar dentro del municipio.";

    [Fact]
    public async Task An_association_placed_on_the_form_map_appears_on_the_open_public_map_without_a_reload_with_its_name_as_text()
    {
        await using var publico = await browser.NewContextAsync(server.App.BaseUrl, Viewport.Desktop);
        var mapaPublico = await publico.NewPageAsync();
        await mapaPublico.GotoInteractiveAsync("/capacidad");
        var marcadorNuevo = mapaPublico.Locator($"[data-testid=mapa-marcador][aria-label^=\"{Nombre}:\"]");
        await Expect(marcadorNuevo).ToHaveCountAsync(0);
        await mapaPublico.EvaluateAsync("() => window.__sinRecargar = true");

        await using var context = await browser.NewContextAsync(server.App.BaseUrl, Viewport.Desktop);
        var admin = await server.AdminAsync(context, Viewport.Desktop);
        await admin.GotoInteractiveAsync("/admin/asociaciones");
        await Expect(admin.GetByTestId("asociacion-enlace").First).ToBeVisibleAsync();
        await admin.AssertNoAxeViolationsAsync("/admin/asociaciones", Viewport.Desktop);
        await FotoAsync(admin, "admin-asociaciones", Viewport.Desktop);
        await admin.GetByTestId("asociaciones-nueva").ClickAsync();
        await Expect(admin.Locator("h1")).ToHaveTextAsync("Nueva asociación");
        await Expect(admin.Locator("h1")).ToBeFocusedAsync();

        await admin.Locator("input[data-campo=nombre]").FillAsync(Nombre);
        await admin.GetByTestId("producto-agregar").ClickAsync();
        await admin.Locator("input[data-campo='productos[0].producto']").FillAsync("Tomate");
        await admin.Locator("input[data-campo='productos[0].producto']").PressAsync("Tab");
        // A product the catalogue knows gets its UNSPSC family by itself.
        await Expect(admin.Locator("[data-campo='productos[0].familia']")).ToContainTextAsync("5040 · Vegetales frescos");
        await admin.Locator("input[data-campo='productos[0].cantidad']").FillAsync("1200");
        await admin.Locator("input[data-campo='productos[0].cantidad']").PressAsync("Tab");
        await admin.ChooseAsync("Unidad", "kilogramos");
        await admin.ChooseAsync("Periodo", "mes");
        await Expect(admin.GetByTestId("producto-mensual")).ToContainTextAsync("1.200 kg/mes");

        // A click in the map's corner, outside the municipality's boundary, is explained beside the location at once.
        var lienzo = admin.GetByTestId("mapa-lienzo");
        var puntos = await PuntosDelMapaAsync(lienzo);
        Assert.False(puntos.EsquinaDentro, "the map's top-left corner should be outside the municipality");
        var error = admin.GetByTestId("ubicacion-error");
        await ClicEnMapaAsync(lienzo, 6, 6, () => error.IsVisibleAsync());
        await Expect(error).ToHaveTextAsync(FueraDelMunicipio);
        await Expect(admin.Locator("fieldset[data-campo=ubicacion]")).ToHaveAttributeAsync("aria-describedby", (await error.GetAttributeAsync("id"))!);
        await admin.AssertNoAxeViolationsAsync("/admin/asociaciones/nueva con un punto fuera del municipio", Viewport.Desktop);
        await FotoAsync(admin, "admin-asociacion-nueva-fuera", Viewport.Desktop);

        // A click inside Palmira, away from the places drawn on the map, places the association there.
        var resumen = admin.GetByTestId("ubicacion-resumen");
        await ClicEnMapaAsync(lienzo, puntos.X, puntos.Y, async () => !await error.IsVisibleAsync());
        var marcado = Regex.Match(await resumen.InnerTextAsync(), @"^Punto marcado: (-?\d+\.\d{6}), (-?\d+\.\d{6})$");
        Assert.True(marcado.Success, await resumen.InnerTextAsync());
        var (latitud, longitud) = (Grados(marcado.Groups[1].Value), Grados(marcado.Groups[2].Value));
        Assert.Equal(latitud, Grados(await admin.Locator("input[data-campo=latitud]").InputValueAsync()));
        Assert.Equal(longitud, Grados(await admin.Locator("input[data-campo=longitud]").InputValueAsync()));
        Assert.True(GeografiaDePrueba.DePalmira.Contiene(latitud, longitud), $"{latitud}, {longitud} is not inside Palmira");
        // The form's own map shows the chosen point where it was clicked.
        var caja = (await lienzo.BoundingBoxAsync())!;
        var marca = (await lienzo.Locator("[data-testid=mapa-marcador][data-id=ubicacion]").BoundingBoxAsync())!;
        Assert.InRange(marca.X + marca.Width / 2 - (caja.X + puntos.X), -3, 3);
        Assert.InRange(marca.Y + marca.Height / 2 - (caja.Y + puntos.Y), -3, 3);
        await admin.AssertNoAxeViolationsAsync("/admin/asociaciones/nueva con un punto marcado", Viewport.Desktop);
        await FotoAsync(admin, "admin-asociacion-nueva", Viewport.Desktop);

        await admin.GetByTestId("asociacion-guardar").ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/admin/asociaciones/\\d+$"));
        await Expect(admin.GetByTestId("asociacion-guardada")).ToContainTextAsync("Asociación creada");
        await Expect(admin.Locator("input[data-campo=nombre]")).ToHaveValueAsync(Nombre);
        await admin.AssertNoAxeViolationsAsync("/admin/asociaciones/{id} recién creada", Viewport.Desktop);
        await FotoAsync(admin, "admin-asociacion-guardada", Viewport.Desktop);

        // The visitor's open page gets the new marker by itself; its card shows the name literally.
        await Expect(marcadorNuevo).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        Assert.True(await mapaPublico.EvaluateAsync<bool>("() => window.__sinRecargar === true"), "the public map reloaded instead of updating live");
        await marcadorNuevo.ClickAsync();
        var ficha = mapaPublico.GetByTestId("productor-ficha");
        await Expect(ficha.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync(Nombre);
        await Expect(ficha).ToContainTextAsync("1.200 kilogramos por mes");
        await Expect(ficha).ToContainTextAsync("1.200 kg/mes");
        await Expect(ficha.Locator("script")).ToHaveCountAsync(0);
        Assert.False(await mapaPublico.EvaluateAsync<bool>("() => window.__inyectado === 1"), "the name ran as a script");
        await FotoAsync(mapaPublico, "admin-capacidad-asociacion-nueva", Viewport.Desktop);
    }

    [Fact]
    public async Task A_quarantined_row_that_now_maps_is_retried_from_the_list_and_a_dataset_is_queued_to_sync_now()
    {
        var clave = await PonerEnCuarentenaAsync();
        await using var context = await browser.NewContextAsync(server.App.BaseUrl, Viewport.Desktop);
        var admin = await server.AdminAsync(context, Viewport.Desktop);

        await admin.GotoInteractiveAsync("/admin/sincronizacion");
        var procesos = admin.Locator("[data-testid=conjunto][data-conjunto='p6dx-8zbt']");
        await Expect(procesos.GetByTestId("corridas").Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(procesos.GetByTestId("enlace-cuarentena")).ToHaveTextAsync("1 fila en cuarentena");
        await admin.AssertNoAxeViolationsAsync("/admin/sincronizacion", Viewport.Desktop);
        await FotoAsync(admin, "admin-sincronizacion", Viewport.Desktop);

        await procesos.GetByTestId("enlace-cuarentena").ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/admin/sincronizacion/cuarentena\\?conjunto=p6dx-8zbt$"));
        await Expect(admin.Locator("h1")).ToHaveTextAsync("Filas en cuarentena");
        var fila = admin.Locator("tr.fila-cuarentena").Filter(new() { Has = admin.GetByTestId("fila-clave").GetByText(clave, new() { Exact = true }) });
        await Expect(fila.GetByTestId("fila-motivo")).ToHaveTextAsync("precio_base: 'un millón' no es un valor numérico");
        var ver = fila.GetByTestId("ver-fila");
        await ver.ClickAsync();
        await Expect(ver).ToHaveAttributeAsync("aria-expanded", "true");
        var original = admin.GetByTestId("fila-original");
        await Expect(original).ToContainTextAsync($"\"id_del_proceso\": \"{clave}\"");
        await Expect(original).ToContainTextAsync("\"precio_base\": \"1000000\"");
        await admin.AssertNoAxeViolationsAsync("/admin/sincronizacion/cuarentena con una fila abierta", Viewport.Desktop);
        await FotoAsync(admin, "admin-sincronizacion-cuarentena", Viewport.Desktop);

        await fila.GetByTestId("reintentar").ClickAsync();

        await AvisoAsync(admin, "1 fila reintentada: 1 guardada, 0 siguen fallando.");
        await Expect(fila).ToHaveCountAsync(0);
        await Expect(admin.GetByTestId("cuarentena-total")).ToHaveTextAsync("0");
        await admin.AssertNoAxeViolationsAsync("/admin/sincronizacion/cuarentena vacía", Viewport.Desktop);
        await FotoAsync(admin, "admin-sincronizacion-cuarentena-reintentada", Viewport.Desktop);
        await using (var db = ContextoDelServidor())
        {
            var guardado = await db.Procesos.AsNoTracking().SingleAsync(p => p.IdDelProceso == clave);
            Assert.Equal(("demo", 1_000_000L), (guardado.Source, guardado.PrecioBase));
            Assert.False(await db.Quarantine.AnyAsync(q => q.RowKey == clave));
        }

        // "Sincronizar ahora" on a small dataset: the page says it was queued and then how the run went.
        await admin.GotoInteractiveAsync("/admin/sincronizacion");
        var encabezados = admin.Locator("[data-testid=conjunto][data-conjunto='b6m4-qgqv']");
        var boton = encabezados.GetByTestId("sincronizar");
        await Expect(boton).ToHaveTextAsync("Sincronizar ahora");
        await Expect(encabezados.GetByTestId("ultimo-pedido")).ToHaveCountAsync(0);
        await boton.ClickAsync();
        await AvisoAsync(admin, "Plan Anual de Adquisiciones (encabezados): en cola para sincronizar.");
        // The run may already be over when the page is read again: "queued", "running" or "finished" all show it was taken.
        await Expect(encabezados).ToContainTextAsync(new Regex("En cola \\(puesto \\d+\\)|Sincronizando…|Última pedida desde aquí"));
        await Expect(encabezados.GetByTestId("ultimo-pedido")).ToContainTextAsync(new Regex("terminó con [\\d.]+ filas leídas"), new() { Timeout = 60_000 });
        await Expect(boton).ToHaveTextAsync("Sincronizar ahora");
        await admin.AssertNoAxeViolationsAsync("/admin/sincronizacion después de sincronizar", Viewport.Desktop);
        await FotoAsync(admin, "admin-sincronizacion-pedida", Viewport.Desktop);
    }

    [Fact]
    public async Task On_a_phone_the_association_list_and_form_fit_the_screen_and_pass_axe()
    {
        await using var context = await browser.NewContextAsync(server.App.BaseUrl, Viewport.Phone);
        var page = await server.AdminAsync(context, Viewport.Phone);

        await page.GotoInteractiveAsync("/admin/asociaciones");
        await Expect(page.GetByTestId("asociacion-enlace").First).ToBeVisibleAsync();
        await page.AssertFitsWidthAsync();
        await page.AssertNoAxeViolationsAsync("/admin/asociaciones", Viewport.Phone);
        await FotoAsync(page, "admin-asociaciones", Viewport.Phone);

        // An existing association: products, a place and its marker fill the form.
        await page.GetByTestId("asociacion-enlace").First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Editar asociación");
        await Expect(page.Locator("input[data-campo=nombre]")).Not.ToHaveValueAsync("");
        await page.AssertFitsWidthAsync();
        await page.AssertNoAxeViolationsAsync("/admin/asociaciones/{id}", Viewport.Phone);
        await FotoAsync(page, "admin-asociacion-editar", Viewport.Phone);

        await page.GotoInteractiveAsync("/admin/asociaciones/nueva");
        await page.GetByTestId("producto-agregar").ClickAsync();
        await page.GetByTestId("asociacion-guardar").ClickAsync();
        await Expect(page.GetByTestId("asociacion-errores")).ToBeVisibleAsync();
        await page.AssertFitsWidthAsync();
        await page.AssertNoAxeViolationsAsync("/admin/asociaciones/nueva con errores", Viewport.Phone);
        await FotoAsync(page, "admin-asociacion-nueva-errores", Viewport.Phone);
    }

    /// <summary>
    /// The gallery's full-page picture, taken from the top: scrolled down (to click the map, say), the fixed app bar and
    /// menu would be drawn across the middle of the picture.
    /// </summary>
    private static async Task FotoAsync(IPage page, string nombre, Viewport viewport)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshots.SavePageAsync(page, nombre, viewport);
    }

    /// <summary>
    /// The snackbar saying <paramref name="texto"/>, once faded in (MudBlazor stops at 95 % opacity): axe measures contrast
    /// as shown, and halfway in the snackbar is too pale.
    /// </summary>
    private static async Task AvisoAsync(IPage page, string texto)
    {
        var aviso = page.Locator(".mud-snackbar").Filter(new() { HasText = texto });
        await Expect(aviso).ToBeVisibleAsync();
        await Expect(aviso).ToHaveCSSAsync("opacity", new Regex("^(0\\.95|1)$"));
    }

    private static double Grados(string texto) => double.Parse(texto, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A point of the form's map well inside the municipality and away from the places drawn, and whether the top-left corner is inside.</summary>
    private sealed record PuntosMapa(double X, double Y, bool EsquinaDentro);

    /// <summary>
    /// Finds the points in the browser from the drawn boundary itself (the SVG path's fill), in px from the map's
    /// top-left corner: a grid over the map, keeping points whose surroundings are all inside and that are no closer than
    /// 40 px to a place or marker, and taking the one nearest the middle of them.
    /// </summary>
    private static async Task<PuntosMapa> PuntosDelMapaAsync(ILocator lienzo)
    {
        var valores = await lienzo.EvaluateAsync<double[]>("""
            lienzo => {
                const vista = lienzo.querySelector('[data-mapa-vista]');
                const v = vista.viewBox.baseVal;
                const limite = lienzo.querySelector('.mapa-limite');
                const c = lienzo.getBoundingClientRect();
                const k = v.width / c.width;
                const dentro = (x, y) => limite.isPointInFill(new DOMPoint(v.x + x * k, v.y + y * k));
                const ocupados = [...lienzo.querySelectorAll('.mapa-lugar circle, .mapa-lugar rect, .mapa-marcador-punto')].map(e => {
                    const r = e.getBoundingClientRect();
                    return [r.left + r.width / 2 - c.left, r.top + r.height / 2 - c.top];
                });
                const buenos = [];
                for (let x = 30; x < c.width - 30; x += 10)
                    for (let y = 30; y < c.height - 30; y += 10)
                        if ([[0, 0], [-25, 0], [25, 0], [0, -25], [0, 25]].every(([dx, dy]) => dentro(x + dx, y + dy))
                            && ocupados.every(([ox, oy]) => Math.hypot(ox - x, oy - y) > 40))
                            buenos.push([x, y]);
                if (buenos.length === 0) return [];
                const mx = buenos.reduce((s, p) => s + p[0], 0) / buenos.length, my = buenos.reduce((s, p) => s + p[1], 0) / buenos.length;
                buenos.sort((a, b) => Math.hypot(a[0] - mx, a[1] - my) - Math.hypot(b[0] - mx, b[1] - my));
                return [buenos[0][0], buenos[0][1], dentro(6, 6) ? 1 : 0];
            }
            """);
        Assert.True(valores.Length == 3, "no point of the form's map is well inside the municipality's boundary");
        return new PuntosMapa(valores[0], valores[1], valores[2] == 1);
    }

    /// <summary>
    /// Clicks the map at (x, y) px from its corner until the page reacts: the map's click script is imported after the
    /// circuit starts, so a click right after the page became interactive can come before it listens.
    /// </summary>
    private static async Task ClicEnMapaAsync(ILocator lienzo, double x, double y, Func<Task<bool>> reacciono)
    {
        for (var intento = 0; intento < 5; intento++)
        {
            await lienzo.ClickAsync(new() { Position = new() { X = (float)x, Y = (float)y } });
            var limite = DateTime.UtcNow.AddSeconds(3);
            while (DateTime.UtcNow < limite)
            {
                if (await reacciono()) return;
                await Task.Delay(100);
            }
        }
        Assert.Fail($"the map did not react to a click at ({x}, {y})");
    }

    /// <summary>A context on the server's own SQLite file, as another process writing to it would have.</summary>
    private AppDbContext ContextoDelServidor() =>
        new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={server.App.DatabasePath};Pooling=False").CreateDbContext();

    /// <summary>
    /// A process row of the demo source that an earlier mapper refused, as the quarantine keeps it: today's mapper reads it.
    /// Its id is not one the demo generator uses, so retrying it adds a process instead of meeting a stored version.
    /// </summary>
    private async Task<string> PonerEnCuarentenaAsync()
    {
        const string Clave = "CO1.REQ.4242001";
        var fila = ProcesoRows.Row(1, updatedAt: "2026-11-20T10:00:00.000Z");
        fila[":id"] = "row-ruta-cuarentena";
        fila["id_del_proceso"] = Clave;
        fila["nombre_del_procedimiento"] = "Compra de huevo campesino para el PAE, fila reintentada";
        await using var db = ContextoDelServidor();
        var corrida = await db.SyncRuns.AsNoTracking().Where(r => r.Dataset == ProcesoRows.Dataset).OrderByDescending(r => r.Id).FirstAsync();
        Assert.Equal("demo", corrida.Source);
        db.Quarantine.Add(new QuarantinedRow
        {
            SyncRunId = corrida.Id, Dataset = ProcesoRows.Dataset, RowKey = Clave, Reason = "precio_base: 'un millón' no es un valor numérico",
            RawJson = fila.ToJsonString(), QuarantinedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return Clave;
    }
}
