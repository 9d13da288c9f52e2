using System.Globalization;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Monitor;

/// <summary>A process as the red flags see it: one record per process, not one per SECOP phase row.</summary>
/// <param name="Proponentes">Bidders known for the process; null when unknown.</param>
/// <param name="Valor">Awarded or contract value, else the base price; null when unknown.</param>
public sealed record ProcesoMonitor(
    string Id, string ModalidadCodigo, bool Competitiva, string? Estado, DateTime? FechaPublicacion, DateTime? FechaRecepcion,
    int? Proponentes, long? Valor, bool Adjudicado, bool Cancelado);

/// <summary>One award or contract to a supplier.</summary>
public sealed record AdjudicacionMonitor(string ProcesoId, string ProveedorId, long? Valor, string? SegmentoUnspsc, bool Directa);

/// <summary>A further figure of an alert, such as the top-1 share of the concentration.</summary>
public sealed record CifraAlerta(string Nombre, double? Valor);

/// <summary>One red flag over a set of processes, awards or suppliers (<paramref name="Unidad"/> says which).</summary>
/// <param name="Valor">Share or index computed; null when nothing could be computed (N/A).</param>
/// <param name="Cobertura">Items the flag could be computed for.</param>
/// <param name="NoAplica">Items left out as N/A (unknown data).</param>
/// <param name="Marcados">Items flagged.</param>
/// <param name="Ejemplos">Ids of up to <see cref="RedFlags.MaxEjemplos"/> items to review first.</param>
public sealed record Alerta(
    string Codigo, string Nombre, string Formula, string Umbral, string Unidad,
    double? Valor, int Cobertura, int NoAplica, int Marcados, IReadOnlyList<string> Ejemplos)
{
    public IReadOnlyList<CifraAlerta> Cifras { get; init; } = [];
}

/// <summary>
/// The standard red flags (OCP 2024 codes, Cardinal's formulas; anchors §6.3) as pure functions.
/// Cancelled processes are left out of every flag: they produced no contract to review.
/// </summary>
public static class RedFlags
{
    public const string Aviso = "Una alerta es un motivo para revisar, no una prueba.";
    public const int MaxEjemplos = 10;

    /// <summary>The modality code of a spelling the catalog does not know (CONTRACTS §3).</summary>
    public const string ModalidadDesconocida = Modalidad.Otra;

    private static readonly CultureInfo EsCo = CultureInfo.GetCultureInfo("es-CO");

    /// <summary>R018: share of competitive processes that received exactly one bid.</summary>
    public static Alerta UnicoProponente(IEnumerable<ProcesoMonitor> procesos)
    {
        var competitivos = procesos.Where(p => p.Competitiva && !p.Cancelado).ToList();
        // Every 0 is N/A: SECOP writes 0 for "not applicable" while a process is in Evaluación (FINDINGS §2), a process
        // still open has no offers yet, one that really got none ends declared void (cancelled), and an awarded one
        // cannot have had none.
        var conocidos = competitivos.Where(p => p.Proponentes > 0).ToList();
        var unicos = conocidos.Where(p => p.Proponentes == 1).Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
        return new Alerta("R018", "Procesos competitivos con un solo proponente",
            "Procesos competitivos que recibieron una sola oferta, divididos entre los procesos competitivos cuyo número de proponentes se conoce.",
            "Se marca todo proceso competitivo con 1 proponente.", "procesos",
            Proporcion(unicos.Count, conocidos.Count), conocidos.Count, competitivos.Count - conocidos.Count, unicos.Count, Ejemplos(unicos));
    }

