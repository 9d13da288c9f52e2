namespace OpenLicitaciones.Features.Indicadores;

/// <summary>The women-led, bidding and winning counts of one period's competitive processes, for G5 and G6.</summary>
public sealed record EtapasMujer(int OferentesMujer, int OferentesOtros, int GanadoresMujer, int GanadoresOtros);

/// <summary>G5, G6 and G8 (anchors §6.2, CONTRACTS §7): the process-based indicators, as pure functions.</summary>
public static class IndicadoresProcesos
{
    /// <summary>
    /// G5: win rate of women-led bidders ÷ win rate of the others ("others" are WL = 0 only; unknowns are left out).
    /// Null when either group has no bid or the others never won.
    /// </summary>
    public static double? G5(EtapasMujer e)
    {
        if (e.OferentesMujer == 0 || e.OferentesOtros == 0 || e.GanadoresOtros == 0) return null;
        return ((double)e.GanadoresMujer / e.OferentesMujer) / ((double)e.GanadoresOtros / e.OferentesOtros);
    }

    /// <summary>
    /// G6, IPPG (ChileCompra): the geometric mean over the stages (bid, award) of women-led ÷ others counts. 1 is
    /// parity, below 1 favours the others. "Sin datos" (null) when any stage count is 0 (CONTRACTS §7).
    /// </summary>
    public static double? G6(EtapasMujer e)
    {
        if (e.OferentesMujer == 0 || e.OferentesOtros == 0 || e.GanadoresMujer == 0 || e.GanadoresOtros == 0) return null;
        var oferta = (double)e.OferentesMujer / e.OferentesOtros;
        var adjudicacion = (double)e.GanadoresMujer / e.GanadoresOtros;
        return Math.Sqrt(oferta * adjudicacion);
    }

    /// <summary>
    /// G8: average and median bidders per competitive process, over the processes whose bidder count is final (a process
    /// still in evaluation shows 0 bidders: not applicable, left out). Nulls when no process counts.
    /// </summary>
    public static (double? Promedio, double? Mediana, int Procesos) G8(IEnumerable<int?> oferentesPorProceso)
    {
        var cuentas = oferentesPorProceso.Where(n => n is > 0).Select(n => n!.Value).Order().ToList();
        if (cuentas.Count == 0) return (null, null, 0);
        var medio = cuentas.Count / 2;
        var mediana = cuentas.Count % 2 == 1 ? cuentas[medio] : (cuentas[medio - 1] + cuentas[medio]) / 2.0;
        return (cuentas.Average(), mediana, cuentas.Count);
    }
}
