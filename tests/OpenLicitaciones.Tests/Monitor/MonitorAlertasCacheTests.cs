using OpenLicitaciones.Features.Monitor;

namespace OpenLicitaciones.Tests.Monitor;

public sealed class MonitorAlertasCacheTests
{
    private static readonly MonitorOptions Options = new();

    private static MonitorSnapshot.Built Data() => new([], null)
    {
        Procesos =
        [
            new ProcesoMonitor("P1", "licitacion-publica", true, "Adjudicado", new DateTime(2025, 3, 1), new DateTime(2025, 3, 5), 1, 100, true, false),
            new ProcesoMonitor("P2", "contratacion-directa", false, "Adjudicado", new DateTime(2026, 3, 1), null, null, 50, true, false),
        ],
    };

    private static string Json(IReadOnlyList<Alerta> alertas) => System.Text.Json.JsonSerializer.Serialize(alertas);

    [Fact]
    public void A_window_s_red_flags_are_computed_once_per_snapshot_and_are_those_of_the_rule()
    {
        var data = Data();

        var first = data.Alertas(2025, 2026, Options);
        var again = data.Alertas(2025, 2026, Options);
        var other = data.Alertas(2026, 2026, Options);

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        // Records with lists inside: compared as what the API publishes.
        Assert.Equal(Json(MonitorAlertas.Calcular(data, 2025, 2026, Options)), Json(first));
        Assert.Equal(Json(MonitorAlertas.Calcular(data, 2026, 2026, Options)), Json(other));
        Assert.NotEqual(Json(first), Json(other));
    }
}
