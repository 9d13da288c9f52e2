using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace OpenLicitaciones.Features.Productores;

/// <summary>
/// The configured municipality as an SVG map rendered on the server: its boundary, its DANE centros poblados and the
/// markers given. Zoom and pan change the SVG's viewBox here; gestures (drag, wheel, pinch) come from mapa.js.
/// </summary>
public sealed partial class MapaMunicipio
{
    private const double Paso = 2;              // each zoom button halves or doubles the view
    private const double Desplazamiento = 0.25; // each arrow moves a quarter of the view
    private const double ZoomEtiquetas = 4;     // closer than this, every place is named on the map
    private const double Tolerancia = 0.01;

    [Inject] private Geografia Geografia { get; set; } = null!;
    [Inject] private IJSRuntime Js { get; set; } = null!;

    /// <summary>What to place on the map, each with its own <see cref="MarcadorMapa.Id"/>; markers outside the current view are not drawn.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<MarcadorMapa> Marcadores { get; set; } = [];

    /// <summary>The marker shown as selected (aria-pressed), if any.</summary>
    [Parameter] public string? SeleccionadoId { get; set; }

    /// <summary>Raised with a marker's id when it is clicked, tapped, or activated with Enter or Space.</summary>
    [Parameter] public EventCallback<string> OnSeleccionar { get; set; }

    /// <summary>
    /// When set, a click or tap on the map (not on a marker, not ending a drag) is raised with the point under it, e.g. to
    /// place an association. Without it the map only shows.
    /// </summary>
    [Parameter] public EventCallback<PuntoMapa> OnMarcarPunto { get; set; }

    /// <summary>
    /// A picture only, e.g. on the kiosk's carousel: no zoom or pan controls, no gestures, markers that cannot be selected
    /// (nothing on it takes focus or a touch).
    /// </summary>
    [Parameter] public bool SoloLectura { get; set; }

    /// <summary>What the markers' colours mean, shown under the map after the places' own entries.</summary>
    [Parameter] public IReadOnlyList<EntradaLeyenda> Leyenda { get; set; } = [];

    private readonly string _ayudaId = $"mapa-ayuda-{Guid.NewGuid():N}";
    private ElementReference _lienzo;
    private VistaMapa _completa = null!;
    private VistaMapa _vista = null!;
    private string _trazado = "";
    private IReadOnlyList<(CentroPoblado Centro, double X, double Y)> _lugares = [];
    private IReadOnlyList<(MarcadorMapa Marcador, double X, double Y)> _marcadores = [];
    private DotNetObjectReference<MapaMunicipio>? _referencia;
    private IJSObjectReference? _modulo;
    private IJSObjectReference? _gestos;

    private bool EsCompleta => _vista.Zoom(_completa) <= 1 + Tolerancia;

    private string AspectRatio => string.Create(CultureInfo.InvariantCulture, $"aspect-ratio: {_completa.Ancho:0.##} / {_completa.Alto:0.##}")
        + (OnMarcarPunto.HasDelegate ? "; cursor: crosshair" : "");

    protected override void OnInitialized()
    {
        var proyeccion = Geografia.Proyeccion;
        _completa = _vista = VistaMapa.Completa(proyeccion);
        _trazado = proyeccion.Trazado(Geografia.Limite);
        _lugares = Geografia.CentrosPoblados.Select(c =>
        {
            var (x, y) = proyeccion.Proyectar(c.Latitud, c.Longitud);
            return (c, x, y);
        }).ToList();
    }

    protected override void OnParametersSet() => _marcadores = Marcadores.Select(m =>
    {
        var (x, y) = Geografia.Proyeccion.Proyectar(m.Latitud, m.Longitud);
        return (m, x, y);
    }).ToList();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || SoloLectura) return;
        // Gestures are an extra: without JavaScript (prerendering, tests, a blocked script) the buttons and keys still work.
        try
        {
            _modulo = await Js.InvokeAsync<IJSObjectReference?>("import", $"./{Assets["mapa.js"]}");
            if (_modulo is null) return;
            _referencia = DotNetObjectReference.Create(this);
            _gestos = await _modulo.InvokeAsync<IJSObjectReference?>("iniciar", _lienzo, _referencia);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// A gesture ended: zoom by <paramref name="factor"/> around the SVG point (cx, cy), then move the view by (dx, dy)
    /// SVG units. Called by mapa.js; nonsense values are ignored.
    /// </summary>
    [JSInvokable]
    public Task Gesto(double factor, double cx, double cy, double dx, double dy) =>
        InvokeAsync(() => Mover(Math.Clamp(double.IsFinite(factor) ? factor : 1, 0.1, 10), cx, cy, dx, dy));

    /// <summary>A click on the map at the SVG point (x, y), reported by mapa.js when <see cref="OnMarcarPunto"/> is set; nonsense is ignored.</summary>
    [JSInvokable]
    public Task MarcarPunto(double x, double y)
    {
        if (!OnMarcarPunto.HasDelegate || !double.IsFinite(x) || !double.IsFinite(y)) return Task.CompletedTask;
        var (latitud, longitud) = Geografia.Proyeccion.Desproyectar(x, y);
        return InvokeAsync(() => OnMarcarPunto.InvokeAsync(new PuntoMapa(latitud, longitud)));
    }

    private void Mover(double factor = 1, double cx = double.NaN, double cy = double.NaN, double dx = 0, double dy = 0)
    {
        _vista = _vista.Mover(_completa, factor, cx, cy, dx, dy);
        StateHasChanged();
    }

    private void VerTodo() => _vista = _completa;

    private bool EnVista(double x, double y, out string izquierda, out string arriba)
    {
        var (i, a) = _vista.Porcentaje(x, y);
        (izquierda, arriba) = (Porcentaje(i), Porcentaje(a));
        return i is >= 0 and <= 100 && a is >= 0 and <= 100;
    }

    private static string Porcentaje(double valor) => valor.ToString("0.###", CultureInfo.InvariantCulture) + "%";

    private void TeclaMapa(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "ArrowLeft": Mover(dx: -_vista.Ancho * Desplazamiento); break;
            case "ArrowRight": Mover(dx: _vista.Ancho * Desplazamiento); break;
            case "ArrowUp": Mover(dy: -_vista.Alto * Desplazamiento); break;
            case "ArrowDown": Mover(dy: _vista.Alto * Desplazamiento); break;
            case "+" or "=": Mover(factor: Paso); break;
            case "-" or "_": Mover(factor: 1 / Paso); break;
            case "0" or "Home": VerTodo(); break;
        }
    }

    private Task TeclaMarcadorAsync(KeyboardEventArgs e, string id) =>
        e.Key is "Enter" or " " || e.Code == "Space" ? SeleccionarAsync(id) : Task.CompletedTask;

    private Task SeleccionarAsync(string id) => OnSeleccionar.InvokeAsync(id);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_gestos is not null)
            {
                await _gestos.InvokeVoidAsync("dispose");
                await _gestos.DisposeAsync();
            }
            if (_modulo is not null) await _modulo.DisposeAsync();
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or OperationCanceledException)
        {
            // The circuit is gone, and the page's listeners with it.
        }
        _referencia?.Dispose();
    }
}
