using System.Globalization;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Features.Monitor;

/// <summary>The Monitor's filters, read from a URL query (the page and the API share it) and written back to one.</summary>
public sealed record MonitorFilter
{
    public const int Years = 6;
    public const string DefaultOrden = "-participaciones";
    public static readonly string[] Sorts =
    [
        "nombre", "participaciones", "adjudicaciones", "tasaExito", "contratos", "valorContratado", "primerAnio", "ultimoAnio",
        "nuevo", "pyme", "local", "mujer",
    ];
    public static readonly string[] Parameters = ["q", "mujer", "nuevo", "pyme", "local", "modalidad", "desde", "hasta", "orden"];

    public string? Q { get; init; }
    public string? Mujer { get; init; }
    public bool Nuevo { get; init; }
    public bool Pyme { get; init; }
    public bool Local { get; init; }
    public string? Modalidad { get; init; }
    public int Desde { get; init; }
    public int Hasta { get; init; }
    public string Orden { get; init; } = DefaultOrden;

    /// <summary>
    /// The filter a query asks for; what cannot be used is left out with a warning in <paramref name="query"/>. Without
    /// years, the window is the <see cref="Years"/> years up to <paramref name="currentYear"/>.
    /// </summary>
    public static MonitorFilter Parse(QueryReader query, Modalidades modalidades, int currentYear)
    {
        var q = query.Search("q");
        var mujer = query.Code("mujer", m => m is TriState.Si or TriState.No or TriState.SinDato, "si, no ni sin-dato");
        var (nuevo, pyme, local) = (query.Flag("nuevo"), query.Flag("pyme"), query.Flag("local"));
        var modalidad = query.Code("modalidad", modalidades.IsFilterCode, "una modalidad conocida");
        var hasta = query.Year("hasta", currentYear);
        var desde = query.Year("desde", hasta - (Years - 1));
        var (from, to) = query.Range<int>("desde", desde, "hasta", hasta, "es posterior a");
        return new MonitorFilter
        {
            Q = q, Mujer = mujer, Nuevo = nuevo, Pyme = pyme, Local = local, Modalidad = modalidad, Desde = from!.Value, Hasta = to!.Value,
            Orden = query.Order("orden", Sorts, DefaultOrden),
        };
    }

    /// <summary>The query string of this filter; the default window and order are left out so shared links stay short.</summary>
    public string ToQuery(int currentYear)
    {
        var parts = new List<(string, string?)>
        {
            ("q", Q), ("mujer", Mujer), ("nuevo", Nuevo ? "true" : null), ("pyme", Pyme ? "true" : null), ("local", Local ? "true" : null),
            ("modalidad", Modalidad),
            ("desde", Desde == Hasta - (Years - 1) && Hasta == currentYear ? null : Desde.ToString(CultureInfo.InvariantCulture)),
            ("hasta", Hasta == currentYear ? null : Hasta.ToString(CultureInfo.InvariantCulture)), ("orden", Orden == DefaultOrden ? null : Orden),
        };
        return string.Join("&", parts.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }
}
