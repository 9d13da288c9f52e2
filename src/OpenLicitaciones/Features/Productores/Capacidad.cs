using System.Globalization;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Productores;

/// <summary>The unit a capacity or a demand is summed in once normalised (CONTRACTS §7): only like with like.</summary>
public enum UnidadBase { Kilogramos, Unidades, Huevos, Litros }

/// <summary>A capacity as its source published it: nothing is rounded or converted here.</summary>
public sealed record CapacidadPublicada(double? Cantidad, string? Unidad, string? Periodo);

/// <summary>A capacity per month in a <see cref="UnidadBase"/>, or the reason it cannot be given as one.</summary>
public sealed record CapacidadMensual(double? PorMes, UnidadBase? Unidad, string? Motivo)
{
    public bool Normalizada => PorMes is not null;
}

/// <summary>Coverage of a declared demand by local capacity (CONTRACTS §7), or why it cannot be computed.</summary>
public sealed record CoberturaDemanda(double? Razon, double? Brecha, UnidadBase? Unidad, string? Motivo);

/// <summary>
/// The published units and periods the registry and the declared demand accept, and how a quantity becomes a monthly
/// figure. Pure: the public sees these numbers, so they are checked by hand-computed tables.
/// </summary>
public static class Capacidad
{
    private const double DiasPorMes = 365.0 / 12;

    // Factor to the base unit; null when the unit is known but has no fixed weight (a "bulto" varies by product).
    private static readonly Dictionary<string, (UnidadBase Base, double? Factor)> Unidades = new()
    {
        ["toneladas"] = (UnidadBase.Kilogramos, 1000), ["tonelada"] = (UnidadBase.Kilogramos, 1000), ["t"] = (UnidadBase.Kilogramos, 1000),
        ["kilogramos"] = (UnidadBase.Kilogramos, 1), ["kilogramo"] = (UnidadBase.Kilogramos, 1), ["kg"] = (UnidadBase.Kilogramos, 1),
        // The Colombian libra and arroba: 500 g and 25 libras.
        ["libras"] = (UnidadBase.Kilogramos, 0.5), ["libra"] = (UnidadBase.Kilogramos, 0.5),
        ["arrobas"] = (UnidadBase.Kilogramos, 12.5), ["arroba"] = (UnidadBase.Kilogramos, 12.5),
        ["huevos"] = (UnidadBase.Huevos, 1), ["huevo"] = (UnidadBase.Huevos, 1), ["docenas de huevos"] = (UnidadBase.Huevos, 12),
        ["unidades"] = (UnidadBase.Unidades, 1), ["unidad"] = (UnidadBase.Unidades, 1),
        ["litros"] = (UnidadBase.Litros, 1), ["litro"] = (UnidadBase.Litros, 1),
        ["bultos"] = (UnidadBase.Kilogramos, null), ["bulto"] = (UnidadBase.Kilogramos, null),
        ["racimos"] = (UnidadBase.Unidades, null), ["canastillas"] = (UnidadBase.Kilogramos, null), ["cajas"] = (UnidadBase.Unidades, null),
    };

    private static readonly Dictionary<string, double> MesesPorPeriodo = new()
    {
        ["dia"] = 1 / DiasPorMes, ["semana"] = 7 / DiasPorMes, ["quincena"] = 0.5, ["mes"] = 1, ["bimestre"] = 2, ["trimestre"] = 3,
        ["semestre"] = 6, ["ano"] = 12, ["anio"] = 12,
    };

    public static bool UnidadConocida(string unidad) => Unidades.ContainsKey(PlainText.Fold(unidad));

    public static bool PeriodoConocido(string periodo) => MesesPorPeriodo.ContainsKey(PlainText.Fold(periodo));

    /// <summary>The units a form offers: each once, in the plural.</summary>
    public static IReadOnlyList<string> UnidadesPlurales { get; } = Unidades.Keys.Where(u => u.EndsWith('s')).ToList();

    /// <summary>The published units, for messages that list them.</summary>
    public static string UnidadesAceptadas => string.Join(", ", UnidadesPlurales);

