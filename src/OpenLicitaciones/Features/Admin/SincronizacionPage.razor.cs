using Microsoft.AspNetCore.Components;
using MudBlazor;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Admin;

public sealed partial class SincronizacionPage
{
    public const string CuarentenaRuta = "/admin/sincronizacion/cuarentena";

    /// <summary>Runs shown per dataset.</summary>
    public const int Corridas = 5;

    [Inject] private SyncStatusQuery Estado { get; set; } = null!;
    [Inject] private CuarentenaConsulta Cuarentena { get; set; } = null!;
    [Inject] private ColaSincronizacion Cola { get; set; } = null!;
    [Inject] private PersonalActual Personal { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    private IReadOnlyList<DatasetStatus>? _corridas;
    private IReadOnlyDictionary<string, int> _cuarentena = new Dictionary<string, int>();
    private EstadoCola _cola = EstadoCola.Vacia;
    private bool _pidiendo;

    protected override async Task OnInitializedAsync()
    {
        _cola = Cola.Estado;
        Cola.Cambio += AlCambiarCola;
        await CargarAsync();
    }

    private async Task CargarAsync()
    {
        _corridas = await Estado.RecentRunsAsync(Corridas);
        _cuarentena = await Cuarentena.PorConjuntoAsync();
    }

    /// <summary>Called from the queue's thread: the work runs on this circuit's dispatcher, a failure goes to the error boundary.</summary>
    private void AlCambiarCola() => _ = InvokeAsync(async () =>
    {
        try
        {
            var antes = _cola.EnCurso;
            _cola = Cola.Estado;
            // A run started or ended: its record changed (the progress in between only moves the counter).
            if (antes != _cola.EnCurso) await CargarAsync();
            StateHasChanged();
        }
        catch (Exception e)
        {
            await DispatchExceptionAsync(e);
        }
    });

    private async Task PedirAsync(SecopDataset dataset)
    {
        _pidiendo = true;
        try
        {
            var actor = await Personal.ExigirAsync(Politicas.Administracion);
            var pedido = await Cola.PedirAsync(actor, dataset);
            _cola = Cola.Estado;
            Snackbar.Add(pedido switch
            {
                PedidoSincronizacion.Encolado => $"{dataset.Nombre}: en cola para sincronizar.",
                PedidoSincronizacion.YaEnCurso => $"{dataset.Nombre} ya se está sincronizando; no se pidió otra vez.",
                _ => $"{dataset.Nombre} ya estaba en la cola; no se pidió otra vez.",
            }, pedido == PedidoSincronizacion.Encolado ? Severity.Success : Severity.Info);
        }
        catch (SinPermisoException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        finally
        {
            _pidiendo = false;
        }
    }

    private string Nombre(string id) => SecopDatasets.Find(id)?.Nombre ?? id;

    private string Boton(string id, IReadOnlyList<DatasetStatus> corridas) => _cola.Pendiente(id) switch
    {
        PedidoSincronizacion.YaEnCurso => "Sincronizando…",
        PedidoSincronizacion.YaEnCola => $"En cola (puesto {_cola.Posicion(id)})",
        _ when EnCursoFuera(corridas) => "En curso en otro proceso",
        _ => "Sincronizar ahora",
    };

    /// <summary>The newest run is open and alive but not this queue's: a scheduled run or the command line holds the dataset.</summary>
    private bool EnCursoFuera(IReadOnlyList<DatasetStatus> corridas) =>
        corridas is [{ FinishedAt: null, Error: null } ultima, ..] && _cola.EnCurso != ultima.Dataset;

    private string Duracion(DatasetStatus corrida)
    {
        var duracion = (corrida.FinishedAt ?? Time.GetUtcNow().UtcDateTime) - corrida.StartedAt;
        return TextoDuracion(duracion);
    }

    /// <summary>"menos de 1 s", "42 s", "3 min 05 s", "1 h 02 min".</summary>
    public static string TextoDuracion(TimeSpan duracion) => duracion switch
    {
        { TotalSeconds: < 1 } => "menos de 1 s",
        { TotalMinutes: < 1 } => $"{(int)duracion.TotalSeconds} s",
        { TotalHours: < 1 } => $"{(int)duracion.TotalMinutes} min {duracion.Seconds:00} s",
        _ => $"{(int)duracion.TotalHours} h {duracion.Minutes:00} min",
    };

    public void Dispose() => Cola.Cambio -= AlCambiarCola;
}
