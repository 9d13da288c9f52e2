using System.Globalization;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Banco;

/// <summary>
/// The Banco's filters, read from a URL query (the page and the API share it). Unknown or malformed values are
/// dropped or clamped with a warning in Spanish; nothing a visitor types can cause an error.
/// </summary>
public sealed record BancoFilter
{
    public const int MaxTextLength = 200;
    public static readonly string[] Sorts = ["mes", "-mes", "valor", "-valor", "estado", "-estado"];
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

    public static (BancoFilter Filter, IReadOnlyList<string> Warnings) Parse(Func<string, string?> query, Modalidades modalidades)
    {
        var warnings = new List<string>();
        string? Text(string name)
        {
            var value = query(name)?.Trim();
            if (string.IsNullOrEmpty(value)) return null;
            if (value.Length <= MaxTextLength) return value;
            warnings.Add($"{name}: el texto es muy largo; se usan los primeros {MaxTextLength} caracteres");
            return value[..MaxTextLength];
        }
        bool Flag(string name)
        {
            var value = query(name)?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(value) || value is "false" or "0" or "no") return false;
            if (value is "true" or "1" or "si" or "sí" or "on") return true;
            warnings.Add($"{name}: '{Clip(value)}' no es true ni false; se ignora");
            return false;
        }
        int? MonthKey(string name)
        {
            var value = query(name)?.Trim();
            if (string.IsNullOrEmpty(value)) return null;
            if (DateTime.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d.Year * 100 + d.Month;
            warnings.Add($"{name}: '{Clip(value)}' no es un mes AAAA-MM (p. ej. 2026-03); se ignora");
            return null;
        }
        // Integer pesos in plain digits only: "1.000.000" or "1,5" are ambiguous, so they are reported rather than guessed.
        long? Pesos(string name)
        {
            var value = query(name)?.Trim();
            if (string.IsNullOrEmpty(value)) return null;
            if (value.All(char.IsAsciiDigit) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pesos)) return pesos;
            warnings.Add($"{name}: '{Clip(value)}' no es un valor en pesos enteros (solo dígitos, sin puntos, comas ni $); se ignora");
            return null;
        }

        var familia = Text("familia");
        if (familia is not null)
        {
            var code = familia.StartsWith("V1.", StringComparison.OrdinalIgnoreCase) ? familia[3..] : familia;
            if (code.Length is >= 1 and <= 8 && code.All(char.IsAsciiDigit)) familia = code;
            else
            {
                warnings.Add($"familia: '{Clip(familia)}' no es un código UNSPSC (de 1 a 8 dígitos); se ignora");
                familia = null;
            }
        }
        var modalidad = Text("modalidad");
        if (modalidad is not null && modalidades.ByCode(modalidad) is null && modalidad != "otra")
        {
            warnings.Add($"modalidad: '{Clip(modalidad)}' no es una modalidad conocida; se ignora");
            modalidad = null;
        }
        var estadoText = Text("estado");
        var estado = estadoText is null ? null : BancoStatus.FromSlug(estadoText);
        if (estadoText is not null && estado is null)
            warnings.Add($"estado: '{Clip(estadoText)}' no es un estado ({string.Join(", ", BancoStatus.Orden.Select(BancoStatus.Slug))}); se ignora");
        var orden = Text("orden") ?? "mes";
        if (!Sorts.Contains(orden))
        {
            warnings.Add($"orden: '{Clip(orden)}' no es un orden disponible ({string.Join(", ", Sorts)}); se usa mes");
            orden = "mes";
        }

        var filter = new BancoFilter
        {
            Q = RawRow.SearchText(Text("q"), warnings), Familia = familia, Pae = Flag("pae"), MesDesde = MonthKey("mesDesde"), MesHasta = MonthKey("mesHasta"),
            ValorMin = Pesos("valorMin"), ValorMax = Pesos("valorMax"), Modalidad = modalidad, Estado = estado, Accesible = Flag("accesible"),
            Unidad = Text("unidad"), Orden = orden,
        };
        if (filter.MesDesde > filter.MesHasta)
        {
            warnings.Add("mesDesde es posterior a mesHasta; se intercambian");
            filter = filter with { MesDesde = filter.MesHasta, MesHasta = filter.MesDesde };
        }
        if (filter.ValorMin > filter.ValorMax)
        {
            warnings.Add("valorMin es mayor que valorMax; se intercambian");
            filter = filter with { ValorMin = filter.ValorMax, ValorMax = filter.ValorMin };
        }
        return (filter, warnings);
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>One opportunity as it stands at the moment of the request.</summary>
public sealed record OportunidadActual(Oportunidad Oportunidad, EstadoActual Estado);

public static class BancoQuery
{
    /// <summary>The rows that match a filter at a moment, in the filter's order (ties by month, then line id).</summary>
    public static IReadOnlyList<OportunidadActual> Apply(IEnumerable<Oportunidad> all, BancoFilter f, DateTime now)
    {
        var q = f.Q is null ? null : PlainText.Fold(f.Q);
        var unidad = f.Unidad is null ? null : PlainText.Fold(f.Unidad);
        var rows = all
            .Where(o => q is null || o.Busqueda.Contains(q, StringComparison.Ordinal))
            .Where(o => f.Familia is null || o.Codigos.Any(c => c.StartsWith(f.Familia, StringComparison.Ordinal)))
            .Where(o => !f.Pae || o.Pae)
            .Where(o => f.MesDesde is null || o.MesClave >= f.MesDesde)
            .Where(o => f.MesHasta is null || o.MesClave <= f.MesHasta)
            .Where(o => f.ValorMin is null || o.Valor >= f.ValorMin)
            .Where(o => f.ValorMax is null || o.Valor <= f.ValorMax)
            .Where(o => f.Modalidad is null || o.Modalidad.Code == f.Modalidad)
            .Where(o => !f.Accesible || o.Modalidad.Accesible)
            .Where(o => unidad is null || (o.Unidad is not null && PlainText.Fold(o.Unidad) == unidad))
            .Select(o => new OportunidadActual(o, BancoStatus.Of(o.Procesos, o.Contratos, now)))
            .Where(r => f.Estado is null || r.Estado.Estado == f.Estado);

        var descending = f.Orden.StartsWith('-');
        Func<OportunidadActual, long> key = f.Orden.TrimStart('-') switch
        {
            "valor" => r => r.Oportunidad.Valor ?? -1,
            "estado" => r => (long)r.Estado.Estado,
            _ => r => r.Oportunidad.MesClave ?? 999_999,
        };
        var ordered = descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
        return ordered.ThenBy(r => r.Oportunidad.MesClave ?? 999_999).ThenBy(r => r.Oportunidad.Id, StringComparer.Ordinal).ToList();
    }
}
