namespace OpenLicitaciones.Features.Sync;

/// <summary>
/// A view derived from the synced data (CONTRACTS §6): rebuilt in the background after each change, one build at a time
/// (a change during a build schedules one more), and swapped in whole. Readers get the current version at once; only
/// the very first read waits for a build.
/// </summary>
public sealed class DerivedView<T> where T : class
{
    private sealed record Version(T Value, long DataVersion);

    private readonly DataChangedNotifier _notifier;
    private readonly Func<CancellationToken, Task<T>> _build;
    private readonly Func<T, bool> _stillValid;
    private readonly ILogger _log;
    private readonly Lock _lock = new();
    private Version? _current;
    private Task? _building;

    public DerivedView(DataChangedNotifier notifier, ILogger log, Func<CancellationToken, Task<T>> build, Func<T, bool>? stillValid = null)
    {
        (_notifier, _log, _build, _stillValid) = (notifier, log, build, stillValid ?? (_ => true));
        notifier.AddView(RefreshAsync);
    }

    public async Task<T> GetAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            if (!IsCurrent(current)) _ = RefreshAsync();
            return current.Value;
        }
        await RefreshAsync().WaitAsync(ct);
        return Volatile.Read(ref _current)!.Value;
    }

    /// <summary>Starts a build unless one is running or the view is already current; completes when it matches the data announced so far.</summary>
    public Task RefreshAsync()
    {
        lock (_lock)
        {
            // A late caller whose change a finished build already covered needs no other build.
            if (_building is null && Volatile.Read(ref _current) is { } current && IsCurrent(current)) return Task.CompletedTask;
            return _building ??= Task.Run(BuildUntilCurrentAsync);
        }
    }

    private bool IsCurrent(Version v) => v.DataVersion == _notifier.Version && _stillValid(v.Value);

    private async Task BuildUntilCurrentAsync()
    {
        try
        {
            while (true)
            {
                var dataVersion = _notifier.Version; // read before building: a change during the build triggers another
                Volatile.Write(ref _current, new Version(await _build(CancellationToken.None), dataVersion));
                lock (_lock)
                {
                    if (IsCurrent(_current!))
                    {
                        _building = null;
                        return;
                    }
                }
            }
        }
        catch (Exception e)
        {
            lock (_lock) _building = null;
            if (Volatile.Read(ref _current) is null) throw; // the first readers are waiting: they get the error
            _log.LogError(e, "No se pudo reconstruir la vista {View}; se sigue mostrando la anterior", typeof(T).Name);
        }
    }
}