    /// <summary>R013: share of direct (non-competitive) awards, by number of processes and by value.</summary>
    public static (Alerta PorNumero, Alerta PorValor) AdjudicacionDirecta(IEnumerable<ProcesoMonitor> procesos)
    {
        const string umbral = "Sin umbral fijo: se compara con otros años y otras entidades.";
        var vigentes = procesos.Where(p => !p.Cancelado).ToList();
        // An unknown spelling may or may not have been a direct award.
        var conModalidad = vigentes.Where(p => p.ModalidadCodigo != ModalidadDesconocida).ToList();
        var directos = conModalidad.Where(p => !p.Competitiva).Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
        var porNumero = new Alerta("R013", "Adjudicación directa (por número de procesos)",
            "Procesos por contratación directa u otra modalidad sin competencia, divididos entre todos los procesos no cancelados de modalidad conocida.",
            umbral, "procesos",
            Proporcion(directos.Count, conModalidad.Count), conModalidad.Count, vigentes.Count - conModalidad.Count, directos.Count, Ejemplos(directos));

        // SECOP writes 0 where it has no price, so only positive values are known.
        var conValor = conModalidad.Where(p => p.Valor > 0).ToList();
        var directosConValor = conValor.Where(p => !p.Competitiva).OrderByDescending(p => p.Valor).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        var total = conValor.Sum(p => p.Valor!.Value);
        var porValor = new Alerta("R013", "Adjudicación directa (por valor)",
            "Valor de los procesos sin competencia dividido entre el valor de todos los procesos no cancelados de modalidad y valor conocidos.",
            umbral, "procesos",
            total == 0 ? null : (double)directosConValor.Sum(p => p.Valor!.Value) / total,
            conValor.Count, vigentes.Count - conValor.Count, directosConValor.Count, Ejemplos(directosConValor.Select(p => p.Id)));
        return (porNumero, porValor);
    }

    /// <summary>
    /// R040: Herfindahl-Hirschman index (0–1) of the suppliers' shares of awarded value, with the top-1 and top-4 shares.
    /// The whole market is the flagged item: <see cref="Alerta.Marcados"/> is 1 when HHI &gt; 0.25, and the examples are
    /// the top four suppliers, by value then id.
    /// </summary>
    public static Alerta Concentracion(IEnumerable<AdjudicacionMonitor> adjudicaciones)
    {
        var todas = adjudicaciones.ToList();
        var conValor = todas.Where(a => a.Valor > 0).ToList();
        var total = conValor.Sum(a => a.Valor!.Value);
        var proveedores = conValor.GroupBy(a => a.ProveedorId)
            .Select(g => (Id: g.Key, Cuota: (double)g.Sum(a => a.Valor!.Value) / total))
            .OrderByDescending(s => s.Cuota).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        double? hhi = proveedores.Count == 0 ? null : proveedores.Sum(s => s.Cuota * s.Cuota);
        double? top1 = proveedores.Count == 0 ? null : proveedores[0].Cuota;
        double? top4 = proveedores.Count == 0 ? null : proveedores.Take(4).Sum(s => s.Cuota);
        return new Alerta("R040", "Concentración de proveedores",
            "Suma de los cuadrados de la parte del valor adjudicado que ganó cada proveedor (índice de Herfindahl-Hirschman, de 0 a 1).",
            "Menos de 0,15: baja; de 0,15 a 0,25: moderada; más de 0,25: alta (se marca).", "adjudicaciones",
            hhi, conValor.Count, todas.Count - conValor.Count, hhi > 0.25 ? 1 : 0, proveedores.Take(4).Select(s => s.Id).ToList())
        {
            Cifras =
            [
                new("Parte del primer proveedor", top1),
                new("Parte de los cuatro primeros", top4),
                new("Proveedores con valor adjudicado", proveedores.Count),
            ],
        };
    }

