using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Monitor;

public sealed class MonitorCountsTests
{
    private static readonly DateTime HistoryStart = new(2019, 1, 1);

    // A supplier worked out by hand:
    //  P1 2021 competitive  bid, won  (contract C1 2021-03-01, 10 M, Hombre)
    //  P2 2022 competitive  bid, lost
    //  P3 2023 competitive  bid, won  (contract C3 2023-05-01, 20 M, Mujer, pyme)
    //  P4 2023 direct              won  (contract C4 2023-08-01, 5 M, draft → not counted)
    //  P5 2025 competitive  bid, lost
    // Window 2022–2023: participaciones {P2,P3,P4}=3, adjudicaciones {P3,P4}=2, competitive {P2,P3} → 1/2 = 0.5,
    // contratos {C3}=1 (C4 is a draft), value 20 M, years 2022..2023. Most recent contract by date: C4 (2023-08-01, no gender) → mujer sin-dato.
    private static readonly ProveedorHistoria Supplier = new("901623692", "SOLUCIONES SAS", TipoProveedor.PersonaJuridica, "901623692", "Palmira", null,
    [
        new("P1", 2021, true, "minima-cuantia", true, true), new("P2", 2022, true, "minima-cuantia", true, false),
        new("P3", 2023, true, "licitacion-publica", true, true), new("P4", 2023, false, "contratacion-directa", false, true),
        new("P5", 2025, true, "minima-cuantia", true, false),
    ],
    [
        new("C1", "P1", 2021, new(2021, 3, 1), 10_000_000, true, "Hombre", false),
        new("C3", "P3", 2023, new(2023, 5, 1), 20_000_000, true, "Mujer", true),
        new("C4", "P4", 2023, new(2023, 8, 1), 5_000_000, false, null, null),
    ]);

    [Fact]
    public void Counts_in_a_window_follow_the_contract()
    {
        var r = MonitorCounts.Resumen(Supplier, 2022, 2023, 3, ["Palmira"], HistoryStart);

        Assert.Equal((3, 2, 0.5, 1, 20_000_000L, 2022, 2023), (r.Participaciones, r.Adjudicaciones, r.TasaExito!.Value, r.Contratos, r.ValorContratado, r.PrimerAnio!.Value, r.UltimoAnio!.Value));
        Assert.Equal(TriState.SinDato, r.Mujer); // the latest contract (C4) recorded no gender
        Assert.Equal(TriState.SinDato, r.Pyme);
        Assert.Equal(TriState.Si, r.Local);
        Assert.Equal(["contratacion-directa", "licitacion-publica", "minima-cuantia"], r.Modalidades);
        // First valid contract in the window is C3 (2023-05-01); C1 (2021-03-01) is within the 3 years before → not new.
        Assert.Equal(TriState.No, r.Nuevo);
    }

