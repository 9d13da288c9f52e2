namespace OpenLicitaciones.Features.Monitor;

public sealed record AnioProveedor(int Anio, int Participaciones, int Adjudicaciones);

public sealed record PerfilProveedor(MonitorItem Proveedor, IReadOnlyList<AnioProveedor> PorAnio, IReadOnlyList<string> Modalidades,
    IReadOnlyList<ContratoProveedor> Contratos)
{
    /// <summary>The UNSPSC families (4 digits) the supplier was contracted for, most contracts first.</summary>
    public IReadOnlyList<string> Familias => Contratos.Where(c => c.Vigente && c.Unspsc is { Length: >= 4 })
        .GroupBy(c => c.Unspsc![..4]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();

    /// <summary>A supplier's profile over the filter's window: its numbers, its years, its modalities and its contracts.</summary>
    public static PerfilProveedor Of(ProveedorHistoria h, MonitorFilter f, MonitorOptions o, MonitorSnapshot.Built data)
    {
        var resumen = MonitorCounts.Resumen(h, f.Desde, f.Hasta, o.AniosNuevo, o.Municipios, data.HistoriaDesde, data.CertificacionesDe(h.Nit));
        var porAnio = Enumerable.Range(f.Desde, f.Hasta - f.Desde + 1)
            .Select(y => new AnioProveedor(y, h.Participaciones.Count(p => p.Anio == y), h.Participaciones.Count(p => p.Anio == y && p.Adjudicado)))
            .ToList();
        var contratos = h.Contratos.Where(c => (c.AnioProceso ?? c.FechaFirma?.Year) is { } y && y >= f.Desde && y <= f.Hasta)
            .OrderByDescending(c => c.FechaFirma).ToList();
        return new PerfilProveedor(MonitorItem.From(resumen), porAnio, resumen.Modalidades, contratos);
    }
}
