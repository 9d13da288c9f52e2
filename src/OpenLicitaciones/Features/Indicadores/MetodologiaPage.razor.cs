using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Indicadores;

/// <summary>A group of indicators on the methodology page, with the id of its heading.</summary>
public sealed record GrupoMetodologia(string Id, string Nombre, IReadOnlyList<DefinicionIndicador> Indicadores);

/// <summary>
/// The methodology (<c>/indicadores/metodologia</c>): the shared rules, then every indicator of the catalog with the
/// section id its card links to. The words come from <see cref="CatalogoIndicadores"/> and <see cref="Metodologia"/>,
/// so they change only with the app; no data is read.
/// </summary>
public partial class MetodologiaPage
{
    private static readonly CultureInfo EsCo = CultureInfo.GetCultureInfo("es-CO");

    private static readonly List<BreadcrumbItem> Breadcrumbs =
        [new("Indicadores de inclusión", "/indicadores"), new("Metodología", null, disabled: true)];

    /// <summary>The shared rules' sections, in the page's order (id, heading).</summary>
    internal static readonly IReadOnlyList<(string Id, string Titulo)> Reglas =
    [
        ("periodos", "Periodos"),
        ("contratos-contados", "Contratos que cuentan"),
        ("liderada-por-mujer", "Empresa liderada por mujer"),
        ("no-definido", "«No Definido» y los datos que faltan"),
        ("cobertura-baja", "Cobertura y «cobertura baja»"),
        ("sesgo-proponentes", "El liderazgo de los proponentes: un sesgo conocido"),
        ("ippg-sin-datos", "IPPG «sin datos»"),
        ("metas", "Metas"),
        ("fuentes", "Fuentes de datos"),
        ("recalcular", "Cómo recalcular las cifras"),
    ];

    /// <summary>The catalog's groups in its order; G11 goes right after G10 so the codes read in order.</summary>
    internal static readonly IReadOnlyList<GrupoMetodologia> Grupos = CatalogoIndicadores.Todos
        .SelectMany(d => d.Codigo == "g10" ? new[] { d, Metodologia.G11 } : [d])
        .GroupBy(d => d.Grupo)
        .Select(g => new GrupoMetodologia(GrupoId(g.Key), g.Key, g.ToList()))
        .ToList();

    private static readonly string Certificada = new EstadoMujer(true, FuenteMujer.Certificacion).Etiqueta;
    private static readonly string PorRepresentante = new EstadoMujer(true, FuenteMujer.RepresentanteLegal).Etiqueta;

    [Inject] private IOptions<EntitiesOptions> Entities { get; set; } = default!;
    [Inject] private MetasVigentes Metas { get; set; } = default!;
    private MetasIndicadores _metas = MetasIndicadores.Ninguna;

    protected override Task OnInitializedAsync() => CargarMetasAsync();

    private async Task CargarMetasAsync() => _metas = await Metas.LeerAsync();

    /// <summary>"la entidad (Alcaldía de Palmira)": entity names need no article of their own this way.</summary>
    private string Entidad
    {
        get
        {
            var nombres = Entities.Value.Nombres;
            return nombres.Count switch
            {
                0 => "la entidad configurada",
                1 => $"la entidad ({nombres[0]})",
                _ => $"las entidades ({EntitiesOptions.SpanishList(nombres)})",
            };
        }
    }

    private string MetasConfiguradas
    {
        get
        {
            var metas = CatalogoIndicadores.Todos
                .Select(d => Metodologia.MetasPorAnio(d.Codigo, _metas) is { } m ? $"{d.Codigo.ToUpperInvariant()} ({m})" : null)
                .OfType<string>()
                .ToList();
            return metas.Count == 0
                ? "En esta instalación la Secretaría no ha fijado metas para los demás indicadores."
                : $"Metas fijadas en esta instalación: {string.Join(", ", metas)}.";
        }
    }

    /// <summary>A link to a section of this page. With &lt;base href="/"&gt; a bare "#id" would point at the home page.</summary>
    private static string Href(string id) => $"{Metodologia.Ruta}#{id}";

    private static string GrupoId(string nombre) => "grupo-" + Regex.Replace(PlainText.Fold(nombre), "[^a-z0-9]+", "-").Trim('-');
}
