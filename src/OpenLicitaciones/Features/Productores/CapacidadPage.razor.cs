using System.Globalization;
using Microsoft.AspNetCore.Components;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Productores;

public sealed partial class CapacidadPage
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Inject] private CapacidadSnapshot Snapshot { get; set; } = null!;
    [Inject] private Geografia Geografia { get; set; } = null!;
    [Inject] private UnspscFamilias Familias { get; set; } = null!;

    /// <summary>The organisation whose card is open, kept in the URL so a card can be shared.</summary>
    [SupplyParameterFromQuery(Name = "org")] public string? Org { get; set; }

    /// <summary>The food family whose detail is open.</summary>
    [SupplyParameterFromQuery(Name = "familia")] public string? Familia { get; set; }

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    private CapacidadDatos? _datos;
    private IReadOnlyList<MarcadorMapa> _marcadores = [];
    private IReadOnlyList<EntradaLeyenda> _leyenda = [];
    private IReadOnlyList<ProductorVista> _sinUbicacion = [];
    private string? _seleccionadoId;
    private ProductorVista? _seleccionado;
    private ProductorFicha? _ficha;
    private bool _enfocarFicha;
    private bool _enfocarMapa;
    private ElementReference _mapaTitulo;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _datos = await Snapshot.GetAsync();
        var ubicados = _datos.Productores.Where(p => p.Ubicado).ToList();
        _marcadores = ubicados.Select(p => new MarcadorMapa(p.Clave, p.Nombre, p.Latitud!.Value, p.Longitud!.Value,
            ColoresFamilia.De(p.FamiliaPrincipal), Descripcion(p))).ToList();
        _leyenda = ubicados.Select(p => p.FamiliaPrincipal).Distinct().Order(StringComparer.Ordinal)
            .Select(f => new EntradaLeyenda(ColoresFamilia.De(f), Familias.Describe(f))).ToList();
        _sinUbicacion = _datos.Productores.Where(p => !p.Ubicado).ToList();
        _seleccionadoId = Org;
        _seleccionado = _datos.Productores.FirstOrDefault(p => p.Clave == Org);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Only after a visitor opened or closed a card: a card opened by the address (a shared link) leaves focus where the
        // page puts it.
        if (_enfocarMapa)
        {
            _enfocarMapa = false;
            await _mapaTitulo.FocusAsync();
        }
        if (!_enfocarFicha || _ficha is null) return;
        _enfocarFicha = false;
        await _ficha.EnfocarAsync();
    }

    private string Descripcion(ProductorVista p) =>
        $"{(p.EsDemo ? "organización de demostración, " : "")}{p.Lugar ?? "ubicación registrada"}; produce {string.Join(", ", p.Productos.Select(x => x.Producto))}";

    private void Seleccionar(string? id)
    {
        (_seleccionadoId, _seleccionado) = (id, _datos?.Productores.FirstOrDefault(p => p.Clave == id));
        Org = id;
        _enfocarFicha = _seleccionado is not null;
        _enfocarMapa = _seleccionado is null; // a closed card must not leave focus on nothing
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("org", id), new NavigationOptions { ReplaceHistoryEntry = true });
    }

    private void SeleccionarFamilia(string familia)
    {
        Familia = familia;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("familia", familia), new NavigationOptions { ReplaceHistoryEntry = true });
    }

    private static string Coordenadas(double lat, double lon) => $"{lat.ToString("0.0000", Inv)}, {lon.ToString("0.0000", Inv)}";
}
