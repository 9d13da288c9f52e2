using System.Globalization;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Indicadores;

/// <summary>How the board writes its numbers in Colombian Spanish: "52,3 %", "1,21", "5,6 proponentes", "▲ 3,2 p. p.".</summary>
public static class FormatoIndicador
{
    private static readonly CultureInfo Co = CultureInfo.GetCultureInfo("es-CO");

    public static string Valor(double? valor, TipoValor tipo) => valor is not { } v ? "Sin datos" : tipo switch
    {
        TipoValor.Proporcion => Porcentaje(v),
        TipoValor.Razon => v.ToString("0.00", Co),
        _ => v.ToString("0.0", Co),
    };

    public static string Porcentaje(double v) => (v * 100).ToString("0.0", Co) + " %";

    /// <summary>
    /// The change from the previous period: percentage points for shares, plain difference otherwise; null when either
    /// period has no value (a change from "sin datos" is not a change).
    /// </summary>
    public static string? Cambio(double? actual, double? anterior, TipoValor tipo)
    {
        if (actual is not { } a || anterior is not { } b) return null;
        var d = a - b;
        var decimales = tipo == TipoValor.Razon ? 2 : 1;
        var magnitud = Math.Round(Math.Abs(tipo == TipoValor.Proporcion ? d * 100 : d), decimales);
        if (magnitud == 0) return "sin cambio";
        var texto = magnitud.ToString(decimales == 2 ? "0.00" : "0.0", Co) + (tipo == TipoValor.Proporcion ? " p. p." : "");
        return (d > 0 ? "▲ sube " : "▼ baja ") + texto;
    }

    /// <summary>"80 % de los contratos (4 de 5); 100 % del valor" — the known part of the base, in count and value.</summary>
    public static string Cobertura(CoberturaDatos c, string unidad)
    {
        if (c.Todos == 0) return "Sin registros en el periodo.";
        var articulo = unidad is "participaciones" or "líneas del plan" ? "las" : "los";
        var conteo = $"{Porcentaje(c.PorConteo!.Value)} de {articulo} {unidad} ({c.Conocidos.ToString("N0", Co)} de {c.Todos.ToString("N0", Co)})";
        return c.PorValor is { } v && c.ValorTotal > 0 ? $"{conteo}; {Porcentaje(v)} del valor" : conteo;
    }

    /// <summary>The numerator and the denominator as they read: pesos, counts, or rates for G5.</summary>
    public static string Cantidad(double? cantidad, bool pesos, TipoValor tipo) => cantidad is not { } c ? "—"
        : pesos ? "$ " + c.ToString("#,0", Co)
        : tipo == TipoValor.Razon ? Porcentaje(c)
        : c.ToString(c % 1 == 0 ? "#,0" : "#,0.0", Co);

    /// <summary>Whether an indicator's numerator and denominator are pesos.</summary>
    public static bool EnPesos(string codigo) => codigo is "g1" or "g10" or "g12";
}

/// <summary>The card's small trend line: SVG polyline points per run of consecutive known values (a gap where a period has none).</summary>
public static class Sparkline
{
    public static IReadOnlyList<string> Tramos(IReadOnlyList<double?> valores, double ancho, double alto)
    {
        var conocidos = valores.OfType<double>().ToList();
        if (conocidos.Count == 0) return [];
        var (min, max) = (conocidos.Min(), conocidos.Max());
        var rango = max - min;
        var paso = valores.Count > 1 ? ancho / (valores.Count - 1) : 0;
        var tramos = new List<string>();
        var actual = new List<string>();
        for (var i = 0; i < valores.Count; i++)
        {
            if (valores[i] is not { } v)
            {
                if (actual.Count > 0) tramos.Add(string.Join(' ', actual));
                actual.Clear();
                continue;
            }
            // A flat series sits in the middle; otherwise the lowest value touches the bottom and the highest the top (2 px margin).
            var y = rango == 0 ? alto / 2 : 2 + (alto - 4) * (1 - (v - min) / rango);
            actual.Add(string.Create(CultureInfo.InvariantCulture, $"{i * paso:0.#},{y:0.#}"));
        }
        if (actual.Count > 0) tramos.Add(string.Join(' ', actual));
        return tramos;
    }
}