    [Theory]
    // window, years for "nuevo", history start → expected
    [InlineData(2023, 2023, 3, "2019-01-01", "no")]  // C1 2021-03-01 is inside [2020-05-01, 2023-05-01)
    [InlineData(2023, 2023, 2, "2019-01-01", "si")]  // [2021-05-01, 2023-05-01): C1 (2021-03-01) falls before it
    [InlineData(2021, 2021, 3, "2019-01-01", "sin-dato")] // C1 needs history from 2018-03-01; it starts 2019 → unknown
    [InlineData(2021, 2021, 1, "2019-01-01", "si")]  // nothing valid in [2020-03-01, 2021-03-01)
    [InlineData(2024, 2025, 3, "2019-01-01", "no")]  // no valid contract in the window → not a new supplier there
    public void New_supplier_rule_at_the_window_boundary(int desde, int hasta, int years, string historyStart, string expected)
    {
        var r = MonitorCounts.Resumen(Supplier with { Contratos = Supplier.Contratos }, desde, hasta, years, ["Palmira"], DateTime.Parse(historyStart, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, r.Nuevo);
    }

    [Fact]
    public void Exactly_n_years_before_counts_as_previous_contract()
    {
        // C3 on 2023-05-01; a valid contract exactly on 2020-05-01 is inside [2020-05-01, 2023-05-01).
        var contracts = new List<ContratoProveedor>
        {
            new("C0", "P0", 2020, new(2020, 5, 1), 1, true, null, null),
            new("C3", "P3", 2023, new(2023, 5, 1), 1, true, "Mujer", true),
        };
        Assert.Equal(TriState.No, MonitorCounts.Nuevo(contracts, [contracts[1]], 3, HistoryStart));
        Assert.Equal(TriState.Si, MonitorCounts.Nuevo([contracts[0] with { FechaFirma = new(2020, 4, 30) }, contracts[1]], [contracts[1]], 3, HistoryStart));
    }

    [Fact]
    public void Without_competitive_processes_the_win_rate_is_not_applicable()
    {
        var direct = Supplier with { Participaciones = [new("P4", 2023, false, "contratacion-directa", false, true)] };
        var r = MonitorCounts.Resumen(direct, 2023, 2023, 3, ["Palmira"], HistoryStart);
        Assert.Equal((1, 1), (r.Participaciones, r.Adjudicaciones)); // direct awards count as participation and award…
        Assert.Null(r.TasaExito);                                       // …but not in the rate
    }

    [Fact]
    public void Women_led_pyme_and_local_come_from_the_latest_contract_and_the_registry()
    {
        var h = Supplier with { Contratos = Supplier.Contratos.Take(2).ToList(), Municipio = "CALI", PymeRegistro = false };
        var r = MonitorCounts.Resumen(h, 2021, 2025, 3, ["Palmira"], HistoryStart);

        Assert.Equal(TriState.Si, r.Mujer); // C3 (2023) says Mujer; C1 (2021) said Hombre
        Assert.Contains("C3", r.FuenteMujer);
        Assert.Equal(TriState.Si, r.Pyme); // the contract's es_pyme wins over the registry
        Assert.Equal(TriState.No, r.Local);
        Assert.Equal(TriState.SinDato, MonitorCounts.Resumen(h with { Municipio = null }, 2021, 2025, 3, ["Palmira"], HistoryStart).Local);
    }

    [Fact]
    public void An_empty_window_gives_zeros_and_no_years()
    {
        var r = MonitorCounts.Resumen(Supplier, 2010, 2011, 3, ["Palmira"], HistoryStart);
        Assert.Equal((0, 0, (double?)null, 0, 0L, (int?)null, (int?)null), (r.Participaciones, r.Adjudicaciones, r.TasaExito, r.Contratos, r.ValorContratado, r.PrimerAnio, r.UltimoAnio));
    }

    [Theory]
    [InlineData("2023-01-01", null, 2022, 2023, "si")]          // in force in the window: wins over the last contract's unknown gender
    [InlineData("2020-01-01", "2021-12-31", 2022, 2023, "sin-dato")] // expired before the window: back to the proxy
    [InlineData("2024-06-01", null, 2022, 2023, "sin-dato")]    // starts after the window
    [InlineData("2023-12-31", null, 2023, 2023, "si")]          // its last day is enough
    public void A_certification_staff_recorded_wins_in_the_windows_it_covers(string desde, string? hasta, int ventanaDesde, int ventanaHasta, string mujer)
    {
        Certificacion[] certificaciones = [new("901623692", DateOnly.Parse(desde), hasta is null ? null : DateOnly.Parse(hasta), "Acta 7")];

        var r = MonitorCounts.Resumen(Supplier, ventanaDesde, ventanaHasta, 3, ["Palmira"], HistoryStart, certificaciones);

        Assert.Equal(mujer, r.Mujer);
        Assert.Equal(mujer == TriState.Si, r.FuenteMujer.StartsWith("Certificada por la Secretaría", StringComparison.Ordinal));
    }
}
