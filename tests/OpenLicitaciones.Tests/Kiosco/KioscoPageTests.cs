using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpenLicitaciones.Components;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Kiosco;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Kiosco;

/// <summary>
/// /kiosco rendered by bunit over the app's services and the lines of <see cref="FilasKiosco.SembrarAsync"/>. The app's
/// clock is a FakeTimeProvider: the tests move it instead of waiting (10 s a slide, 90 s idle, the shipped settings).
/// </summary>
public sealed class KioscoPageTests : ComponentTest
{
    private const string Publica = "https://licitaciones.palmira.gov.co";
    private const string NoDisponible = "Código QR no disponible: falta configurar la dirección pública del sitio";

    private async Task<(ApiHost App, FakeTimeProvider Reloj)> IniciarAsync(TestDb testDb, string publica = Publica)
    {
        await FilasKiosco.SembrarAsync(testDb);
        var app = await ApiHost.StartAsync(testDb, new Dictionary<string, string?> { ["Site:PublicBaseUrl"] = publica });
        UseAppServices(app.Services);
        var reloj = (FakeTimeProvider)app.Services.GetRequiredService<TimeProvider>();
        // bunit has a clock and options of its own, which would win over the app's.
        Services.AddSingleton<TimeProvider>(reloj);
        Services.AddSingleton(app.Services.GetRequiredService<IOptions<SiteOptions>>());
        Services.AddSingleton(app.Services.GetRequiredService<IOptions<KioscoOptions>>());
        Services.AddSingleton(app.Services.GetRequiredService<IOptions<EntitiesOptions>>());
        return (app, reloj);
    }

    private async Task<IRenderedComponent<KioscoPage>> AbrirAsync()
    {
        var cut = Render<KioscoPage>();
        cut.WaitForElement("[data-testid=kiosco-carrusel]");
        // The carousel's timer is armed after that render: let the renderer finish before the clock moves.
        await cut.InvokeAsync(() => { });
        return cut;
    }

    private static string Activa(IRenderedComponent<KioscoPage> cut) =>
        cut.Find("[data-testid=kiosco-diapositiva][data-activa=true]").GetAttribute("data-diapositiva")!;

    // The awaited forms of bunit's events: the synchronous ones return before the handler has run when the renderer is
    // still busy (the page's data-status child loads by itself), and the next check would read the screen before the touch.
    private static Task TocarAsync(IRenderedComponent<KioscoPage> cut) => cut.Find("[data-testid=kiosco]").PointerDownAsync(new());

    private static IEnumerable<string?> Ids(IRenderedComponent<KioscoPage> cut, string testId) =>
        cut.FindAll($"[data-testid={testId}]").Select(e => e.GetAttribute("data-id"));

    private static IEnumerable<IElement> Presionados(IRenderedComponent<KioscoPage> cut) =>
        cut.FindAll("[data-testid=kiosco-explorar] [aria-pressed=true]").Where(e => e.GetAttribute("data-testid") != "kiosco-vista");

