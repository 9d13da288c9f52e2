using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using OpenLicitaciones.Components;
using OpenLicitaciones.Components.Listing;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Monitor;

public sealed partial class MonitorPage
{
    public const int PageSize = 25;

    [Inject] private MonitorSnapshot Snapshot { get; set; } = null!;
    [Inject] private Modalidades Modalidades { get; set; } = null!;
    [Inject] private IOptions<MonitorOptions> Options { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private AvisoEnVivo Aviso { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "mujer")] public string? Mujer { get; set; }
    [SupplyParameterFromQuery(Name = "nuevo")] public string? Nuevo { get; set; }
    [SupplyParameterFromQuery(Name = "pyme")] public string? Pyme { get; set; }
    [SupplyParameterFromQuery(Name = "local")] public string? Local { get; set; }
    [SupplyParameterFromQuery(Name = "modalidad")] public string? Modalidad { get; set; }
    [SupplyParameterFromQuery(Name = "desde")] public string? Desde { get; set; }
    [SupplyParameterFromQuery(Name = "hasta")] public string? Hasta { get; set; }
    [SupplyParameterFromQuery(Name = "orden")] public string? Orden { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public string? Page { get; set; }

    private MonitorFilter _filter = new();
    private FormModel _form = new();
    private IReadOnlyList<string> _warnings = [];
    private readonly ListaEnVivo<ResumenProveedor> _lista = new(r => r.Id);
    private IReadOnlyList<ResumenProveedor>? Filas => _lista.Filas;
    private IReadOnlyList<Alerta> _alertas = [];
    private int _page = 1;

    private int CurrentYear => ColombiaTime.Now(Time).Year;
    private IEnumerable<int> Years => Enumerable.Range(CurrentYear - 9, 10).Reverse();
    /// <summary>The page asked for in the URL, kept within the list as it is now (it may have shrunk live).</summary>
    private PageWindow Ventana => PageWindow.For(_page, PageSize, Filas?.Count ?? 0);

    protected override async Task OnParametersSetAsync()
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["mujer"] = Mujer, ["nuevo"] = Nuevo, ["pyme"] = Pyme, ["local"] = Local, ["modalidad"] = Modalidad,
            ["desde"] = Desde, ["hasta"] = Hasta, ["orden"] = Orden, ["page"] = Page,
        };
        var reader = QueryReader.From(query);
        _filter = MonitorFilter.Parse(reader, Modalidades, CurrentYear);
        _page = reader.PositiveInt("page", 1);
        _warnings = reader.Warnings;
        _form = FormModel.From(_filter);
        _lista.Mostrar(await LoadAsync());
    }

    private async Task CambioEnVivoAsync()
    {
        if (_lista.Recibir(await LoadAsync())) Aviso.Detalle(FilasNuevas.Aviso(_lista.Nuevas, "proveedor más", "proveedores más"));
    }

    private void MostrarEnEspera() => _lista.MostrarEnEspera();

    /// <summary>Reads the current data for the filter; the alerts are not a list being read and follow at once.</summary>
    private async Task<IReadOnlyList<ResumenProveedor>> LoadAsync()
    {
        var data = await Snapshot.GetAsync();
        _alertas = data.Alertas(_filter.Desde, _filter.Hasta, Options.Value);
        return MonitorQuery.Apply(data, _filter, Options.Value.AniosNuevo, Options.Value.Municipios);
    }

    private Task ApplyAsync()
    {
        Navigation.NavigateTo(Url(_form.ToFilter(_filter), 1));
        return Task.CompletedTask;
    }

    private IEnumerable<ResumenProveedor> PageRows => Filas?.Skip(Ventana.Skip).Take(PageSize) ?? [];

    private string AriaSort(string field) => Direction(field) switch
    {
        SortDirection.Ascending => "ascending", SortDirection.Descending => "descending", _ => "none",
    };

    private SortDirection Direction(string field) =>
        _filter.Orden.TrimStart('-') != field ? SortDirection.None : _filter.Orden.StartsWith('-') ? SortDirection.Descending : SortDirection.Ascending;

    /// <summary>A sort label was clicked: the order goes to the URL (first page), which reloads the rows in that order.</summary>
    private void SortAsync(string field, SortDirection direction)
    {
        var orden = direction == SortDirection.Ascending ? field : "-" + field;
        if (direction == SortDirection.None || orden == _filter.Orden) return;
        Navigation.NavigateTo(Url(_filter with { Orden = orden }, 1));
    }

    private string PageUrl(int page) => Url(_filter, page);

    private string Url(MonitorFilter f, int page)
    {
        var query = f.ToQuery(CurrentYear);
        if (page > 1) query = string.IsNullOrEmpty(query) ? $"page={page}" : $"{query}&page={page}";
        return string.IsNullOrEmpty(query) ? "/proveedores" : $"/proveedores?{query}";
    }

    private string ExportUrl(string format)
    {
        var query = _filter.ToQuery(CurrentYear);
        return $"/api/v1/monitor/proveedores?{(string.IsNullOrEmpty(query) ? "" : query + "&")}format={format}";
    }

    /// <summary>A supplier's profile over the same years as the list.</summary>
    private string ProfileUrl(string id)
    {
        var window = new MonitorFilter { Desde = _filter.Desde, Hasta = _filter.Hasta }.ToQuery(CurrentYear);
        return $"/proveedores/{Uri.EscapeDataString(id)}{(window.Length == 0 ? "" : "?" + window)}";
    }


    private sealed class FormModel
    {
        public string? Q { get; set; }
        public string? Mujer { get; set; }
        public bool Nuevo { get; set; }
        public bool Pyme { get; set; }
        public bool Local { get; set; }
        public string? Modalidad { get; set; }
        public int Desde { get; set; }
        public int Hasta { get; set; }

        public static FormModel From(MonitorFilter f) => new()
        {
            Q = f.Q, Mujer = f.Mujer, Nuevo = f.Nuevo, Pyme = f.Pyme, Local = f.Local, Modalidad = f.Modalidad, Desde = f.Desde, Hasta = f.Hasta,
        };

        public MonitorFilter ToFilter(MonitorFilter current) => current with
        {
            Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), Mujer = string.IsNullOrEmpty(Mujer) ? null : Mujer, Nuevo = Nuevo, Pyme = Pyme,
            Local = Local, Modalidad = string.IsNullOrEmpty(Modalidad) ? null : Modalidad, Desde = Math.Min(Desde, Hasta), Hasta = Math.Max(Desde, Hasta),
        };
    }
}
