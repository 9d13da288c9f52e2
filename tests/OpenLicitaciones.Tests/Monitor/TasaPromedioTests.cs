using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Monitor;

/// <summary>The entity's average success rate shown on a supplier's profile, worked out by hand.</summary>
public sealed class TasaPromedioTests
{
    // Suppliers separated by '|'; each participation is year + c (competitive) or d (direct) + '+' (won) or '-' (lost).
    [Theory]
    [InlineData("2024c+ 2024c- | 2024c-", 2024, 2024, 1 / 3.0)] // 1 won of 3 competitive
    [InlineData("2024c+ 2024d+ | 2025c-", 2024, 2024, 1.0)] // direct awards and other years are left out
    [InlineData("2022c+ 2023c- | 2023c- 2024c+ 2025c+", 2022, 2024, 0.5)] // 2 of 4 in the window, across suppliers
    [InlineData("2024d+ | 2023c+", 2024, 2024, null)] // no competitive participation in the window: N/A
    [InlineData("", 2021, 2026, null)]
    public void The_average_counts_competitive_participations_of_every_supplier_in_the_window(string suppliers, int desde, int hasta, double? expected)
    {
        var histories = suppliers.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((s, i) =>
            new ProveedorHistoria($"9000000{i}", $"Proveedor {i}", TipoProveedor.PersonaJuridica, null, null, null,
                s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((p, j) =>
                    new Participacion($"P{i}-{j}", int.Parse(p[..4]), p[4] == 'c', p[4] == 'c' ? "minima-cuantia" : "contratacion-directa", p[4] == 'c', p[5] == '+')).ToList(),
                [])).ToList();

        var average = MonitorCounts.TasaPromedio(histories, desde, hasta);
        var snapshot = new MonitorSnapshot.Built(histories, null);

        if (expected is null) Assert.Null(average);
        else Assert.Equal(expected.Value, average!.Value, 9);
        // The profile page reads it from the snapshot, which computes it once per window.
        Assert.Equal(average, snapshot.TasaPromedio(desde, hasta));
        Assert.Equal(average, snapshot.TasaPromedio(desde, hasta));
        Assert.All(histories, h => Assert.Same(h, snapshot.Proveedor(h.Id)));
        Assert.Null(snapshot.Proveedor("no-existe"));
    }
}