    [Fact]
    public async Task The_attract_loop_shows_its_three_slides_and_moves_to_the_next_every_ten_seconds()
    {
        using var testDb = new TestDb();
        var (app, reloj) = await IniciarAsync(testDb);
        await using var _ = app;
        var cut = await AbrirAsync();

        var carrusel = cut.Find("[data-testid=kiosco-carrusel]");
        Assert.Equal("carrusel", carrusel.GetAttribute("aria-roledescription"));
        Assert.Equal(["indicadores", "oportunidades", "mapa"], cut.FindAll("[data-testid=kiosco-diapositiva]").Select(d => d.GetAttribute("data-diapositiva")));
        Assert.Equal(["1 de 3: Cifras de 2025", "2 de 3: Convocatorias abiertas ahora", "3 de 3: Productores locales en el mapa"],
            cut.FindAll("[data-testid=kiosco-diapositiva]").Select(d => d.GetAttribute("aria-label")));
        Assert.Equal("indicadores", Activa(cut));
        Assert.Equal(2, cut.FindAll("[data-testid=kiosco-diapositiva][hidden]").Count);
        Assert.Equal(["true", null, null], cut.FindAll("[data-testid=kiosco-punto]").Select(p => p.GetAttribute("aria-current")));
        Assert.Equal(["g1", "g9", "g8", "g10"], cut.FindAll("[data-testid=kiosco-indicador]").Select(i => i.GetAttribute("data-codigo")));
        Assert.Equal(["K-abierta2", "K-abierta"], Ids(cut, "kiosco-oportunidad")); // the most recently published first
        Assert.Equal("Compras públicas de Palmira", cut.Find("h1").TextContent);

        reloj.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal("indicadores", Activa(cut));
        reloj.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("oportunidades", Activa(cut)));
        Assert.Equal([null, "true", null], cut.FindAll("[data-testid=kiosco-punto]").Select(p => p.GetAttribute("aria-current")));
        reloj.Advance(TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.Equal("mapa", Activa(cut)));
        reloj.Advance(TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.Equal("indicadores", Activa(cut)));
    }

    [Fact]
    public async Task A_touch_anywhere_stops_the_carousel_and_opens_the_explore_screen()
    {
        using var testDb = new TestDb();
        var (app, reloj) = await IniciarAsync(testDb);
        await using var _ = app;
        var cut = await AbrirAsync();

        await TocarAsync(cut);

        Assert.Empty(cut.FindAll("[data-testid=kiosco-carrusel]"));
        Assert.Equal("explorar", cut.Find("[data-testid=kiosco]").GetAttribute("data-modo"));
        Assert.Equal(["K-abierta", "K-abierta2", "K-aseo", "K-cafe", "K-papel"], Ids(cut, "kiosco-resultado")); // open calls first, soonest to close
        Assert.Equal("5 oportunidades", cut.Find("[data-testid=kiosco-conteo]").TextContent);
        Assert.Equal(["1411", "4321", "4713", "5020", "7818"], cut.FindAll("[data-testid=kiosco-familia]").Select(f => f.GetAttribute("data-familia")));
        Assert.Equal(12, cut.FindAll("[data-testid=kiosco-mes]").Count);
        Assert.Equal("2026-11", cut.FindAll("[data-testid=kiosco-mes]")[0].GetAttribute("data-mes"));
        Assert.Equal("Volver al inicio", cut.Find("[data-testid=kiosco-inicio]").TextContent.Trim());
        Assert.Empty(Presionados(cut));

        reloj.Advance(TimeSpan.FromSeconds(60));
        Assert.Empty(cut.FindAll("[data-testid=kiosco-carrusel]")); // stopped: no slide comes back while someone is here
    }

    [Fact]
    public async Task Choosing_chips_narrows_the_list_and_an_empty_result_offers_to_clear_the_choices()
    {
        using var testDb = new TestDb();
        var (app, _) = await IniciarAsync(testDb);
        await using var __ = app;
        var cut = await AbrirAsync();
        await TocarAsync(cut);

        await cut.Find("[data-testid=kiosco-familia][data-familia='4713']").ClickAsync(new());
        Assert.Equal("true", cut.Find("[data-testid=kiosco-familia][data-familia='4713']").GetAttribute("aria-pressed"));
        Assert.Equal(["K-aseo"], Ids(cut, "kiosco-resultado"));
        Assert.Equal("1 oportunidad", cut.Find("[data-testid=kiosco-conteo]").TextContent);
        await cut.Find("[data-testid=kiosco-familia][data-familia='4713']").ClickAsync(new()); // again: cleared
        Assert.Equal(5, cut.FindAll("[data-testid=kiosco-resultado]").Count);

        await cut.Find("[data-testid=kiosco-mes][data-mes='2026-12']").ClickAsync(new());
        Assert.Equal(["K-aseo", "K-cafe"], Ids(cut, "kiosco-resultado"));
        await cut.Find("[data-testid=kiosco-pequenas]").ClickAsync(new());
        Assert.Equal(["K-aseo"], Ids(cut, "kiosco-resultado")); // K-cafe is a direct contract
        Assert.Equal("true", cut.Find("[data-testid=kiosco-pequenas]").GetAttribute("aria-pressed"));
        await cut.Find("[data-testid=kiosco-alimentos]").ClickAsync(new());

        Assert.Empty(cut.FindAll("[data-testid=kiosco-resultado]"));
        var vacio = cut.Find("[data-testid=kiosco-vacio]");
        Assert.Equal("No hay oportunidades con estas opciones.", vacio.QuerySelector("p")!.TextContent.Trim());
        Assert.Equal(3, Presionados(cut).Count());
        await vacio.QuerySelector("[data-testid=kiosco-limpiar]")!.ClickAsync(new());

        Assert.Equal(5, cut.FindAll("[data-testid=kiosco-resultado]").Count);
        Assert.Empty(Presionados(cut));
    }

    [Fact]
    public async Task Every_qr_code_is_a_png_that_opens_the_public_address_of_its_page()
    {
        using var testDb = new TestDb();
        var (app, _) = await IniciarAsync(testDb);
        await using var __ = app;
        var cut = await AbrirAsync();

        var codigos = cut.FindAll("[data-testid=kiosco-qr]");
        Assert.Equal([
            $"{Publica}/indicadores/g1", $"{Publica}/indicadores/g9", $"{Publica}/indicadores/g8", $"{Publica}/indicadores/g10",
            $"{Publica}/licitaciones/K-abierta2", $"{Publica}/licitaciones/K-abierta", $"{Publica}/capacidad",
        ], codigos.Select(c => c.GetAttribute("data-url")));
        Assert.All(codigos, c =>
        {
            Assert.Equal("img", c.LocalName);
            Assert.StartsWith("data:image/png;base64,", c.GetAttribute("src"));
            Assert.StartsWith("Código QR para abrir ", c.GetAttribute("alt"));
            Assert.EndsWith(" en su celular", c.GetAttribute("alt"));
            Assert.Equal(c.GetAttribute("data-url"), c.ParentElement!.QuerySelector("figcaption")!.TextContent);
        });
        Assert.Equal("Código QR para abrir el indicador «Proveedores nuevos» en su celular", codigos[1].GetAttribute("alt"));
        Assert.Empty(cut.FindAll("[data-testid=kiosco-qr-no-disponible]"));

        await TocarAsync(cut);
        Assert.Equal([.. new[] { "K-abierta", "K-abierta2", "K-aseo", "K-cafe", "K-papel" }.Select(id => $"{Publica}/licitaciones/{id}"), $"{Publica}/licitaciones"],
            cut.FindAll("[data-testid=kiosco-qr]").Select(c => c.GetAttribute("data-url")));
        await cut.Find("[data-testid=kiosco-familia][data-familia='4713']").ClickAsync(new());
        Assert.Equal($"{Publica}/licitaciones?familia=4713", cut.FindAll("[data-testid=kiosco-qr]")[^1].GetAttribute("data-url"));
    }

    [Fact]
    public async Task Without_a_public_address_the_kiosk_opens_and_every_qr_place_says_it_is_unavailable()
    {
        using var testDb = new TestDb();
        var (app, _) = await IniciarAsync(testDb, publica: "");
        await using var __ = app;
        var cut = await AbrirAsync();

        Assert.Empty(cut.FindAll("[data-testid=kiosco-qr]"));
        var avisos = cut.FindAll("[data-testid=kiosco-qr-no-disponible]");
        Assert.Equal(7, avisos.Count); // 4 figures, 2 open calls, the map
        Assert.All(avisos, a => Assert.Equal(NoDisponible, a.TextContent));
    }

    [Fact]
    public async Task After_ninety_seconds_without_a_touch_the_kiosk_forgets_every_choice_and_returns_to_the_loop()
    {
        using var testDb = new TestDb();
        var (app, reloj) = await IniciarAsync(testDb);
        await using var _ = app;
        var cut = await AbrirAsync();
        await TocarAsync(cut);
        await cut.Find("[data-testid=kiosco-familia][data-familia='4713']").ClickAsync(new());
        await cut.Find("[data-testid=kiosco-resultado][data-id=K-aseo] [data-testid=kiosco-mas]").ClickAsync(new());
        Assert.Equal("true", cut.Find("[data-testid=kiosco-mas]").GetAttribute("aria-expanded"));

        reloj.Advance(TimeSpan.FromSeconds(89));
        await TocarAsync(cut); // a touch at 89 s starts the count again
        reloj.Advance(TimeSpan.FromSeconds(89));
        Assert.Single(cut.FindAll("[data-testid=kiosco-explorar]"));
        Assert.Single(Presionados(cut));
        reloj.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=kiosco-carrusel]")));
        Assert.Equal("indicadores", Activa(cut));
        await TocarAsync(cut);
        Assert.Empty(Presionados(cut));
        Assert.Empty(cut.FindAll("[aria-expanded=true]"));
        Assert.Equal(5, cut.FindAll("[data-testid=kiosco-resultado]").Count);
        Assert.Equal("oportunidades", cut.Find("[data-testid=kiosco-vista][aria-pressed=true]").GetAttribute("data-vista"));
    }

    [Fact]
    public async Task Volver_al_inicio_returns_to_the_loop_at_once_without_the_choices()
    {
        using var testDb = new TestDb();
        var (app, reloj) = await IniciarAsync(testDb);
        await using var _ = app;
        var cut = await AbrirAsync();
        await TocarAsync(cut);
        await cut.Find("[data-testid=kiosco-vista][data-vista=mapa]").ClickAsync(new());
        Assert.NotEmpty(cut.FindAll("[data-testid=kiosco-explorar] [data-testid=mapa]"));

        await cut.Find("[data-testid=kiosco-inicio]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("indicadores", Activa(cut)));
        reloj.Advance(TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.Equal("oportunidades", Activa(cut))); // rotating again
    }

    [Fact]
    public async Task Focus_inside_the_carousel_pauses_it_and_leaving_resumes_it()
    {
        using var testDb = new TestDb();
        var (app, reloj) = await IniciarAsync(testDb);
        await using var _ = app;
        var cut = await AbrirAsync();
        Assert.Equal("off", cut.Find(".kiosco-diapositivas").GetAttribute("aria-live"));

        await cut.Find("[data-testid=kiosco-carrusel]").FocusInAsync(new());
        reloj.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("indicadores", Activa(cut));
        Assert.Equal("polite", cut.Find(".kiosco-diapositivas").GetAttribute("aria-live"));

        await cut.Find("[data-testid=kiosco-carrusel]").FocusOutAsync(new());
        reloj.Advance(TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.Equal("oportunidades", Activa(cut)));
    }

    [Fact]
    public async Task A_dot_shows_its_slide_and_holds_it_until_the_idle_time_and_the_pause_button_stops_the_rotation()
    {
        using var testDb = new TestDb();
        var (app, reloj) = await IniciarAsync(testDb);
        await using var _ = app;
        var cut = await AbrirAsync();

        await cut.FindAll("[data-testid=kiosco-punto]")[2].ClickAsync(new());
        Assert.Equal("mapa", Activa(cut));
        Assert.Equal([null, null, "true"], cut.FindAll("[data-testid=kiosco-punto]").Select(p => p.GetAttribute("aria-current")));
        Assert.Empty(cut.FindAll("[data-testid=kiosco-explorar]"));
        reloj.Advance(TimeSpan.FromSeconds(89));
        Assert.Equal("mapa", Activa(cut));
        reloj.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("indicadores", Activa(cut)));

        await cut.Find("[data-testid=kiosco-pausa]").ClickAsync(new());
        Assert.Equal("true", cut.Find("[data-testid=kiosco-pausa]").GetAttribute("data-detenido"));
        Assert.Equal("Reanudar el carrusel", cut.Find("[data-testid=kiosco-pausa]").TextContent.Trim());
        reloj.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal("indicadores", Activa(cut));
        await cut.Find("[data-testid=kiosco-pausa]").ClickAsync(new());
        reloj.Advance(TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.Equal("oportunidades", Activa(cut)));
    }

    [Fact]
    public async Task A_call_published_by_a_later_sync_appears_on_the_carousel_without_a_reload()
    {
        using var testDb = new TestDb();
        var (app, _) = await IniciarAsync(testDb);
        await using var __ = app;
        var cut = await AbrirAsync();

        await using (var db = testDb.CreateDbContext())
        {
            db.PaaLines.Add(new PaaLine
            {
                Id = "K-nueva", CodigoEntidad = "7", Annio = 2026, VersionDelPaa = 1, Descripcion = "Compra de sillas", CategoriasUnspsc = ";56101500;",
                MesEsperadoInicio = 11, Modalidad = "Mínima cuantía", ProcesosRelacionados = "CO1.REQ.504", Source = "demo",
            });
            db.Procesos.Add(new Proceso { IdDelProceso = "CO1.REQ.504", NitEntidad = "891380007", EstadoDelProcedimiento = "Publicado",
                FechaPublicacion = new(2026, 11, 21), FechaRecepcion = new(2026, 12, 15), Source = "demo" });
            await db.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<DataChangedNotifier>().NotifyAsync();

        cut.WaitForAssertion(() => Assert.Equal(["K-nueva", "K-abierta2", "K-abierta"], Ids(cut, "kiosco-oportunidad")));
    }
}
