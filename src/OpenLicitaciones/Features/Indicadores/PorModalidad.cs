namespace OpenLicitaciones.Features.Indicadores;

/// <summary>
/// Women-led firms against the others in one modality of one period: bids, awards and win rates ("where do women-led
/// firms lose?"). Rates are null without bids; the ratio is G5's within the modality.
/// </summary>
public sealed record ModalidadMujer(string ModalidadCodigo, int OfertasMujer, int GanadasMujer, int OfertasOtras, int GanadasOtras, int OfertasSinDato)
{
    public double? TasaMujer => OfertasMujer == 0 ? null : (double)GanadasMujer / OfertasMujer;
    public double? TasaOtras => OfertasOtras == 0 ? null : (double)GanadasOtras / OfertasOtras;
    public double? Razon => IndicadoresProcesos.G5(new EtapasMujer(OfertasMujer, OfertasOtras, GanadasMujer, GanadasOtras));
}

public static class PorModalidad
{
    /// <summary>One row per modality with competitive bids, most bids first.</summary>
    public static IReadOnlyList<ModalidadMujer> Calcular(IEnumerable<ParticipacionMujer> ofertas) =>
        ofertas.Where(o => o.Competitiva).GroupBy(o => o.ModalidadCodigo)
            .Select(g => new ModalidadMujer(g.Key,
                g.Count(o => o.Mujer == true), g.Count(o => o.Mujer == true && o.Adjudicado),
                g.Count(o => o.Mujer == false), g.Count(o => o.Mujer == false && o.Adjudicado),
                g.Count(o => o.Mujer is null)))
            .OrderByDescending(m => m.OfertasMujer + m.OfertasOtras + m.OfertasSinDato).ThenBy(m => m.ModalidadCodigo, StringComparer.Ordinal)
            .ToList();
}
