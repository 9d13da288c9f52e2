using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using OpenLicitaciones.Components;
using OpenLicitaciones.Components.Listing;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Banco;

public sealed partial class BancoPage
{
    public const int PageSize = 25;
    private const string LastVisitKey = "ol-banco-ultima-visita";

    [Inject] private BancoSnapshot Snapshot { get; set; } = null!;
    [Inject] private Modalidades Modalidades { get; set; } = null!;
    [Inject] private UnspscFamilias Familias { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private IJSRuntime Js { get; set; } = null!;
    [Inject] private AvisoEnVivo Aviso { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "familia")] public string? Familia { get; set; }
    [SupplyParameterFromQuery(Name = "pae")] public string? Pae { get; set; }
    [SupplyParameterFromQuery(Name = "mesDesde")] public string? MesDesde { get; set; }
    [SupplyParameterFromQuery(Name = "mesHasta")] public string? MesHasta { get; set; }
    [SupplyParameterFromQuery(Name = "valorMin")] public string? ValorMin { get; set; }
    [SupplyParameterFromQuery(Name = "valorMax")] public string? ValorMax { get; set; }
    [SupplyParameterFromQuery(Name = "modalidad")] public string? Modalidad { get; set; }
    [SupplyParameterFromQuery(Name = "estado")] public string? Estado { get; set; }
    [SupplyParameterFromQuery(Name = "accesible")] public string? Accesible { get; set; }
    [SupplyParameterFromQuery(Name = "unidad")] public string? Unidad { get; set; }
    [SupplyParameterFromQuery(Name = "orden")] public string? Orden { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public string? Page { get; set; }

    private BancoFilter _filter = new();
    private FormModel _form = new();
    private IReadOnlyList<string> _warnings = [];
    private readonly ListaEnVivo<OportunidadActual> _lista = new(r => r.Oportunidad.Id);
    private IReadOnlyList<OportunidadActual>? Filas => _lista.Filas;
    private static readonly IReadOnlyList<(string Value, string Label)> Estados =
        BancoStatus.Orden.Select(e => (BancoStatus.Slug(e), BancoStatus.Label(e))).ToList();
    private static readonly IReadOnlyList<(string Value, string Label)> Ordenes =
    [
        ("mes", "Mes esperado (más próximo primero)"), ("-mes", "Mes esperado (más lejano primero)"),
        ("-valor", "Valor (mayor primero)"), ("valor", "Valor (menor primero)"),
        ("estado", "Estado (planeado primero)"), ("-estado", "Estado (contratado primero)"),
    ];

    private IReadOnlyList<(string Value, string Label)> _families = [];
    private IReadOnlyList<(string Value, string Label)> _modalidades = [];
    private IReadOnlyList<(string Value, string Label)> _units = [];
    private DateTime? _lastVisit;
    private int _page = 1;

    private bool _moreFilters;

    /// <summary>How many secondary filters are in use: they stay folded (short on a phone) unless one is.</summary>
    private int ActiveMoreFilters => new object?[] { _filter.MesDesde, _filter.MesHasta, _filter.ValorMin, _filter.ValorMax, _filter.Modalidad, _filter.Estado, _filter.Unidad }
        .Count(v => v is not null);

    private void ToggleMoreFilters() => _moreFilters = !_moreFilters;

    /// <summary>The page asked for in the URL, kept within the list as it is now (it may have shrunk live).</summary>
    private PageWindow Ventana => PageWindow.For(_page, PageSize, Filas?.Count ?? 0);

    protected override async Task OnParametersSetAsync()
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["familia"] = Familia, ["pae"] = Pae, ["mesDesde"] = MesDesde, ["mesHasta"] = MesHasta, ["valorMin"] = ValorMin,
            ["valorMax"] = ValorMax, ["modalidad"] = Modalidad, ["estado"] = Estado, ["accesible"] = Accesible, ["unidad"] = Unidad, ["orden"] = Orden,
            ["page"] = Page,
        };
        var reader = QueryReader.From(query);
        _filter = BancoFilter.Parse(reader, Modalidades);
        _page = reader.PositiveInt("page", 1);
        _warnings = reader.Warnings;
        _form = FormModel.From(_filter);
        _moreFilters = ActiveMoreFilters > 0;
        _lista.Mostrar(await LoadAsync());
    }

    private async Task CambioEnVivoAsync()
    {
        if (_lista.Recibir(await LoadAsync())) Aviso.Detalle(FilasNuevas.Aviso(_lista.Nuevas, "oportunidad nueva", "oportunidades nuevas"));
    }

    private void MostrarEnEspera() => _lista.MostrarEnEspera();

    /// <summary>Reads the current data for the filter, and the choices the filter form offers.</summary>
    private async Task<IReadOnlyList<OportunidadActual>> LoadAsync()
    {
        var all = await Snapshot.GetAsync();
        _families = all.SelectMany(o => o.Codigos).Select(c => c[..4]).Distinct()
            .Select(f => (f, $"{Familias.Describe(f + "0000")} ({f})")).OrderBy(f => f.Item2, StringComparer.Create(CultureInfo.GetCultureInfo("es-CO"), true)).ToList();
        _units = all.Select(o => o.Unidad).OfType<string>().Distinct().Order(StringComparer.Create(CultureInfo.GetCultureInfo("es-CO"), true))
            .Select(u => (u, u)).ToList();
        _modalidades = Modalidades.All.Select(m => (m.Code, m.Label)).ToList();
        return BancoQuery.Apply(all, _filter, ColombiaTime.Now(Time));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        // "Nueva para usted": lines first seen after this browser's previous visit (kept only in the browser).
        var stored = await Js.InvokeAsync<string?>("localStorage.getItem", LastVisitKey);
        await Js.InvokeVoidAsync("localStorage.setItem", LastVisitKey, Time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        if (DateTime.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var lastVisit))
        {
            _lastVisit = lastVisit;
            StateHasChanged();
        }
    }

    private bool IsNewForViewer(Oportunidad o) =>
        o.Nueva || _lista.RecienLlegadas.Contains(o.Id) || (_lastVisit is { } visit && o.PrimeraVez is { } first && first > visit);

    private Task ApplyAsync()
    {
        var reader = new QueryReader(_form.Get);
        var filter = BancoFilter.Parse(reader, Modalidades);
        _warnings = reader.Warnings;
        Navigation.NavigateTo(Url(filter, page: 1));
        return Task.CompletedTask;
    }

    private string PageUrl(int page) => Url(_filter, page);

    private static string Url(BancoFilter filter, int page)
    {
        var query = filter.ToQuery();
        if (page > 1) query = string.IsNullOrEmpty(query) ? $"page={page}" : $"{query}&page={page}";
        return string.IsNullOrEmpty(query) ? "/licitaciones" : $"/licitaciones?{query}";
    }

    private string ExportUrl(string format)
    {
        var query = _filter.ToQuery();
        return $"/api/v1/licitaciones?{(string.IsNullOrEmpty(query) ? "" : query + "&")}format={format}";
    }


    /// <summary>What the filter form holds while a visitor edits it; applied to the URL on change or submit.</summary>
    private sealed class FormModel
    {
        public string? Q { get; set; }
        public string? Familia { get; set; }
        public string? MesDesde { get; set; }
        public string? MesHasta { get; set; }
        public long? ValorMin { get; set; }
        public long? ValorMax { get; set; }
        public string? Modalidad { get; set; }
        public string? Estado { get; set; }
        public string? Unidad { get; set; }
        public bool Pae { get; set; }
        public bool Accesible { get; set; }
        public string? Orden { get; set; } = "mes";

        public static FormModel From(BancoFilter f) => new()
        {
            Q = f.Q, Familia = f.Familia, MesDesde = FromKey(f.MesDesde), MesHasta = FromKey(f.MesHasta), ValorMin = f.ValorMin,
            ValorMax = f.ValorMax, Modalidad = f.Modalidad, Estado = f.Estado is { } e ? BancoStatus.Slug(e) : null, Unidad = f.Unidad,
            Pae = f.Pae, Accesible = f.Accesible, Orden = f.Orden,
        };

        private static string? FromKey(int? key) => key is { } k ? $"{k / 100:D4}-{k % 100:D2}" : null;

        public string? Get(string name) => name switch
        {
            "q" => Q, "familia" => Familia, "mesDesde" => NullIfEmpty(MesDesde), "mesHasta" => NullIfEmpty(MesHasta),
            "valorMin" => ValorMin?.ToString(CultureInfo.InvariantCulture), "valorMax" => ValorMax?.ToString(CultureInfo.InvariantCulture),
            "modalidad" => Modalidad, "estado" => Estado, "unidad" => Unidad, "pae" => Pae ? "true" : null,
            "accesible" => Accesible ? "true" : null, "orden" => Orden, _ => null,
        };

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
