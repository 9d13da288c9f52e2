using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Components;
using OpenLicitaciones.Components.Listing;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Indicadores;
using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Kiosco;

/// <summary>
/// The public kiosk (issue 13): an attract loop of slides until someone touches the screen, then on-screen choices to find
/// opportunities, and after <see cref="KioscoOptions.SegundosInactividad"/> without a touch everything is forgotten.
/// The server owns the state and one timer per circuit paces it: the next slide while rotating, the idle deadline otherwise.
/// </summary>
public sealed partial class KioscoPage
{
    public const int PorPagina = 10;

    private static readonly Diapositiva[] Vistas = [Diapositiva.Oportunidades, Diapositiva.Indicadores, Diapositiva.Mapa];

    [Inject] private BancoSnapshot Banco { get; set; } = null!;
    [Inject] private IndicadoresSnapshot IndicadoresDatos { get; set; } = null!;
    [Inject] private CapacidadSnapshot Capacidad { get; set; } = null!;
    [Inject] private UnspscFamilias Familias { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private IOptions<KioscoOptions> Opciones { get; set; } = null!;
    [Inject] private IOptions<EntitiesOptions> Entidades { get; set; } = null!;

    // What the data says, reloaded on every data change.
    private bool _cargado;
    private DateTime _ahora;
    private IReadOnlyList<Oportunidad> _todas = [];
    private int _anio;
    private IReadOnlyList<TarjetaKiosco> _indicadores = [];
    private IReadOnlyList<OportunidadActual> _recientes = [];
    private IReadOnlyList<ProductorVista> _productores = [];
    private IReadOnlyList<string> _familias = [];
    private IReadOnlyList<int> _meses = [];
    private IReadOnlyList<Diapositiva> _diapositivas = [Diapositiva.Indicadores];

    // The carousel.
    private int _actual;
    private bool _enFoco;
    private bool _detenido;

    // What a visitor chose: all of it is forgotten when the kiosk goes back to the loop.
    private bool _explorando;
    private Diapositiva _vista = Diapositiva.Oportunidades;
    private FiltroKiosco _filtro = FiltroKiosco.Ninguno;
    // What a visitor reads does not move under their finger: new rows wait for «mostrar» (ListaEstable).
    private readonly ListaEnVivo<OportunidadActual> _lista = new(r => r.Oportunidad.Id);
    private IReadOnlyList<OportunidadActual> Resultados => _lista.Filas ?? [];
    private int _mostrados = PorPagina;
    private string? _abierta;
    private int _sesion;

    // The one timer of this circuit; a callback from an older arming finds another turn and does nothing.
    private ITimer? _reloj;
    private int _turno;
    private bool _interactivo;
    private bool _terminado;

    private bool Rotando => !_explorando && !_enFoco && !_detenido && _diapositivas.Count > 1;

    private string Conteo => Resultados.Count switch
    {
        0 => "Ninguna oportunidad",
        1 => "1 oportunidad",
        var n => $"{n.ToString("N0", Format.Colombia)} oportunidades",
    };

    protected override Task OnInitializedAsync() => CargarAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        // Only a live circuit paces itself (prerendering never gets here), from the first render that has the slides.
        if (_interactivo || !_cargado) return;
        _interactivo = true;
        Programar();
    }

    private Task CambioEnVivoAsync() => CargarAsync(enVivo: true);

    private async Task CargarAsync() => await CargarAsync(enVivo: false);

    private async Task CargarAsync(bool enVivo)
    {
        _ahora = ColombiaTime.Now(Time);
        _todas = await Banco.GetAsync();
        var indicadores = await IndicadoresDatos.GetAsync();
        _productores = (await Capacidad.GetAsync()).Productores;

        _anio = KioscoSeleccion.AnioIndicadores(indicadores.Resultados(trimestral: false), _ahora.Year);
        _indicadores = KioscoSeleccion.Indicadores.Select(c => new TarjetaKiosco(c, indicadores.Resultado(c, new Periodo(_anio)))).ToList();
        _recientes = KioscoSeleccion.Recientes(_todas, _ahora, KioscoSeleccion.OportunidadesEnCarrusel);
        _familias = KioscoSeleccion.Familias(FiltroKiosco.Ninguno.Aplicar(_todas, _ahora), KioscoSeleccion.FamiliasOfrecidas);
        _meses = KioscoSeleccion.Meses(_ahora);
        _diapositivas = KioscoSeleccion.Diapositivas(_recientes.Count, _productores.Count(p => p.Ubicado));
        if (_actual >= _diapositivas.Count) _actual = 0;
        var resultados = _filtro.Aplicar(_todas, _ahora);
        if (enVivo && _explorando) _lista.Recibir(resultados);
        else _lista.Mostrar(resultados);
        _cargado = true;
        // The slides may have changed in number; a visitor's idle countdown is theirs and is left alone.
        if (!_explorando) Programar();
    }

