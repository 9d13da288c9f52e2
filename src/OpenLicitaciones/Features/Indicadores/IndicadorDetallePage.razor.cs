using Microsoft.AspNetCore.Components;
using MudBlazor;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Features.Indicadores;

public sealed partial class IndicadorDetallePage
{
    [Inject] private IndicadoresSnapshot Snapshot { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public string Codigo { get; set; } = "";
    [SupplyParameterFromQuery(Name = "anio")] public string? Anio { get; set; }
    [SupplyParameterFromQuery(Name = "trimestre")] public string? Trimestre { get; set; }

    /// <summary>Which rows the table shows: todas, numerador, base or sin-dato.</summary>
    [SupplyParameterFromQuery(Name = "cuenta")] public string? Filtro { get; set; }

    private DatosIndicadores? _datos;
    private DefinicionIndicador? _definicion;
    private ResultadoIndicador? _resultado;
    private Periodo _periodo = new(DateTime.Today.Year);
    private IReadOnlyList<string> _avisos = [];
    private IReadOnlyList<FilaDetalle> _filas = [];
    private IReadOnlyList<FilaDetalle> _visibles = [];
    private string _cuenta = "todas";
    private List<BreadcrumbItem> _migas = [];

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _datos = await Snapshot.GetAsync();
        _definicion = CatalogoIndicadores.De(Codigo.ToLowerInvariant());
        var q = new QueryReader(name => name switch { "anio" => Anio, "trimestre" => Trimestre, _ => null });
        _periodo = FiltroIndicadores.Periodo(q, _datos);
        _cuenta = Filtro?.ToLowerInvariant() is Cuenta.Numerador or Cuenta.Base or Cuenta.SinDato ? Filtro.ToLowerInvariant()
            : Filtro is null or "todas" ? "todas" : q.Warn($"cuenta: '{Filtro}' no es todas, numerador, base ni sin-dato; se muestran todas", "todas");
        _avisos = q.Warnings;
        if (_definicion is null) return;
        _resultado = _datos.Resultado(_definicion.Codigo, _periodo);
        _filas = _datos.Detalle(_definicion.Codigo, _periodo);
        _visibles = _cuenta == "todas" ? _filas : _filas.Where(f => f.Cuenta == _cuenta).ToList();
        _migas = [new("Indicadores", $"/indicadores?{PeriodoQuery}"), new(_definicion.Codigo.ToUpperInvariant(), null, disabled: true)];
    }

    private string PeriodoQuery => _periodo.Query;

    private string ExportHref(string formato) => $"/api/v1/indicadores/{_definicion!.Codigo}/detalle?{PeriodoQuery}&format={formato}";

    private static string Perfil(string proveedorId) => $"/proveedores/{Uri.EscapeDataString(proveedorId)}";

    private void CambiarCuenta(string? cuenta) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("cuenta", cuenta is null or "todas" ? null : cuenta), new NavigationOptions { ReplaceHistoryEntry = true });
}
