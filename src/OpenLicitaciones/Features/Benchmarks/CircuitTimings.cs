using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace OpenLicitaciones.Features.Benchmarks;

/// <summary>What a circuit's inbound activity turned out to be.</summary>
public enum InboundKind
{
    /// <summary>The circuit's first activity: its page's first interactive render.</summary>
    Start,
    /// <summary>A browser event (click, change, submit) dispatched to a component.</summary>
    Event,
    /// <summary>A location change: a link, or a filter written to the URL, re-rendering the page.</summary>
    Navigation,
    /// <summary>The rest: render acknowledgements, answers to JS interop calls.</summary>
    Other,
}

public sealed record InboundSample(InboundKind Kind, double Ms);

/// <summary>
/// Server-side timings of live Blazor circuits, for `benchmark circuitos` only (the dashboard never registers it): how
/// many circuits are open, and how long each inbound activity of a circuit took, from the moment the circuit started
/// handling it until its work was done. For a browser event that is when the event handler's task ends — the renderer
/// has sent the render batch the event caused by then, even when the handler awaited and finished after the inbound
/// call returned.
/// </summary>
public sealed class CircuitTimings : IDisposable
{
    // Blazor's own tracing (.NET 10): the renderer starts one of these activities for every browser event it dispatches.
    // The inbound-activity context does not say what the activity is, so this is how an event is told from the rest.
    private const string ComponentsSource = "Microsoft.AspNetCore.Components";
    private const string HandleEvent = "Microsoft.AspNetCore.Components.HandleEvent";

    // The inbound activity running on this async flow; Blazor's dispatcher carries it into the components' code.
    private static readonly AsyncLocal<Inbound?> Current = new();

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<InboundSample> _samples = new();
    private int _open;
    private volatile bool _recording;

    public CircuitTimings()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ComponentsSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStarted = activity =>
            {
                if (activity.OperationName == HandleEvent && Current.Value is { } inbound && inbound.Owner == this) inbound.EventStarted();
            },
            ActivityStopped = activity =>
            {
                if (activity.OperationName == HandleEvent && Current.Value is { } inbound && inbound.Owner == this) Keep(inbound.EventStopped());
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Circuits open on the server now.</summary>
    public int OpenCircuits => Volatile.Read(ref _open);

    /// <summary>Forgets earlier samples and keeps every one from now on (nothing is kept before, so idle circuits cost nothing here).</summary>
    public void StartRecording()
    {
        _samples.Clear();
        _recording = true;
    }

    /// <summary>The samples kept so far.</summary>
    public IReadOnlyList<InboundSample> Recorded => _samples.ToList();

    /// <summary>Stops keeping samples and returns those kept since <see cref="StartRecording"/>.</summary>
    public IReadOnlyList<InboundSample> StopRecording()
    {
        _recording = false;
        return _samples.ToList();
    }

    internal void Opened() => Interlocked.Increment(ref _open);

    internal void Closed() => Interlocked.Decrement(ref _open);

    internal static void Navigated() => Current.Value?.Navigated();

    internal async Task MeasureAsync(InboundKind kind, Func<Task> next)
    {
        var inbound = new Inbound(this, kind);
        Current.Value = inbound; // an async method's own change: it does not leak to the caller
        try
        {
            await next();
        }
        finally
        {
            Keep(inbound.Returned());
        }
    }

    private void Keep(InboundSample? sample)
    {
        if (sample is not null && _recording) _samples.Enqueue(sample);
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>One inbound activity: done when the inbound call has returned and every event it dispatched has ended.</summary>
    private sealed class Inbound(CircuitTimings owner, InboundKind kind)
    {
        // Every listener in the process sees every activity; only the one whose circuit this is counts it.
        public CircuitTimings Owner { get; } = owner;

        private readonly long _start = Stopwatch.GetTimestamp();
        private readonly Lock _lock = new();
        private InboundKind _kind = kind;
        private int _pendingEvents;
        private bool _returned;
        private bool _done;

        public void EventStarted()
        {
            lock (_lock)
            {
                _pendingEvents++;
                if (_kind != InboundKind.Start) _kind = InboundKind.Event;
            }
        }

        public InboundSample? EventStopped()
        {
            lock (_lock)
            {
                _pendingEvents--;
                return Finish();
            }
        }

        public void Navigated()
        {
            lock (_lock)
            {
                if (_kind == InboundKind.Other) _kind = InboundKind.Navigation;
            }
        }

        public InboundSample? Returned()
        {
            lock (_lock)
            {
                _returned = true;
                return Finish();
            }
        }

        private InboundSample? Finish()
        {
            if (_done || !_returned || _pendingEvents > 0) return null;
            _done = true;
            return new InboundSample(_kind, Stopwatch.GetElapsedTime(_start).TotalMilliseconds);
        }
    }
}

/// <summary>One per circuit (scoped): counts it open and closed, and times its inbound activities.</summary>
internal sealed class CircuitTimingHandler(CircuitTimings timings, NavigationManager navigation) : CircuitHandler, IDisposable
{
    private bool _subscribed;
    private int _activities;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        timings.Opened();
        navigation.LocationChanged += OnLocationChanged;
        _subscribed = true;
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        timings.Closed();
        Dispose();
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context => timings.MeasureAsync(Interlocked.Increment(ref _activities) == 1 ? InboundKind.Start : InboundKind.Other, () => next(context));

    // Raised inside the inbound activity that carries the browser's new location, before the page re-renders.
    private static void OnLocationChanged(object? sender, LocationChangedEventArgs e) => CircuitTimings.Navigated();

    public void Dispose()
    {
        if (!_subscribed) return;
        _subscribed = false;
        navigation.LocationChanged -= OnLocationChanged;
    }
}

public static class CircuitTimingsRegistration
{
    /// <summary>For the benchmark's own host only: the dashboard never times its circuits.</summary>
    public static IServiceCollection AddCircuitTimings(this IServiceCollection services)
    {
        services.AddSingleton<CircuitTimings>();
        services.AddScoped<CircuitHandler, CircuitTimingHandler>();
        return services;
    }
}