    public static string PeriodosAceptados => "día, semana, quincena, mes, bimestre, trimestre, semestre, año";

    /// <summary>A published capacity per month: tonnes become kilograms, a semester's output is divided by six.</summary>
    public static CapacidadMensual Mensual(CapacidadPublicada publicada)
    {
        if (publicada.Cantidad is not { } cantidad) return new(null, null, "La asociación no publicó su capacidad.");
        if (publicada.Unidad is null || !Unidades.TryGetValue(PlainText.Fold(publicada.Unidad), out var unidad))
            return new(null, null, $"La unidad «{publicada.Unidad ?? "sin unidad"}» no se reconoce.");
        if (unidad.Factor is not { } factor)
            return new(null, null, $"«{publicada.Unidad}» no tiene un peso o un número fijo: no se puede sumar con otras cantidades.");
        if (publicada.Periodo is null || !MesesPorPeriodo.TryGetValue(PlainText.Fold(publicada.Periodo), out var meses))
            return new(null, null, $"El periodo «{publicada.Periodo ?? "sin periodo"}» no se reconoce.");
        return new(cantidad * factor / meses, unidad.Base, null);
    }

    /// <summary>A declared monthly demand in its base unit, or null when its unit has none.</summary>
    public static (double Cantidad, UnidadBase Unidad)? DemandaMensual(double cantidad, string unidad) =>
        Mensual(new CapacidadPublicada(cantidad, unidad, "mes")) is { PorMes: { } porMes, Unidad: { } baseUnit } ? (porMes, baseUnit) : null;

    /// <summary>
    /// Local monthly capacity ÷ declared monthly demand of one product, and the gap (demand − capacity, negative when
    /// capacity exceeds it). A product nobody registered has capacity zero; one whose capacity was not published or
    /// cannot be normalised, or whose units differ from the demand's, has no coverage and says why.
    /// </summary>
    public static CoberturaDemanda Cobertura(IReadOnlyList<CapacidadMensual> capacidades, double demandaMensual, UnidadBase unidadDemanda)
    {
        if (demandaMensual <= 0) return new(null, null, unidadDemanda, "La demanda declarada es cero: no hay nada que cubrir.");
        var sinNormalizar = capacidades.FirstOrDefault(c => !c.Normalizada);
        var comparables = capacidades.Where(c => c.Normalizada && c.Unidad == unidadDemanda).ToList();
        if (capacidades.Count > 0 && comparables.Count == 0)
            return sinNormalizar is not null
                ? new(null, null, unidadDemanda, sinNormalizar.Motivo)
                : new(null, null, unidadDemanda,
                    $"La capacidad está en {Nombre(capacidades[0].Unidad!.Value)} y la demanda en {Nombre(unidadDemanda)}: no son comparables.");
        var capacidad = comparables.Sum(c => c.PorMes!.Value);
        return new(capacidad / demandaMensual, demandaMensual - capacidad, unidadDemanda, null);
    }

    public static string Nombre(UnidadBase unidad) => unidad switch
    {
        UnidadBase.Kilogramos => "kilogramos",
        UnidadBase.Huevos => "huevos",
        UnidadBase.Litros => "litros",
        _ => "unidades",
    };

    public static string Abreviatura(UnidadBase unidad) => unidad switch
    {
        UnidadBase.Kilogramos => "kg",
        UnidadBase.Huevos => "huevos",
        UnidadBase.Litros => "L",
        _ => "unid.",
    };

    /// <summary>"53.333 kg/mes" — whole units, es-CO grouping.</summary>
    public static string Texto(double cantidad, UnidadBase unidad) =>
        $"{Math.Round(cantidad).ToString("N0", CultureInfo.GetCultureInfo("es-CO"))} {Abreviatura(unidad)}/mes";

    /// <summary>"320 toneladas por semestre", as the source published it.</summary>
    public static string TextoPublicado(CapacidadPublicada p) => p.Cantidad is { } c
        ? $"{c.ToString("#,0.##", CultureInfo.GetCultureInfo("es-CO"))} {p.Unidad} por {p.Periodo}"
        : "Sin dato";
}
