namespace OpenLicitaciones.Components;

/// <summary>
/// One polite announcement per data change for screen readers (issue 13), per circuit. The status line starts it when
/// the change arrives; a page adds what a reader should know (say, new rows waiting); whatever arrives within a short
/// moment is said together, once, by the status line's single live region.
/// </summary>
public sealed class AvisoEnVivo(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Espera = TimeSpan.FromMilliseconds(400);

    private readonly Lock _lock = new();
    private readonly List<string> _detalles = [];
    private ITimer? _temporizador;

    /// <summary>Raised once per change, off the circuit's thread, with the pages' details in the order they came.</summary>
    public event Action<IReadOnlyList<string>>? Anunciar;

    public void Cambio() => Agregar(null);

    public void Detalle(string detalle) => Agregar(detalle);

    private void Agregar(string? detalle)
    {
        lock (_lock)
        {
            if (detalle is not null && !_detalles.Contains(detalle)) _detalles.Add(detalle);
            _temporizador ??= time.CreateTimer(_ => Emitir(), null, Espera, Timeout.InfiniteTimeSpan);
        }
    }

    private void Emitir()
    {
        string[] detalles;
        lock (_lock)
        {
            detalles = [.. _detalles];
            _detalles.Clear();
            _temporizador?.Dispose();
            _temporizador = null;
        }
        Anunciar?.Invoke(detalles);
    }

    public void Dispose()
    {
        lock (_lock) _temporizador?.Dispose();
    }
}
