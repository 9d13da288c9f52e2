using System.Globalization;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Features.Banco;

/// <summary>The Banco's filters, read from a URL query (the page and the API share it) and written back to one.</summary>
public sealed record BancoFilter
{
    public static readonly string[] Sorts = ["mes", "valor", "estado"];
    public static readonly string[] Parameters =
        ["q", "familia", "pae", "mesDesde", "mesHasta", "valorMin", "valorMax", "modalidad", "estado", "accesible", "unidad", "orden"];

    public string? Q { get; init; }
    public string? Familia { get; init; }
    public bool Pae { get; init; }
    public int? MesDesde { get; init; }
    public int? MesHasta { get; init; }
    public long? ValorMin { get; init; }
    public long? ValorMax { get; init; }
    public string? Modalidad { get; init; }
    public EstadoBanco? Estado { get; init; }
    public bool Accesible { get; init; }
    public string? Unidad { get; init; }
    public string Orden { get; init; } = "mes";

    /// <summary>The filter a query asks for; what cannot be used is left out with a warning in <paramref name="query"/>.</summary>
    public static BancoFilter Parse(QueryReader query, Modalidades modalidades)
    {
        var filter = new BancoFilter
        {
            Q = query.Search("q"),
            Familia = query.UnspscPrefix("familia"),
            Pae = query.Flag("pae"),
            MesDesde = query.Month("mesDesde"),
            MesHasta = query.Month("mesHasta"),
            ValorMin = query.Pesos("valorMin"),
            ValorMax = query.Pesos("valorMax"),
            Modalidad = query.Code("modalidad", modalidades.IsFilterCode, "una modalidad conocida"),
            Estado = query.Slug("estado", BancoStatus.FromSlug, $"un estado ({string.Join(", ", BancoStatus.Orden.Select(BancoStatus.Slug))})"),
            Accesible = query.Flag("accesible"),
            Unidad = query.Text("unidad"),
            Orden = query.Order("orden", Sorts, "mes"),
        };
        var (mesDesde, mesHasta) = query.Range("mesDesde", filter.MesDesde, "mesHasta", filter.MesHasta, "es posterior a");
        var (valorMin, valorMax) = query.Range("valorMin", filter.ValorMin, "valorMax", filter.ValorMax, "es mayor que");
        return filter with { MesDesde = mesDesde, MesHasta = mesHasta, ValorMin = valorMin, ValorMax = valorMax };
    }

    /// <summary>The query string of this filter (only what is set), for links, sharing and exports.</summary>
    public string ToQuery()
    {
        var parts = new List<(string, string?)>
        {
            ("q", Q), ("familia", Familia), ("pae", Pae ? "true" : null), ("mesDesde", Month(MesDesde)), ("mesHasta", Month(MesHasta)),
            ("valorMin", ValorMin?.ToString(CultureInfo.InvariantCulture)), ("valorMax", ValorMax?.ToString(CultureInfo.InvariantCulture)),
            ("modalidad", Modalidad), ("estado", Estado is { } e ? BancoStatus.Slug(e) : null), ("accesible", Accesible ? "true" : null),
            ("unidad", Unidad), ("orden", Orden == "mes" ? null : Orden),
        };
        return string.Join("&", parts.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }

    public static string? Month(int? key) => key is { } k ? $"{k / 100:D4}-{k % 100:D2}" : null;
}
