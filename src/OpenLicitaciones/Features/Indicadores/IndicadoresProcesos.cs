using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Indicadores;

/// <summary>The women-led, bidding and winning counts of one period's competitive processes, for G5 and G6.</summary>
public sealed record EtapasMujer(int OferentesMujer, int OferentesOtros, int GanadoresMujer, int GanadoresOtros);

/// <summary>A supplier's bid in one process of the period, with its women-led status as a bidder (CONTRACTS §7).</summary>
public sealed record ParticipacionMujer(string Proveedor, string Proceso, bool? Mujer, bool Competitiva, bool Adjudicado, string ModalidadCodigo);

/// <summary>G5, G6 and G8 (anchors §6.2, CONTRACTS §7): the process-based indicators, as pure functions.</summary>
public static class IndicadoresProcesos
{
    /// <summary>G4: women-led share of the unique bidders of the period (a bidder's status is the same in all its bids of the period).</summary>
    public static Cifra G4(IReadOnlyList<ParticipacionMujer> participaciones)
    {
        var proponentes = participaciones.DistinctBy(p => p.Proveedor).ToList();
        if (proponentes.Count == 0) return Cifra.Vacia;
        var conocidos = proponentes.Where(p => p.Mujer is not null).ToList();
        return Cifra.Proporcion(conocidos.Count(p => p.Mujer == true), conocidos.Count, new CoberturaDatos(conocidos.Count, proponentes.Count, 0, 0));
    }

    /// <summary>
    /// The bid and award counts of G5 and G6: bids in competitive processes by bidders whose status is known, women-led
    /// (true) or others (false); an award is a bid that won.
    /// </summary>
    public static EtapasMujer Etapas(IEnumerable<ParticipacionMujer> participaciones)
    {
        var competitivas = participaciones.Where(p => p.Competitiva && p.Mujer is not null).ToList();
        return new EtapasMujer(competitivas.Count(p => p.Mujer == true), competitivas.Count(p => p.Mujer == false),
            competitivas.Count(p => p.Mujer == true && p.Adjudicado), competitivas.Count(p => p.Mujer == false && p.Adjudicado));
    }

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
