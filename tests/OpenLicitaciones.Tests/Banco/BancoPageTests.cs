using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Components;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Banco;

/// <summary>The Banco page rendered by bunit over the app's services and a database seeded by hand (BancoSnapshotTests).</summary>
public sealed class BancoPageTests : ComponentTest
{
    private async Task<ApiHost> StartAsync(TestDb testDb, string url)
    {
        await BancoSnapshotTests.SeedAsync(testDb);
        var app = await ApiHost.StartAsync(testDb);
        UseAppServices(app.Services);
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return app;
    }

    private static IReadOnlyList<string> Titles(IRenderedComponent<BancoPage> page) =>
        page.FindAll("[data-testid=oportunidad] .opportunity-title").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task A_search_typed_in_the_form_goes_to_the_url_and_that_url_lists_only_the_matching_lines()
    {
        using var testDb = new TestDb();
        await using var app = await StartAsync(testDb, "/licitaciones");

        var page = Render<BancoPage>();
        page.WaitForAssertion(() => Assert.Equal("6", page.Find("[data-testid=banco-total]").TextContent));
        await page.Find("input[type=search]").ChangeAsync(new ChangeEventArgs { Value = "huevos" });
        await page.Find("form").SubmitAsync();

        var nav = Services.GetRequiredService<NavigationManager>();
        Assert.EndsWith("/licitaciones?q=huevos", nav.Uri);
        var filtered = Render<BancoPage>();
        filtered.WaitForAssertion(() => Assert.Equal(["Compra de huevos"], Titles(filtered)));
        Assert.Equal("1", filtered.Find("[data-testid=banco-total]").TextContent);
    }

    [Fact]
    public async Task Ticking_a_checkbox_applies_at_once_and_bad_url_values_show_one_warning_each()
    {
        using var testDb = new TestDb();
        await using var app = await StartAsync(testDb, "/licitaciones?modalidad=trueque&valorMin=-5");

        var page = Render<BancoPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=banco-avisos] li").Count));
        Assert.Contains("modalidad: 'trueque' no es una modalidad conocida; se ignora", page.Find("[data-testid=banco-avisos]").TextContent);

        var accessible = page.FindAll("input[type=checkbox]")[1]; // "Accesible para pequeñas empresas"
        await accessible.ChangeAsync(new ChangeEventArgs { Value = true });

        Assert.EndsWith("/licitaciones?accesible=true", Services.GetRequiredService<NavigationManager>().Uri); // bad values are dropped
    }

    [Fact]
    public async Task A_new_line_arriving_live_waits_behind_a_button_and_the_list_being_read_does_not_move()
    {
        using var testDb = new TestDb();
        await using var app = await StartAsync(testDb, "/licitaciones?orden=-valor");
        var dichos = new List<IReadOnlyList<string>>();
        Services.GetRequiredService<AvisoEnVivo>().Anunciar += d => { lock (dichos) dichos.Add(d); };
        var page = Render<BancoPage>();
        page.WaitForAssertion(() => Assert.Equal(6, Titles(page).Count));
        var before = Titles(page);
        Assert.Equal("polite", page.Find(".list-summary").GetAttribute("aria-live"));

        await using (var db = testDb.CreateDbContext())
        {
            db.PaaLines.Add(new PaaLine
            {
                Id = "L-live", CodigoEntidad = "7", Annio = 2026, VersionDelPaa = 2, Descripcion = "Compra en vivo de yuca", MesEsperadoInicio = 5,
                CategoriasUnspsc = ";50401500;", ValorTotalEsperado = 999_000_000, Source = "demo",
            });
            await db.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<DataChangedNotifier>().NotifyAsync();

        page.WaitForAssertion(() => Assert.Equal("1 oportunidad nueva — mostrar", page.Find("[data-testid=filas-nuevas] button").TextContent.Trim()));
        Assert.Equal(before, Titles(page));
        Assert.Equal("6", page.Find("[data-testid=banco-total]").TextContent);
        Assert.Equal("off", page.Find(".list-summary").GetAttribute("aria-live")); // the status line announces the change, once
        for (var waited = 0; waited < 5_000 && dichos.Count == 0; waited += 50) await Task.Delay(50); // the announcement gathers for a moment
        Assert.Equal(["Hay 1 oportunidad nueva en la lista: el botón «mostrar» la pone al día."], Assert.Single(dichos));

        await page.Find("[data-testid=filas-nuevas] button").ClickAsync(new());

        Assert.Equal(["Compra en vivo de yuca", .. before], Titles(page));
        Assert.Equal("7", page.Find("[data-testid=banco-total]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=filas-nuevas]"));
        Assert.NotNull(page.FindAll("[data-testid=oportunidad]")[0].QuerySelector(".badge-new"));
    }

    [Fact]
    public async Task Lines_first_seen_after_this_browsers_previous_visit_carry_the_new_badge()
    {
        using var testDb = new TestDb();
        await using var app = await StartAsync(testDb, "/licitaciones");
        await using (var db = testDb.CreateDbContext())
            await db.PaaLines.ExecuteUpdateAsync(l => l.SetProperty(x => x.FechaVersion, new DateTime(2026, 10, 1)));
        JSInterop.Setup<string?>("localStorage.getItem", "ol-banco-ultima-visita").SetResult("2000-01-01T00:00:00Z");

        var page = Render<BancoPage>();

        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("[data-testid=oportunidad] .badge-new").Count));
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "localStorage.setItem");
    }

    [Fact]
    public async Task A_choice_in_a_filters_list_applies_at_once_and_the_list_shows_the_choice_from_the_url()
    {
        using var testDb = new TestDb();
        await using var app = await StartAsync(testDb, "/licitaciones?estado=planeado");

        var page = Render<BancoPage>();
        page.WaitForAssertion(() => Assert.Equal(["Compra nueva de aguacate", "Plan del próximo año"], Titles(page).Order()));
        var estado = Select(page, "Estado");
        Assert.Equal("Planeado", estado.QuerySelector("option[selected]")!.TextContent);
        Assert.Equal(["Todos", "Planeado", "Publicado", "En evaluación", "Adjudicado", "Contratado", "Desierto o cancelado"],
            estado.QuerySelectorAll("option").Select(o => o.TextContent));

        await estado.ChangeAsync(new ChangeEventArgs { Value = "publicado" });
        Assert.EndsWith("/licitaciones?estado=publicado", Services.GetRequiredService<NavigationManager>().Uri);
        await Select(page, "Estado").ChangeAsync(new ChangeEventArgs { Value = "" }); // "Todos" clears the filter
        Assert.EndsWith("/licitaciones", Services.GetRequiredService<NavigationManager>().Uri);
    }

    /// <summary>A filter's list found as a visitor or a screen reader finds it: by the label tied to it.</summary>
    private static AngleSharp.Dom.IElement Select(IRenderedComponent<BancoPage> page, string label)
    {
        var id = page.FindAll("label").Single(l => l.TextContent == label).GetAttribute("for");
        return page.Find($"select#{id}");
    }
}
