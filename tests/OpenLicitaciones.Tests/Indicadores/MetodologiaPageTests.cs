using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Indicadores;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Indicadores;

/// <summary>The methodology page: every indicator's words from the catalog, under the id its card links to, and the shared rules.</summary>
public sealed class MetodologiaPageTests : ComponentTest
{
    public static readonly TheoryData<string> Codigos = new(CatalogoIndicadores.Todos.Select(d => d.Codigo));

    public MetodologiaPageTests()
    {
        Services.Configure<EntitiesOptions>(o => o.Items.Add(
            new EntityOptions { Nit = "891380007", Nombre = "Alcaldía de Palmira", Municipio = "Palmira", Departamento = "Valle del Cauca" }));
        Services.Configure<IndicadoresOptions>(o => o.Metas["g1"] = new() { [2026] = 0.4, [2025] = 0.35 });
        // Created by the container, so disposed (its file deleted) with it.
        Services.AddSingleton(_ =>
        {
            var db = new TestDb();
            using (var context = db.CreateDbContext()) context.Database.Migrate();
            return db;
        });
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(sp => sp.GetRequiredService<TestDb>());
        Services.AddSingleton<MetasVigentes>();
        Services.AddSingleton<DataChangedNotifier>();
    }

    [Theory]
    [MemberData(nameof(Codigos))]
    public void Each_indicator_has_its_section_with_its_definition_formula_fields_limitations_and_links(string codigo)
    {
        var d = CatalogoIndicadores.De(codigo)!;

        var seccion = Render<MetodologiaPage>().Find($"section#{codigo}");

        Assert.Equal($"{codigo.ToUpperInvariant()} {d.Nombre}", Texto(seccion.QuerySelector("h3")!));
        Assert.Contains(d.Definicion, seccion.TextContent);
        Assert.Equal(d.Formula, Texto(Dato(seccion, "Fórmula")));
        Assert.Equal(d.Numerador, Texto(Dato(seccion, "Numerador")));
        Assert.Equal(d.Denominador, Texto(Dato(seccion, "Denominador")));
        Assert.Equal(d.Periodo, Texto(Dato(seccion, "Periodo")));
        Assert.Equal(d.Campos, Dato(seccion, "Campos y archivos que usa").QuerySelectorAll("code").Select(Texto));
        Assert.Equal(d.Limitaciones, seccion.QuerySelectorAll($"ul[aria-labelledby='{codigo}-limites'] li").Select(Texto));
        if (d.PorValor is { } segunda) Assert.StartsWith(segunda, Texto(Dato(seccion, "Segunda cifra")));
        else Assert.DoesNotContain("Segunda cifra", seccion.QuerySelectorAll("dt").Select(Texto));
        var enlaces = seccion.QuerySelectorAll(".metodologia-enlaces a").Select(a => (Texto(a), a.GetAttribute("href"))).ToList();
        Assert.Equal([($"Ver el detalle de {codigo.ToUpperInvariant()}", $"/indicadores/{codigo}"), ("Volver al tablero", "/indicadores")], enlaces);
    }

    [Fact]
    public void Every_card_link_lands_on_a_section_of_the_page_and_the_contents_link_every_section()
    {
        var cut = Render<MetodologiaPage>();
        var ids = cut.FindAll("[id]").Select(e => e.Id!).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var d in CatalogoIndicadores.Todos.Append(Metodologia.G11))
        {
            Assert.StartsWith($"{Metodologia.Ruta}#", d.Ancla);
            Assert.Single(cut.FindAll($"section[id='{d.Ancla.Split('#')[1]}']"));
        }
        var indice = cut.FindAll("nav.metodologia-indice a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.All(indice, href => Assert.Contains(href[(Metodologia.Ruta.Length + 1)..], ids));
        Assert.All(indice, href => Assert.StartsWith($"{Metodologia.Ruta}#", href));
        Assert.Superset(CatalogoIndicadores.Todos.Select(d => d.Ancla).Append(Metodologia.G11.Ancla).ToHashSet(), indice.ToHashSet());
        Assert.Superset(cut.FindAll("section:not(.metodologia-ficha) > h2[id], section:not(.metodologia-ficha) > h3[id]").Select(h => Href(h.Id!)).ToHashSet(), indice.ToHashSet());
    }

