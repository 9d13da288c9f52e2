using System.Globalization;

namespace OpenLicitaciones.Features.Benchmarks;

/// <summary>
/// What one `benchmark circuitos` run measured. Memory is the managed heap after a forced full GC; latency is server-side
/// (<see cref="CircuitTimings"/>); CPU is the server process's processor time over the active phase.
/// </summary>
public sealed record CircuitsReport(
    int ActivePages,
    int IdleRequested,
    int IdleHeld,
    int OpenAtMeasure,
    int OpenAtEnd,
    double ActiveSeconds,
    int Interactions,
    int Errors,
    IReadOnlyList<string> ErrorSamples,
    long HeapBaseBytes,
    long HeapIdleBytes,
    long RssBaseBytes,
    long RssIdleBytes,
    double ServerCpuSeconds,
    double? MachineCores,
    Latency Interaction,
    Latency Events,
    Latency Navigations,
    Latency Starts,
    Latency Other)
{
    public const int ReferenceCircuits = 200;

    /// <summary>(heap with the idle circuits − heap without) ÷ the circuits the server had open when measured.</summary>
    public double BytesPerCircuit => OpenAtMeasure > 0 ? (double)(HeapIdleBytes - HeapBaseBytes) / OpenAtMeasure : 0;

    /// <summary>Server cores in use during the active phase: processor seconds ÷ wall seconds.</summary>
    public double ServerCores => ActiveSeconds > 0 ? ServerCpuSeconds / ActiveSeconds : 0;

    public double CoresPerActivePage => ActivePages > 0 ? ServerCores / ActivePages : 0;

    public CircuitsExtrapolation At(int circuits) => new(circuits, HeapBaseBytes, BytesPerCircuit, CoresPerActivePage);

    /// <summary>A run's samples by kind; the interaction pools events and navigations, the two things a visitor's action causes.</summary>
    public static (Latency Interaction, Latency Events, Latency Navigations, Latency Starts, Latency Other) Split(IEnumerable<InboundSample> samples)
    {
        var byKind = samples.ToLookup(s => s.Kind, s => s.Ms);
        return (Latency.From(byKind[InboundKind.Event].Concat(byKind[InboundKind.Navigation])), Latency.From(byKind[InboundKind.Event]),
            Latency.From(byKind[InboundKind.Navigation]), Latency.From(byKind[InboundKind.Start]), Latency.From(byKind[InboundKind.Other]));
    }
}

/// <summary>
/// A larger number of circuits from the measured per-circuit cost: memory = base + circuits × per circuit; CPU if every
/// one of them were as busy as an active page of the run.
/// </summary>
public sealed record CircuitsExtrapolation(int Circuits, long BaseBytes, double BytesPerCircuit, double CoresPerActivePage)
{
    public const double BytesPerMb = 1024 * 1024;

    public double TotalBytes => BaseBytes + Circuits * BytesPerCircuit;

    public double CoresIfAllActive => Circuits * CoresPerActivePage;

    public string MemoryArithmetic =>
        string.Create(Spanish, $"{BaseBytes / BytesPerMb:N1} MB + {Circuits} × {BytesPerCircuit / BytesPerMb:N3} MB = {TotalBytes / BytesPerMb:N1} MB");

    public string CpuArithmetic => string.Create(Spanish, $"{Circuits} × {CoresPerActivePage:N3} núcleos = {CoresIfAllActive:N2} núcleos");

    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-CO");
}
