using Bunit;
using Microsoft.AspNetCore.Components;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Banco;

public sealed class BancoCardTests : ComponentTest
{
    private static readonly Modalidades Catalog = Modalidades.Load(Path.Combine(AppContext.BaseDirectory, "data", "modalidades.csv"));

    [Fact]
    public void A_card_shows_the_facts_in_colombian_format_with_each_chips_explanation_as_its_description()
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
        var facts = card.QuerySelectorAll("dl > div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => Visible(d.QuerySelector("dd")!));
        Assert.Equal("Productos lácteos y huevos", facts["Producto o servicio"]);
        Assert.Equal("diciembre de 2026", facts["Mes esperado"]);
        Assert.Equal("$ 45.500.000", facts["Valor estimado"]);
        Assert.Equal("Selección abreviada de menor cuantía accesible (planeada: Mínima cuantía)", facts["Modalidad"]);
        Assert.Equal("Secretaría de Educación", facts["Dependencia"]);
        Assert.Equal("Publicado abierto: quedan 9 días", facts["Estado"]);
        Assert.Equal("Publicado", card.QuerySelector(".status")!.TextContent.Trim());
        // Each chip is a keyboard stop described by its explanation (the tooltip pattern), whose ids do not collide.
        var chips = card.QuerySelectorAll(".chip");
        Assert.Equal(["Nueva", "accesible", "Publicado"], chips.Select(c => c.TextContent));
        Assert.Equal([Badges.NuevaRule, Badges.AccesibleRule, BancoStatus.Rule(EstadoBanco.Publicado)],
            chips.Select(c => Assert.Single(cut.FindAll($"#{c.GetAttribute("aria-describedby")}")).TextContent));
        Assert.All(chips, c => Assert.Equal("0", c.GetAttribute("tabindex")));
    }

    [Fact]
    public void A_card_is_one_component_with_its_chips_and_explanations_as_plain_markup()
    {
        // Every component holds render buffers for as long as a visitor keeps the page open, 25 cards a page: a chip,
        // tooltip or paper component here would multiply the memory each idle visitor costs the server (issue 9).
        var m = Catalog.Resolve("Mínima cuantía");
        var o = new Oportunidad("1", "7", 2026, 3, "Compra", ["50131700"], 12, 1_000_000, "Mínima cuantía", m, m, null, true, null, [], []);

        var cut = Render<BancoCard>(p => p.Add(x => x.Row, new OportunidadActual(o, BancoStatus.Of([], [], new DateTime(2026, 11, 22))))
            .Add(x => x.Familia, "Productos lácteos y huevos").Add(x => x.NuevaParaUsted, true));

        Assert.Equal(3, cut.FindAll(".chip").Count); // nueva, accesible and the status are all there…
        Assert.Empty(cut.FindComponents<IComponent>()); // …without a single component under the card
    }

    [Fact]
    public void Missing_values_say_sin_dato()
    {
        var m = Catalog.Resolve(null);
        var o = new Oportunidad("9", "7", 2027, 1, "Sin datos", [], null, null, null, m, m, null, false, null, [], []);

        var cut = Render<BancoCard>(p => p.Add(x => x.Row, new OportunidadActual(o, BancoStatus.Of([], [], new DateTime(2026, 11, 22)))).Add(x => x.Familia, "Sin dato"));

        var facts = cut.FindAll("dl > div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => Visible(d.QuerySelector("dd")!));
        Assert.Equal("Sin dato (2027)", facts["Mes esperado"]);
        Assert.Equal("Sin dato", facts["Valor estimado"]);
        Assert.Equal("Sin dato", facts["Modalidad"]);
        Assert.Equal("Sin dato", facts["Dependencia"]);
        Assert.Equal("Planeado", facts["Estado"]);
        Assert.Empty(cut.FindAll(".badge-new"));
    }

    /// <summary>The text a sighted reader sees: without the chips' explanations, which show only on hover or focus.</summary>
    private static string Visible(AngleSharp.Dom.IElement element)
    {
        var copy = (AngleSharp.Dom.IElement)element.Clone();
        foreach (var tip in copy.QuerySelectorAll("[role=tooltip]")) tip.Remove();
        return string.Join(' ', copy.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