    [Fact]
    public void The_page_has_one_h1_and_its_headings_never_skip_a_level()
    {
        var cut = Render<MetodologiaPage>();

        Assert.Equal("Metodología de los indicadores", Texto(cut.Find("h1")));
        var niveles = cut.FindAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        Assert.Equal(1, niveles[0]);
        Assert.Single(niveles, n => n == 1);
        Assert.All(niveles.Zip(niveles.Skip(1)), par => Assert.True(par.Second <= par.First + 1, $"h{par.First} seguido de h{par.Second}"));
    }

    [Fact]
    public void The_shared_rules_explain_No_Definido_low_coverage_the_IPPG_zero_rule_and_the_bidders_bias()
    {
        var cut = Render<MetodologiaPage>();

        var mujer = Regla(cut, "liderada-por-mujer");
        Assert.Contains("g_nero_representante_legal", mujer);
        Assert.Contains("El representante legal no es la propiedad.", mujer);
        Assert.Contains("nunca se llama «empresa de mujeres»", mujer);
        Assert.Contains("«certificado por la Secretaría»", mujer);
        var noDefinido = Regla(cut, "no-definido");
        Assert.Contains("«No Definido»", noDefinido);
        Assert.Contains("Lo desconocido nunca es cero.", noDefinido);
        Assert.Contains("en número y en valor", noDefinido);
        var cobertura = Regla(cut, "cobertura-baja");
        Assert.Contains("menos del 30 %", cobertura);
        Assert.Contains("«cobertura baja»", cobertura);
        var ippg = Regla(cut, "ippg-sin-datos");
        Assert.Contains("Si alguna de esas cuatro cuentas es 0 en un periodo", ippg);
        Assert.Contains("«sin datos»", ippg);
        var sesgo = Regla(cut, "sesgo-proponentes");
        Assert.Contains("favorece a las empresas que ya ganaron antes", sesgo);
        Assert.Contains("si nunca firmó un contrato, es «sin dato»", sesgo);
        var periodos = Regla(cut, "periodos");
        Assert.Contains("fecha de firma", periodos);
        Assert.Contains("fecha de publicación", periodos);
        var metas = Regla(cut, "metas");
        Assert.Contains("Ley 2046 de 2020", metas);
        Assert.Contains("Indicadores:Metas", metas);
        Assert.Equal("Metas fijadas en esta instalación: G1 (2025: 35 %; 2026: 40 %).", Texto(cut.Find("[data-testid=metas-configuradas]")));
    }

    [Fact]
    public void Targets_are_the_law_for_G10_the_configured_ones_or_none_never_invented()
    {
        var cut = Render<MetodologiaPage>();

        Assert.Equal("30 % cada año: la fija la Ley 2046 de 2020.", Texto(Dato(cut.Find("section#g10"), "Meta")));
        Assert.Equal("2025: 35 %; 2026: 40 % (fijadas por la Secretaría).", Texto(Dato(cut.Find("section#g1"), "Meta")));
        Assert.StartsWith("Ninguna", Texto(Dato(cut.Find("section#g2"), "Meta")));
    }

    [Fact]
    public void G11_is_explained_beside_G10_and_sends_to_Capacidad_productiva()
    {
        var cut = Render<MetodologiaPage>();

        var local = cut.Find("section#g10").ParentElement!;
        Assert.Equal(["g10", "g11", "g12", "g13"], local.QuerySelectorAll("section.metodologia-ficha").Select(s => s.Id));
        var g11 = cut.Find("section#g11");
        Assert.Equal(Metodologia.G11.Formula, Texto(Dato(g11, "Fórmula")));
        var hrefs = g11.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/capacidad", hrefs);
        Assert.DoesNotContain("/indicadores/g11", hrefs);
        Assert.Contains(cut.FindAll("section[aria-labelledby=que-son] a"), a => a.GetAttribute("href") == "/capacidad");
    }

