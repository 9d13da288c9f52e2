using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Features.Indicadores;

public sealed partial class IndicadoresPage
{
    [Inject] private IndicadoresSnapshot Snapshot { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IOptions<EntitiesOptions> Entidades { get; set; } = null!;

    /// <summary>The period shown, in the URL so a view can be shared: anio, and trimestre 1–4 for a quarter.</summary>
    [SupplyParameterFromQuery(Name = "anio")] public string? Anio { get; set; }
    [SupplyParameterFromQuery(Name = "trimestre")] public string? Trimestre { get; set; }

    /// <summary>The indicator of the trend chart.</summary>
    [SupplyParameterFromQuery(Name = "ver")] public string? Ver { get; set; }

    private sealed record Grupo(string Id, string Nombre, IReadOnlyList<ResultadoIndicador> Resultados);

    private DatosIndicadores? _datos;
    private Periodo _periodo = new(DateTime.Today.Year);
    private bool _trimestral;
    private string _ver = "g1";
    private IReadOnlyList<string> _avisos = [];
    private IReadOnlyList<Grupo> _grupos = [];
    private IReadOnlyList<Periodo> _periodos = [];

    private string Entidad => Entidades.Value.NombresTexto;

    private string PeriodoQuery => _periodo.Query;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _datos = await Snapshot.GetAsync();
        var q = new QueryReader(name => name switch { "anio" => Anio, "trimestre" => Trimestre, _ => null });
        _periodo = FiltroIndicadores.Periodo(q, _datos);
        _trimestral = _periodo.Trimestre is not null;
        _ver = Ver?.ToLowerInvariant() is { } v && CatalogoIndicadores.De(v) is not null ? v
            : Ver is null ? "g1" : q.Warn($"ver: '{PlainText.Clip(Ver)}' no es un indicador; se muestra G1", "g1");
        _avisos = q.Warnings;
        _periodos = _datos.Periodos(_trimestral);
        _grupos = CatalogoIndicadores.Todos.GroupBy(d => d.Grupo)
            .Select((g, i) => new Grupo($"{i + 1}", g.Key, g.Select(d => _datos.Resultado(d.Codigo, _periodo)).OfType<ResultadoIndicador>().ToList()))
            .ToList();
    }

    private string ApiHref(string formato) =>
        $"/api/v1/indicadores?desde={_datos!.Desde}&hasta={_datos.Hasta}&granularidad={(_trimestral ? "trimestre" : "anio")}&format={formato}";

    private void CambiarVer(string codigo) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("ver", codigo), new NavigationOptions { ReplaceHistoryEntry = true });
}
