using Bunit;
using MudBlazor;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Banco;

public sealed class BancoCardTests : ComponentTest
{
    private static readonly Modalidades Catalog = Modalidades.Load(Path.Combine(AppContext.BaseDirectory, "data", "modalidades.csv"));

    [Fact]
    public void A_card_shows_the_facts_in_colombian_format_with_the_status_rule_as_tooltip()
    {
        var planned = Catalog.Resolve("Mínima cuantía");
        var actual = Catalog.Resolve("Selección Abreviada de Menor Cuantía");
        var o = new Oportunidad("123", "7", 2026, 2, "Compra de huevo <b>AA</b>", ["50131700"], 12, 45_500_000, "Mínima cuantía", planned, actual,
            "Secretaría de Educación", true, null,
            [new ProcesoVinculado("CO1.REQ.1", null, null, "Publicado", null, false, null, new DateTime(2026, 12, 1), null, null, null, null, null, null, null, null, null)], []);
        var row = new OportunidadActual(o, BancoStatus.Of(o.Procesos, o.Contratos, new DateTime(2026, 11, 22)));

        var cut = Render<BancoCard>(p => p.Add(x => x.Row, row).Add(x => x.Familia, "Productos lácteos y huevos").Add(x => x.NuevaParaUsted, true));

        var card = cut.Find("[data-testid=oportunidad]");
        Assert.Equal("publicado", card.GetAttribute("data-estado"));
        var title = card.QuerySelector("a.opportunity-title")!;
        Assert.Equal("Compra de huevo <b>AA</b>", title.TextContent); // text, never markup
        Assert.Equal("/licitaciones/123", title.GetAttribute("href"));
        Assert.Equal("Nueva", card.QuerySelector(".badge-new")!.TextContent);
        var facts = card.QuerySelectorAll("dl > div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => Squash(d.QuerySelector("dd")!.TextContent));
        Assert.Equal("Productos lácteos y huevos", facts["Producto o servicio"]);
        Assert.Equal("diciembre de 2026", facts["Mes esperado"]);
        Assert.Equal("$ 45.500.000", facts["Valor estimado"]);
        Assert.Equal("Selección abreviada de menor cuantía accesible (planeada: Mínima cuantía)", facts["Modalidad"]);
        Assert.Equal("Secretaría de Educación", facts["Dependencia"]);
        Assert.Equal("Publicado abierto: quedan 9 días", facts["Estado"]);
        Assert.Equal("Publicado", card.QuerySelector(".status")!.TextContent.Trim());
        var tooltips = cut.FindComponents<MudTooltip>().Select(t => t.Instance.Text).ToList();
        Assert.Contains(BancoStatus.Rule(EstadoBanco.Publicado), tooltips);
    }

    [Fact]
    public void Missing_values_say_sin_dato()
    {
        var m = Catalog.Resolve(null);
        var o = new Oportunidad("9", "7", 2027, 1, "Sin datos", [], null, null, null, m, m, null, false, null, [], []);

        var cut = Render<BancoCard>(p => p.Add(x => x.Row, new OportunidadActual(o, BancoStatus.Of([], [], new DateTime(2026, 11, 22)))).Add(x => x.Familia, "Sin dato"));

        var facts = cut.FindAll("dl > div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => Squash(d.QuerySelector("dd")!.TextContent));
        Assert.Equal("Sin dato (2027)", facts["Mes esperado"]);
        Assert.Equal("Sin dato", facts["Valor estimado"]);
        Assert.Equal("Sin dato", facts["Modalidad"]);
        Assert.Equal("Sin dato", facts["Dependencia"]);
        Assert.Equal("Planeado", facts["Estado"]);
        Assert.Empty(cut.FindAll(".badge-new"));
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
