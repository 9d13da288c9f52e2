using OpenLicitaciones.Features.Benchmarks;

namespace OpenLicitaciones.Tests.Benchmarks;

public sealed class CircuitsReportTests
{
    private const long Mb = 1024 * 1024;

    [Theory]
    // 100 MB more with 200 circuits: 0.5 MB each; 200 at that cost on a 50 MB base is 150 MB.
    [InlineData(50 * Mb, 150 * Mb, 200, 200, 0.5 * Mb, 150.0 * Mb)]
    // 30 MB more with 60 circuits: 0.5 MB each; 200 of them on a 20 MB base is 120 MB.
    [InlineData(20 * Mb, 50 * Mb, 60, 200, 0.5 * Mb, 120.0 * Mb)]
    // 3 MB more with 4 circuits: 0.75 MB each; 10 of them on a 1 MB base is 8.5 MB.
    [InlineData(1 * Mb, 4 * Mb, 4, 10, 0.75 * Mb, 8.5 * Mb)]
    // No circuit was open: no per-circuit cost to divide, the base alone.
    [InlineData(20 * Mb, 21 * Mb, 0, 200, 0.0, 20.0 * Mb)]
    public void Memory_per_circuit_is_the_heap_growth_over_the_open_circuits_and_extrapolates_linearly(
        long heapBase, long heapIdle, int open, int circuits, double perCircuit, double total)
    {
        var report = Report(heapBase, heapIdle, open, activePages: 20, activeSeconds: 60, cpuSeconds: 30);

        Assert.Equal(perCircuit, report.BytesPerCircuit, 6);
        var at = report.At(circuits);
        Assert.Equal(total, at.TotalBytes, 6);
    }

    [Fact]
    public void The_extrapolation_shows_its_arithmetic_in_spanish()
    {
        // 100 MB over 200 circuits = 0,5 MB each; 30 s of CPU in 60 s = 0,5 cores over 20 pages = 0,025 per page.
        var at = Report(50 * Mb, 150 * Mb, 200, activePages: 20, activeSeconds: 60, cpuSeconds: 30).At(200);

        Assert.Equal("50,0 MB + 200 × 0,500 MB = 150,0 MB", at.MemoryArithmetic);
        Assert.Equal("200 × 0,025 núcleos = 5,00 núcleos", at.CpuArithmetic);
    }

    [Fact]
    public void Samples_split_by_kind_and_the_interaction_pools_events_and_navigations()
    {
        InboundSample[] samples =
        [
            new(InboundKind.Event, 4), new(InboundKind.Event, 2), new(InboundKind.Navigation, 10), new(InboundKind.Start, 300),
            new(InboundKind.Other, 1), new(InboundKind.Other, 0.5),
        ];

        var (interaction, events, navigations, starts, other) = CircuitsReport.Split(samples);

        Assert.Equal(new Latency(3, 4, 10, 10), interaction); // 2 4 10: ⌈1.5⌉ = 2nd, ⌈2.85⌉ = 3rd
        Assert.Equal(new Latency(2, 2, 4, 4), events);
        Assert.Equal(new Latency(1, 10, 10, 10), navigations);
        Assert.Equal(new Latency(1, 300, 300, 300), starts);
        Assert.Equal(new Latency(2, 0.5, 1, 1), other);
    }

    private static CircuitsReport Report(long heapBase, long heapIdle, int open, int activePages, double activeSeconds, double cpuSeconds) =>
        new(activePages, open, open, open, open, activeSeconds, 0, 0, [], heapBase, heapIdle, 0, 0, cpuSeconds, null,
            Latency.None, Latency.None, Latency.None, Latency.None, Latency.None);
}