    /// <summary>R003: competitive processes whose period to submit offers is shorter than the minimum of their modality.</summary>
    public static Alerta PlazoCorto(IEnumerable<ProcesoMonitor> procesos, IReadOnlyDictionary<string, int> umbralPorModalidad, int umbralPorDefecto = 15)
    {
        var competitivos = procesos.Where(p => p.Competitiva && !p.Cancelado).ToList();
        var medidos = competitivos
            .Select(p => (p.Id, Dias: DiasParaOfertar(p), Minimo: umbralPorModalidad.GetValueOrDefault(p.ModalidadCodigo, umbralPorDefecto)))
            .Where(x => x.Dias is not null).ToList();
        var cortos = medidos.Where(x => x.Dias < x.Minimo).OrderBy(x => x.Dias).ThenBy(x => x.Id, StringComparer.Ordinal).Select(x => x.Id).ToList();
        var porModalidad = umbralPorModalidad.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"; {kv.Key}: menos de {kv.Value}");
        return new Alerta("R003", "Plazo corto para presentar ofertas",
            "Días calendario entre la publicación y el cierre de ofertas de cada proceso competitivo, comparados con el mínimo de su modalidad.",
            $"Menos de {umbralPorDefecto} días{string.Concat(porModalidad)}.", "procesos",
            Proporcion(cortos.Count, medidos.Count), medidos.Count, competitivos.Count - medidos.Count, cortos.Count, Ejemplos(cortos));
    }

    /// <summary>
    /// R048: suppliers with ≥ <paramref name="minimoProcesos"/> awarded processes whose number of distinct UNSPSC segments is
    /// an upper outlier (≥ Q3 + 1.5·IQR) among them. Cifras hold Q1, Q3 and that limit.
    /// </summary>
    public static Alerta Multiobjeto(IEnumerable<AdjudicacionMonitor> adjudicaciones, int minimoProcesos = 20)
    {
        var proveedores = adjudicaciones.GroupBy(a => a.ProveedorId).Select(g => (
                Id: g.Key,
                Procesos: g.Select(a => a.ProcesoId).Distinct().Count(),
                Segmentos: g.Select(a => a.SegmentoUnspsc).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().Count()))
            .ToList();
        var medidos = proveedores.Where(p => p.Procesos >= minimoProcesos && p.Segmentos > 0).ToList();
        var valores = medidos.Select(p => (double)p.Segmentos).Order().ToList();
        double? q1 = valores.Count == 0 ? null : Cuartil(valores, 0.25);
        double? q3 = valores.Count == 0 ? null : Cuartil(valores, 0.75);
        var limite = q3 + 1.5 * (q3 - q1);
        // With IQR = 0 the limit equals Q3 and "≥" alone would flag every supplier at the upper quartile.
        var marcados = medidos.Where(p => p.Segmentos >= limite && p.Segmentos > q3)
            .OrderByDescending(p => p.Segmentos).ThenBy(p => p.Id, StringComparer.Ordinal).Select(p => p.Id).ToList();
        var hoy = limite is { } l ? $" (con estos datos, {l.ToString("0.##", EsCo)} segmentos)" : "";
        return new Alerta("R048", "Contratista multiobjeto",
            $"Segmentos UNSPSC distintos en que ganó cada proveedor con {minimoProcesos} o más procesos, comparados con los de los demás proveedores.",
            $"Al menos Q3 + 1,5 × rango intercuartílico y más que Q3{hoy}.", "proveedores",
            Proporcion(marcados.Count, medidos.Count), medidos.Count, proveedores.Count - medidos.Count, marcados.Count, Ejemplos(marcados))
        {
            Cifras = [new("Primer cuartil (Q1)", q1), new("Tercer cuartil (Q3)", q3), new("Límite", limite)],
        };
    }

    /// <summary>
    /// Quartile of sorted values by linear interpolation between closest ranks (Excel QUARTILE.INC, numpy's default):
    /// the value at position (n − 1)·p, counting from 0.
    /// </summary>
    public static double Cuartil(IReadOnlyList<double> ordenados, double p)
    {
        var h = (ordenados.Count - 1) * p;
        var i = (int)Math.Floor(h);
        return i + 1 < ordenados.Count ? ordenados[i] + (h - i) * (ordenados[i + 1] - ordenados[i]) : ordenados[i];
    }

    // Calendar days, as a notice reads: published on the 1st and closing on the 16th is 15 days, whatever the hours.
    // A closing before the publication is a data error, not a short period.
    private static int? DiasParaOfertar(ProcesoMonitor p) =>
        p is { FechaPublicacion: { } pub, FechaRecepcion: { } rec } && rec.Date >= pub.Date ? (rec.Date - pub.Date).Days : null;

    private static double? Proporcion(int parte, int total) => total == 0 ? null : (double)parte / total;

    private static IReadOnlyList<string> Ejemplos(IEnumerable<string> ids) => ids.Take(MaxEjemplos).ToList();
}
