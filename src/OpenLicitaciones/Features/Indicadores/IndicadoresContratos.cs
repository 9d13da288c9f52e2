using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Indicadores;

/// <summary>A counted contract (set A) of one period as the contract-based indicators need it.</summary>
public sealed record ContratoIndicador(string Id, DateOnly Firma, long? Valor, string? Proveedor, EstadoMujer Mujer, bool GeneroRegistrado, bool? Pyme);

/// <summary>
/// One indicator's value in one period: the share (null with the reason when it cannot be computed), its numerator and
/// denominator, and how much of its base is known.
/// </summary>
public sealed record Cifra(double? Valor, double? Numerador, double? Denominador, CoberturaDatos Cobertura, string? Motivo)
{
    public const string SinDatos = "Sin datos en este periodo.";
    public const string SinBaseConocida = "Sin datos: ningún registro del periodo tiene el dato que la cifra necesita.";

    /// <summary>A period without records.</summary>
    public static readonly Cifra Vacia = new(null, 0, 0, new CoberturaDatos(0, 0, 0, 0), SinDatos);

    /// <summary>numerador ÷ denominador over the known base, or "sin datos" when that base is empty.</summary>
    public static Cifra Proporcion(double numerador, double denominador, CoberturaDatos cobertura) => denominador == 0
        ? new Cifra(null, numerador, denominador, cobertura, SinBaseConocida)
        : new Cifra(numerador / denominador, numerador, denominador, cobertura, null);

    /// <summary>A known base under 30 % of the period's records (CONTRACTS §7): shown greyed, "cobertura baja".</summary>
    public bool CoberturaBaja => Valor is not null && Cobertura.Baja;
}

/// <summary>
/// G1, G2, G3, G7 and G12 (anchors §6.2, CONTRACTS §7) over the counted contracts of one period. Unknown is never zero:
/// every share leaves unknowns out of its denominator and reports the coverage beside it.
/// </summary>
public static class IndicadoresContratos
{
    /// <summary>G1: share of awarded value that went to women-led suppliers.</summary>
    public static Cifra G1(IReadOnlyList<ContratoIndicador> contratos) =>
        Share(contratos, c => c.Mujer.Lider, c => c.Valor, porValor: true);

    /// <summary>G2: share of contracts that went to women-led suppliers.</summary>
    public static Cifra G2(IReadOnlyList<ContratoIndicador> contratos) =>
        Share(contratos, c => c.Mujer.Lider, _ => 1, porValor: false);

    /// <summary>
    /// G3: women-led share of the unique suppliers awarded in the period. A supplier's status is the one of its most recent
    /// contract of the period whose status is known; unknown if none is.
    /// </summary>
    public static Cifra G3(IReadOnlyList<ContratoIndicador> contratos)
    {
        var proveedores = contratos.Where(c => c.Proveedor is not null).GroupBy(c => c.Proveedor!)
            .Select(g => g.OrderBy(c => c.Firma).Select(c => c.Mujer.Lider).LastOrDefault(l => l is not null))
            .ToList();
        if (proveedores.Count == 0) return Cifra.Vacia;
        var conocidos = proveedores.Where(l => l is not null).ToList();
        return Cifra.Proporcion(conocidos.Count(l => l == true), conocidos.Count, new CoberturaDatos(conocidos.Count, proveedores.Count, 0, 0));
    }

    /// <summary>G7: completeness of the legal representative's gender — contracts that record it ÷ all contracts.</summary>
    public static Cifra G7(IReadOnlyList<ContratoIndicador> contratos)
    {
        if (contratos.Count == 0) return Cifra.Vacia;
        return Cifra.Proporcion(contratos.Count(c => c.GeneroRegistrado), contratos.Count,
            new CoberturaDatos(contratos.Count, contratos.Count, Valor(contratos), Valor(contratos)));
    }

    /// <summary>G12: share of awarded value that went to MSMEs.</summary>
    public static Cifra G12(IReadOnlyList<ContratoIndicador> contratos) =>
        Share(contratos, c => c.Pyme, c => c.Valor, porValor: true);

