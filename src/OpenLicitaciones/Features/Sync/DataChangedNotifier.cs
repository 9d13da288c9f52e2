using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Sync;

/// <summary>
/// Raised when synced data changed (CONTRACTS §6). Derived views rebuild first, then every open page hears about it at
/// the same time: one slow or failing subscriber never delays or skips another (CONVENTIONS 9).
/// </summary>
public sealed class DataChangedNotifier(ILogger<DataChangedNotifier>? log = null)
{
    private readonly ILogger _log = log ?? NullLogger<DataChangedNotifier>.Instance;
    private readonly List<Func<Task>> _views = [];
    private long _version;

    public event Func<Task>? Changed;

    /// <summary>How many changes have been announced: caches compare it instead of depending on handler order.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>A derived view's refresh, awaited before the pages are told so that they re-read the rebuilt version.</summary>
    public void AddView(Func<Task> refresh)
    {
        lock (_views) _views.Add(refresh);
    }

    /// <summary>Completes when every view and subscriber has finished; it never throws (failures are logged).</summary>
    public async Task NotifyAsync()
    {
        Interlocked.Increment(ref _version);
        Func<Task>[] views;
        lock (_views) views = [.. _views];
        await Task.WhenAll(views.Select(RunAsync));
        if (Changed is { } handlers) await Task.WhenAll(handlers.GetInvocationList().Cast<Func<Task>>().Select(RunAsync));
    }

    private async Task RunAsync(Func<Task> handler)
    {
        try
        {
            await Task.Run(handler); // on the thread pool: a handler that blocks before its first await holds up no one else
        }
        catch (ObjectDisposedException)
        {
            // a circuit that went away between the check and the call
        }
        catch (Exception e)
        {
            _log.LogWarning(e, "Un suscriptor falló al recibir el aviso de datos nuevos");
        }
    }
}

/// <summary>
/// Notices finished sync runs, whether this server's jobs or another process (the CLI) wrote them, and staff changes made
/// on any instance, by polling the sync-run log and the audit log, and raises one "data changed" notification for them (CONTRACTS §6).
/// </summary>
public sealed class SyncRunWatcher(IDbContextFactory<AppDbContext> dbFactory, DataChangedNotifier notifier, ILogger<SyncRunWatcher> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The rows stored by all finished runs: it grows only when a run that changed rows finishes, in whatever order
        // runs finish, so runs that stored nothing invalidate nothing. (Removing demo rows happens in a run that stores.)
        // Every staff change writes one audit entry in the same transaction: a new newest entry is a change.
        (long Stored, long Audited)? seen = null;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                var now = (await db.SyncRuns.Where(r => r.FinishedAt != null).SumAsync(r => (long)r.RowsUpserted, stoppingToken),
                    await db.Auditoria.Where(c => c.Entidad != Admin.Auditoria.Usuario && c.Entidad != Admin.Auditoria.Sincronizacion).MaxAsync(c => (long?)c.Id, stoppingToken) ?? 0);
                var changed = seen is not null && now != seen;
                seen = now; // recorded before announcing: whatever a subscriber does, this change is announced once
                if (changed) _ = notifier.NotifyAsync(); // not awaited: polling goes on while pages refresh
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "No se pudo revisar el registro de sincronizaciones");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
