namespace OpenLicitaciones.Features.Monitor;

public static class MonitorAlertas
{
    /// <summary>The competition and integrity flags for the processes published, and awards made, in the window.</summary>
    public static IReadOnlyList<Alerta> Calcular(MonitorSnapshot.Built data, int desde, int hasta, MonitorOptions options)
    {
        var procesos = data.Procesos.Where(p => p.FechaPublicacion?.Year >= desde && p.FechaPublicacion?.Year <= hasta).ToList();
        var adjudicaciones = data.Adjudicaciones.Where(a => a.Anio >= desde && a.Anio <= hasta).Select(a => a.Adjudicacion).ToList();
        var (porNumero, porValor) = RedFlags.AdjudicacionDirecta(procesos);
        return
        [
            RedFlags.UnicoProponente(procesos),
            porNumero,
            porValor,
            RedFlags.Concentracion(adjudicaciones),
            RedFlags.PlazoCorto(procesos, options.PlazoMinimoDias, options.PlazoMinimoPorDefecto),
            RedFlags.Multiobjeto(adjudicaciones, options.MinimoProcesosMultiobjeto),
        ];
    }
}