    private static Cifra Share(IReadOnlyList<ContratoIndicador> contratos, Func<ContratoIndicador, bool?> marca, Func<ContratoIndicador, long?> peso, bool porValor)
    {
        if (contratos.Count == 0) return Cifra.Vacia;
        // A contract without value cannot weigh in a share of value: it counts as unknown there.
        var conocidos = contratos.Where(c => marca(c) is not null && (!porValor || c.Valor is not null)).ToList();
        return Cifra.Proporcion(conocidos.Where(c => marca(c) == true).Sum(c => peso(c) ?? 0), conocidos.Sum(c => peso(c) ?? 0),
            new CoberturaDatos(conocidos.Count, contratos.Count, Valor(conocidos), Valor(contratos)));
    }

    private static long Valor(IEnumerable<ContratoIndicador> contratos) => contratos.Sum(c => c.Valor ?? 0);
}

/// <summary>A counted contract of the entity in its whole synced history, for G9.</summary>
/// <remarks>A value, not an object: a department's history holds a million of them.</remarks>
public readonly record struct Adjudicacion(string Proveedor, DateTime Firma, long? Valor);

/// <summary>G9: share of the suppliers awarded in a period that are new (the Monitor's rule, <see cref="ProveedorNuevo"/>), by count and by value.</summary>
public static class ProveedoresNuevos
{
    /// <param name="historia">Every counted contract of the entity, all years.</param>
    /// <param name="inicio">The period's first day.</param>
    /// <param name="fin">The day after the period.</param>
    public static (Cifra PorConteo, Cifra PorValor) G9(IReadOnlyList<Adjudicacion> historia, DateTime inicio, DateTime fin, int anios, DateTime? historiaDesde) =>
        G9(historia.ToLookup(a => a.Proveedor), inicio, fin, anios, historiaDesde);

    /// <summary>The same over the history already grouped by supplier, so that a board of many periods groups it once.</summary>
    public static (Cifra PorConteo, Cifra PorValor) G9(ILookup<string, Adjudicacion> historia, DateTime inicio, DateTime fin, int anios, DateTime? historiaDesde)
    {
        bool EnPeriodo(Adjudicacion a) => a.Firma >= inicio && a.Firma < fin;
        var proveedores = historia.Where(g => g.Any(EnPeriodo))
            .Select(g => (Nuevo: ProveedorNuevo.Es(g.Where(EnPeriodo).Min(a => a.Firma), g.Select(a => a.Firma), anios, historiaDesde),
                Valor: g.Where(EnPeriodo).Sum(a => a.Valor ?? 0)))
            .ToList();
        if (proveedores.Count == 0) return (Cifra.Vacia, Cifra.Vacia);
        var conocidos = proveedores.Where(p => p.Nuevo is not null).ToList();
        var nuevos = conocidos.Where(p => p.Nuevo == true).ToList();
        var cobertura = new CoberturaDatos(conocidos.Count, proveedores.Count, conocidos.Sum(p => p.Valor), proveedores.Sum(p => p.Valor));
        return (Cifra.Proporcion(nuevos.Count, conocidos.Count, cobertura), Cifra.Proporcion(nuevos.Sum(p => p.Valor), conocidos.Sum(p => p.Valor), cobertura));
    }
}

/// <summary>A current PAA line as G13 needs it: its planned modality (resolved by the shared catalog) and its value.</summary>
public sealed record LineaPlan(string Id, Modalidad Modalidad, long? Valor);

/// <summary>G13: share of the current plan's lines, and of their value, whose planned modality is accessible to small firms (the Banco's rule).</summary>
public static class PlanAccesible
{
    public static (Cifra PorConteo, Cifra PorValor) G13(IReadOnlyList<LineaPlan> lineas)
    {
        if (lineas.Count == 0) return (Cifra.Vacia, Cifra.Vacia);
        // A line without a planned modality (or with one the catalog lacks) cannot be called accessible or not.
        var conocidas = lineas.Where(l => l.Modalidad.Code is not Modalidad.Otra && l.Modalidad != Modalidad.SinDato).ToList();
        var accesibles = conocidas.Where(l => l.Modalidad.Accesible).ToList();
        var cobertura = new CoberturaDatos(conocidas.Count, lineas.Count, conocidas.Sum(l => l.Valor ?? 0), lineas.Sum(l => l.Valor ?? 0));
        return (Cifra.Proporcion(accesibles.Count, conocidas.Count, cobertura),
            Cifra.Proporcion(accesibles.Sum(l => l.Valor ?? 0), conocidas.Sum(l => l.Valor ?? 0), cobertura));
    }
}