    [Fact]
    public void Sources_name_every_synced_dataset_with_its_id_the_staff_files_and_the_credit_line()
    {
        var cut = Render<MetodologiaPage>();

        var enlaces = cut.FindAll("ul.metodologia-fuentes a").ToList();
        Assert.Equal(SecopDatasets.All.Select(d => d.Id).Order(), enlaces.Select(a => Texto(a.QuerySelector("code")!)).Order());
        Assert.All(enlaces, a => Assert.Equal($"https://www.datos.gov.co/d/{Texto(a.QuerySelector("code")!)}", a.GetAttribute("href")));
        Assert.Equal(["p6dx-8zbt", "9sue-ezhx", "b6m4-qgqv", "jbjy-vk9h", "hgi6-6wh3", "wi7w-2nvm", "qmzu-gj57"],
            Metodologia.Conjuntos.Select(c => c.Id));
        Assert.DoesNotContain(Metodologia.Conjuntos, c => c.Uso.StartsWith("Se sincroniza", StringComparison.Ordinal));
        Assert.Contains(cut.FindAll("ul.metodologia-fuentes code"), c => Texto(c) == "data/certificaciones.csv");
        Assert.Equal("Fuente: SECOP II, Colombia Compra Eficiente — datos.gov.co", Texto(cut.Find(".metodologia-credito")));
        var api = Regla(cut, "recalcular");
        Assert.Contains("GET /api/v1/indicadores", api);
        Assert.Contains("GET /api/v1/indicadores/{codigo}/detalle?anio=&trimestre=", api);
        foreach (var parametro in new[] { "indicador", "desde", "hasta", "granularidad", "format" })
            Assert.Contains(cut.FindAll("#recalcular ~ dl dt code"), c => Texto(c) == parametro);
    }

    [Fact]
    public void The_page_says_which_app_version_and_entity_it_describes()
    {
        var cut = Render<MetodologiaPage>();

        var version = Texto(cut.Find(".metodologia-version strong"));
        Assert.Equal(Metodologia.VersionApp, version);
        Assert.Matches(@"^\d+\.\d+\.\d+", version);
        Assert.Contains("las compras de la entidad (Alcaldía de Palmira) llegan", Texto(cut.Find("section[aria-labelledby=que-son] p")));
    }

    [Theory]
    [InlineData("1.0.0+a4a40faca5dfdab4aa63fc622f7224a500676577", "1.0.0 (a4a40fa)")]
    [InlineData("2.3.1", "2.3.1")]
    [InlineData("1.0.0+abc", "1.0.0 (abc)")]
    [InlineData("1.0.0+", "1.0.0")]
    [InlineData(" ", "sin número")]
    [InlineData(null, "sin número")]
    public void The_version_is_the_number_and_the_short_commit_it_was_built_from(string? informacional, string esperada)
    {
        Assert.Equal(esperada, Metodologia.Version(informacional));
    }

    private static string Href(string id) => $"{Metodologia.Ruta}#{id}";

    private static string Texto(IElement e) => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The dd of a section's dl entry, by its dt.</summary>
    private static IElement Dato(IElement seccion, string termino) =>
        seccion.QuerySelectorAll("dt").Single(dt => Texto(dt) == termino).NextElementSibling!;

    /// <summary>A shared rule's text: everything after its h3 up to the next heading.</summary>
    private static string Regla(IRenderedComponent<MetodologiaPage> cut, string id)
    {
        var partes = new List<string>();
        for (var e = cut.Find($"h3#{id}").NextElementSibling; e is not null && e.LocalName is not ("h2" or "h3"); e = e.NextElementSibling)
            partes.Add(Texto(e));
        return string.Join(' ', partes);
    }
}
