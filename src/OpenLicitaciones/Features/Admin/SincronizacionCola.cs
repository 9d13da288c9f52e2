using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Admin;

/// <summary>What became of a request to sync a dataset now.</summary>
public enum PedidoSincronizacion
{
    Encolado,
    /// <summary>It was already waiting: it is not queued twice.</summary>
    YaEnCola,
    /// <summary>It is running now: it is not queued again.</summary>
    YaEnCurso,
}

/// <summary>
/// The queue as the page shows it: the dataset running and its rows read so far, those waiting in order, and how the
/// last run of each dataset through this queue ended.
/// </summary>
public sealed record EstadoCola(string? EnCurso, int FilasLeidas, IReadOnlyList<string> EnEspera, IReadOnlyDictionary<string, SyncResult> Ultimos)
{
    public static readonly EstadoCola Vacia = new(null, 0, [], new Dictionary<string, SyncResult>());

    public PedidoSincronizacion? Pendiente(string dataset) =>
        EnCurso == dataset ? PedidoSincronizacion.YaEnCurso : EnEspera.Contains(dataset) ? PedidoSincronizacion.YaEnCola : null;

    /// <summary>1 for the next to run.</summary>
    public int Posicion(string dataset) => EnEspera.ToList().IndexOf(dataset) + 1;
}

/// <summary>
/// "Sincronizar ahora": admins' requests wait in a channel and run one at a time, each through the plain
/// <see cref="SecopSync"/> (which takes the cross-process lease, so a scheduled or CLI run of the same dataset is never
/// doubled). Pages follow <see cref="Cambio"/>; the finished run's "data changed" comes from the SyncRunWatcher.
/// </summary>
public sealed class ColaSincronizacion(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time,
    ILogger<ColaSincronizacion> log) : BackgroundService
{
    private readonly Channel<SecopDataset> _canal = Channel.CreateUnbounded<SecopDataset>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private EstadoCola _estado = EstadoCola.Vacia;

    /// <summary>
    /// Raised on the thread pool, one task per subscriber, whenever <see cref="Estado"/> changes (queued, started, rows
    /// read, finished): a slow page never holds up the sync or another page. Subscribers read <see cref="Estado"/>.
    /// </summary>
    public event Action? Cambio;

    public EstadoCola Estado
    {
        get
        {
            lock (_gate) return _estado;
        }
    }

    /// <summary>
    /// Queues <paramref name="dataset"/> unless it is waiting or running, with an audit entry in the name of
    /// <paramref name="actor"/> (whom the caller has just re-checked as an admin).
    /// </summary>
    public async Task<PedidoSincronizacion> PedirAsync(Actor actor, SecopDataset dataset, CancellationToken ct = default)
    {
        // Reserved before the audit entry is written, so that two admins clicking at once queue it (and log it) once.
        lock (_gate)
        {
            if (_estado.Pendiente(dataset.Id) is { } ya) return ya;
            _estado = _estado with { EnEspera = [.. _estado.EnEspera, dataset.Id] };
        }
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            Auditoria.Registrar(db, actor.Email, "sincronizar", Auditoria.Sincronizacion, dataset.Id, null, new { Conjunto = dataset.Nombre },
                time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            Cambiar(e => e with { EnEspera = e.EnEspera.Where(d => d != dataset.Id).ToList() });
            throw;
        }
        _canal.Writer.TryWrite(dataset);
        Avisar();
        return PedidoSincronizacion.Encolado;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var dataset in _canal.Reader.ReadAllAsync(stoppingToken))
            {
                Cambiar(e => e with { EnCurso = dataset.Id, FilasLeidas = 0, EnEspera = e.EnEspera.Where(d => d != dataset.Id).ToList() });
                var resultado = await EjecutarAsync(dataset, stoppingToken);
                Cambiar(e => e with
                {
                    EnCurso = null, FilasLeidas = 0, Ultimos = new Dictionary<string, SyncResult>(e.Ultimos) { [dataset.Id] = resultado },
                });
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: the running sync was recorded as cancelled and resumes from its checkpoint; the waiting ones are dropped.
        }
    }

    private async Task<SyncResult> EjecutarAsync(SecopDataset dataset, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var sync = scope.ServiceProvider.GetRequiredService<SecopSync>();
            return await sync.RunAsync(dataset, new Progreso(this), stoppingToken); // it logs its own outcome
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // SecopSync records its own failures; this is one it could not record (the scope, the source's set-up): the queue goes on.
            log.LogError(e, "{Dataset}: la sincronización pedida desde el área de la Secretaría no pudo empezar", dataset.Id);
            return new SyncResult(dataset.Id, "", 0, 0, 0, $"No se pudo empezar: {e.Message}");
        }
    }

    private void Cambiar(Func<EstadoCola, EstadoCola> cambio)
    {
        lock (_gate) _estado = cambio(_estado);
        Avisar();
    }

    private void Avisar()
    {
        if (Cambio is not { } handlers) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Action>())
            _ = Task.Run(() =>
            {
                try
                {
                    handler();
                }
                catch (Exception e)
                {
                    log.LogWarning(e, "Una página no pudo recibir el estado de la cola de sincronización");
                }
            });
    }

    /// <summary>Called by the sync after each stored page with the rows read so far.</summary>
    private sealed class Progreso(ColaSincronizacion cola) : IProgress<int>
    {
        public void Report(int value) => cola.Cambiar(e => e with { FilasLeidas = value });
    }
}
