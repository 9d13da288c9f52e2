using Microsoft.AspNetCore.Components;
using MudBlazor;
using OpenLicitaciones.Features.Shared.Listing;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Admin;

public sealed partial class SincronizacionCuarentenaPage
{
    public const int TamanoPagina = 25;
    public const string CsvRuta = "/admin/sincronizacion/cuarentena.csv";

    [Inject] private CuarentenaConsulta Consulta { get; set; } = null!;
    [Inject] private CuarentenaReintento Reintento { get; set; } = null!;
    [Inject] private PersonalActual Personal { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "conjunto")] public string? Conjunto { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public string? Page { get; set; }

    private FiltroCuarentena _filtro = new();
    private Formulario _form = new();
    private IReadOnlyList<string> _avisos = [];
    private IReadOnlyList<FilaCuarentena>? _filas;
    private IReadOnlyDictionary<string, int> _porConjunto = new Dictionary<string, int>();
    private readonly HashSet<long> _abiertas = [];
    private int _total;
    private int _pagina = 1;
    private int _paginas = 1;
    private bool _reintentando;

    private string ExportUrl => _filtro.ToQuery() is { Length: > 0 } query ? $"{CsvRuta}?{query}" : CsvRuta;

    protected override async Task OnParametersSetAsync()
    {
        var lector = QueryReader.From(new Dictionary<string, string?> { ["conjunto"] = Conjunto, ["q"] = Q, ["page"] = Page });
        _filtro = FiltroCuarentena.Parse(lector);
        _pagina = lector.PositiveInt("page", 1);
        _avisos = lector.Warnings;
        _form = new Formulario { Conjunto = _filtro.Conjunto, Texto = _filtro.Texto };
        _cambioEnVivo = false;
        await CargarAsync();
    }

    // A live change re-reads the list without announcing its count: the status line says it once (issue 13).
    private bool _cambioEnVivo;

    private async Task CambioEnVivoAsync()
    {
        _cambioEnVivo = true;
        await CargarAsync();
    }

    private async Task CargarAsync()
    {
        _porConjunto = await Consulta.PorConjuntoAsync();
        var (total, filas) = await Consulta.PaginaAsync(_filtro, (_pagina - 1) * TamanoPagina, TamanoPagina);
        var ventana = PageWindow.For(_pagina, TamanoPagina, total);
        if (ventana.Page != _pagina && total > 0)
        {
            // A page past the end (rows left the quarantine meanwhile): show the last one.
            _pagina = ventana.Page;
            (total, filas) = await Consulta.PaginaAsync(_filtro, ventana.Skip, TamanoPagina);
        }
        (_total, _filas, _paginas) = (total, filas, ventana.PageCount);
    }

    private Task AplicarAsync()
    {
        var filtro = new FiltroCuarentena
        {
            Conjunto = string.IsNullOrEmpty(_form.Conjunto) ? null : _form.Conjunto,
            Texto = string.IsNullOrWhiteSpace(_form.Texto) ? null : _form.Texto.Trim(),
        };
        Navigation.NavigateTo(Url(filtro, 1));
        return Task.CompletedTask;
    }

    private string Url(int pagina) => Url(_filtro, pagina);

    private static string Url(FiltroCuarentena filtro, int pagina)
    {
        var query = filtro.ToQuery();
        if (pagina > 1) query = query.Length == 0 ? $"page={pagina}" : $"{query}&page={pagina}";
        return query.Length == 0 ? SincronizacionPage.CuarentenaRuta : $"{SincronizacionPage.CuarentenaRuta}?{query}";
    }

    private void Alternar(long id)
    {
        if (!_abiertas.Remove(id)) _abiertas.Add(id);
    }

    private Task ReintentarAsync(FilaCuarentena fila) => ConReintentoAsync(actor => Reintento.ReintentarAsync(actor, [fila.Id]));

    private Task ReintentarTodasAsync() => ConReintentoAsync(actor => Reintento.ReintentarFiltroAsync(actor, _filtro));

    private async Task ConReintentoAsync(Func<Actor, Task<ResultadoReintento>> reintentar)
    {
        _reintentando = true;
        try
        {
            var actor = await Personal.ExigirAsync(Politicas.Administracion);
            var resultado = await reintentar(actor);
            Snackbar.Add(resultado.Resumen(), resultado.SiguenFallando > 0 ? Severity.Warning : Severity.Success);
            await CargarAsync();
        }
        catch (SinPermisoException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        finally
        {
            _reintentando = false;
        }
    }

    private static string Nombre(string id) => SecopDatasets.Find(id)?.Nombre ?? id;

    private sealed class Formulario
    {
        public string? Conjunto { get; set; }
        public string? Texto { get; set; }
    }
}
