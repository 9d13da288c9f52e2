using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Sync;

/// <summary>Raised when synced data changed; open pages subscribe and re-render (CONVENTIONS 9).</summary>
public sealed class DataChangedNotifier
{
    private long _version;

    public event Func<Task>? Changed;

    /// <summary>How many changes have been announced: caches compare it instead of depending on handler order.</summary>
    public long Version => Interlocked.Read(ref _version);

    public async Task NotifyAsync()
    {
        Interlocked.Increment(ref _version);
        if (Changed is not { } handlers) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
        {
            try { await handler(); }
            catch (ObjectDisposedException) { } // a circuit that went away between the check and the call
        }
    }
}

/// <summary>
/// Notices finished sync runs, whether this server's jobs or another process (the CLI) wrote them, by polling
/// the sync-run log, and raises one "data changed" notification for them (CONTRACTS §6).
/// </summary>
public sealed class SyncRunWatcher(IDbContextFactory<AppDbContext> dbFactory, DataChangedNotifier notifier, ILogger<SyncRunWatcher> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? lastSeen = null;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                var latest = await db.SyncRuns.Where(r => r.FinishedAt != null).MaxAsync(r => (long?)r.Id, stoppingToken) ?? 0;
                if (lastSeen is not null && latest != lastSeen) await notifier.NotifyAsync();
                lastSeen = latest;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "No se pudo revisar el registro de sincronizaciones");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