    /// <summary>Arms the timer for what comes next: the next slide while rotating, otherwise the idle deadline.</summary>
    private void Programar()
    {
        if (!_interactivo || _terminado) return;
        var turno = ++_turno;
        var segundos = Rotando ? Opciones.Value.SegundosPorDiapositiva : Opciones.Value.SegundosInactividad;
        _reloj?.Dispose();
        _reloj = Time.CreateTimer(_ => _ = InvokeAsync(() => VencioAsync(turno)), null, TimeSpan.FromSeconds(segundos), Timeout.InfiniteTimeSpan);
    }

    private async Task VencioAsync(int turno)
    {
        if (_terminado || turno != _turno) return;
        try
        {
            if (Rotando)
            {
                _actual = KioscoSeleccion.Siguiente(_actual, _diapositivas.Count);
                Programar();
                StateHasChanged();
            }
            else
            {
                await VolverAlInicioAsync();
                StateHasChanged();
            }
        }
        catch (Exception e)
        {
            await DispatchExceptionAsync(e);
        }
    }

    /// <summary>Any touch on the screen: the first opens the explore screen, each one restarts the idle countdown.</summary>
    private void Toque()
    {
        if (!_explorando) Explorar();
        else Programar();
    }

    private void Explorar()
    {
        if (!_explorando)
        {
            _explorando = true;
            _sesion++;
        }
        Programar();
    }

    /// <summary>Back to the attract loop with nothing of the last visitor: choices, open card, list position (a new explore element).</summary>
    private async Task VolverAlInicioAsync()
    {
        (_explorando, _vista, _filtro, _abierta, _mostrados) = (false, Diapositiva.Oportunidades, FiltroKiosco.Ninguno, null, PorPagina);
        (_actual, _enFoco, _detenido) = (0, false, false);
        _sesion++;
        await CargarAsync(); // fresh figures for the next visitor; it arms the carousel again
    }

    private void IrA(int indice)
    {
        _actual = indice;
        _detenido = true;
        Programar();
    }

    private void AlternarPausa()
    {
        _detenido = !_detenido;
        Programar();
    }

    private void EnfocarCarrusel()
    {
        _enFoco = true;
        Programar();
    }

    private void DesenfocarCarrusel()
    {
        _enFoco = false;
        Programar();
    }

    private void Ver(Diapositiva vista)
    {
        _vista = vista;
        Programar();
    }

    private void Filtrar(FiltroKiosco filtro)
    {
        (_filtro, _abierta, _mostrados) = (filtro, null, PorPagina);
        _ahora = ColombiaTime.Now(Time);
        _lista.Mostrar(filtro.Aplicar(_todas, _ahora));
        Programar();
    }

    private void Abrir(string id)
    {
        _abierta = _abierta == id ? null : id;
        Programar();
    }

    private void MostrarEnEspera()
    {
        _lista.MostrarEnEspera();
        Programar();
    }

    private void MostrarMas()
    {
        _mostrados += PorPagina;
        Programar();
    }

    private string Titulo(Diapositiva d) => d switch
    {
        Diapositiva.Indicadores => $"Cifras de {_anio}",
        Diapositiva.Oportunidades => "Convocatorias abiertas ahora",
        _ => "Productores locales en el mapa",
    };

    private static string NombreVista(Diapositiva d) => d switch
    {
        Diapositiva.Indicadores => "Cifras",
        Diapositiva.Oportunidades => "Oportunidades",
        _ => "Mapa de productores",
    };

    private static string Clave(Diapositiva d) => d switch
    {
        Diapositiva.Indicadores => "indicadores",
        Diapositiva.Oportunidades => "oportunidades",
        _ => "mapa",
    };

    private static string NombreMes(int clave) =>
        CultureInfo.GetCultureInfo("es-CO").DateTimeFormat.GetMonthName(clave % 100) is { } nombre ? char.ToUpperInvariant(nombre[0]) + nombre[1..] : "";

    public void Dispose()
    {
        _terminado = true;
        _reloj?.Dispose();
    }
}
