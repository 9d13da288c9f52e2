using System.Globalization;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Monitor;

/// <summary>The Monitor's filters from a URL query; bad values are dropped or clamped with a Spanish warning.</summary>
public sealed record MonitorFilter
{
    public const int Years = 6;
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
    public string Orden { get; init; } = "-participaciones";

    public static (MonitorFilter Filter, IReadOnlyList<string> Warnings) Parse(Func<string, string?> query, Modalidades modalidades, int currentYear)
    {
        var warnings = new List<string>();
        string? Text(string name)
        {
            var value = query(name)?.Trim();
            if (string.IsNullOrEmpty(value)) return null;
            if (value.Length <= BancoFilter.MaxTextLength) return value;
            warnings.Add($"{name}: el texto es muy largo; se usan los primeros {BancoFilter.MaxTextLength} caracteres");
            return value[..BancoFilter.MaxTextLength];
        }
        bool Flag(string name)
        {
            var value = Text(name)?.ToLowerInvariant();
            if (value is null or "false" or "0" or "no") return false;
            if (value is "true" or "1" or "si" or "sí") return true;
            warnings.Add($"{name}: '{Clip(value)}' no es true ni false; se ignora");
            return false;
        }
        int Year(string name, int fallback)
        {
            var value = Text(name);
            if (value is null) return fallback;
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100) return y;
            warnings.Add($"{name}: '{Clip(value)}' no es un año entre 2000 y 2100; se usa {fallback}");
            return fallback;
        }

        var mujer = Text("mujer")?.ToLowerInvariant();
        if (mujer is not null and not (TriState.Si or TriState.No or TriState.SinDato))
        {
            warnings.Add($"mujer: '{Clip(mujer)}' no es si, no ni sin-dato; se ignora");
            mujer = null;
        }
        var modalidad = Text("modalidad");
        if (modalidad is not null && modalidades.ByCode(modalidad) is null)
        {
            warnings.Add($"modalidad: '{Clip(modalidad)}' no es una modalidad conocida; se ignora");
            modalidad = null;
        }
        var orden = Text("orden") ?? "-participaciones";
        if (!Sorts.Contains(orden.TrimStart('-')))
        {
            warnings.Add($"orden: '{Clip(orden)}' no es un campo ordenable ({string.Join(", ", Sorts)}); se usa -participaciones");
            orden = "-participaciones";
        }
        var hasta = Year("hasta", currentYear);
        var desde = Year("desde", hasta - (Years - 1));
        if (desde > hasta)
        {
            warnings.Add("desde es posterior a hasta; se intercambian");
            (desde, hasta) = (hasta, desde);
        }
        return (new MonitorFilter
        {
            Q = RawRow.SearchText(Text("q"), warnings), Mujer = mujer, Nuevo = Flag("nuevo"), Pyme = Flag("pyme"), Local = Flag("local"), Modalidad = modalidad,
            Desde = desde, Hasta = hasta, Orden = orden,
        }, warnings);
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

public static class MonitorQuery
{
    /// <summary>Suppliers that took part in the window and match the filter, in the filter's order (ties by name, then id).</summary>
    public static IReadOnlyList<ResumenProveedor> Apply(MonitorSnapshot.Built data, MonitorFilter f, int aniosNuevo, string municipioEntidad) =>
        Filas(data, f, aniosNuevo, municipioEntidad).Select(x => x.Resumen).ToList();

    /// <summary>The same rows as <see cref="Apply"/>, with the supplier's history and published item.</summary>
    public static IEnumerable<MonitorSnapshot.Fila> Filas(MonitorSnapshot.Built data, MonitorFilter f, int aniosNuevo, string municipioEntidad)
    {
        var q = f.Q is null ? null : SupplierIdentity.NormalizeName(f.Q);
        var qDigits = f.Q is null ? "" : new string(f.Q.Where(char.IsAsciiDigit).ToArray());
        return data.Ventana(f.Desde, f.Hasta, aniosNuevo, municipioEntidad, f.Orden)
            .Where(x => q is null || data.SearchName(x.Historia).Contains(q, StringComparison.Ordinal)
                        || MatchesDocument(x.Historia, qDigits))
            .Where(x => f.Mujer is null || x.Resumen.Mujer == f.Mujer)
            .Where(x => !f.Nuevo || x.Resumen.Nuevo == TriState.Si)
            .Where(x => !f.Pyme || x.Resumen.Pyme == TriState.Si)
            .Where(x => !f.Local || x.Resumen.Local == TriState.Si)
            .Where(x => f.Modalidad is null || x.Resumen.Modalidades.Contains(f.Modalidad));
    }

    /// <summary>The rows in the order <paramref name="orden"/> names (a field, '-' first for descending), ties by name, then id.</summary>
    public static IReadOnlyList<MonitorSnapshot.Fila> Order(IReadOnlyList<MonitorSnapshot.Fila> rows, string orden)
    {
        var descending = orden.StartsWith('-');
        var field = orden.TrimStart('-');
        var key = Key(field);
        IOrderedEnumerable<MonitorSnapshot.Fila> ordered = field switch
        {
            "nombre" => descending ? rows.OrderByDescending(r => r.Resumen.Nombre, Spanish) : rows.OrderBy(r => r.Resumen.Nombre, Spanish),
            _ => descending ? rows.OrderByDescending(r => key(r.Resumen)) : rows.OrderBy(r => key(r.Resumen)),
        };
        return ordered.ThenBy(r => r.Resumen.Nombre, Spanish).ThenBy(r => r.Resumen.Id, StringComparer.Ordinal).ToList();
    }

    // A natural person is found only by the whole document (CONTRACTS §1); a company or a "c-" supplier also by part of
    // its id, as its NIT or SECOP code is public.
    private static bool MatchesDocument(ProveedorHistoria h, string digits) => h.Nit is { } document && !Nit.IsCompany(document)
        ? digits == document
        : digits.Length >= 4 && h.Id.Contains(digits, StringComparison.Ordinal);

    private static double Rank(string state) => state switch { TriState.Si => 2, TriState.No => 1, _ => 0 };

    private static readonly StringComparer Spanish = StringComparer.Create(CultureInfo.GetCultureInfo("es-CO"), ignoreCase: true);

    private static Func<ResumenProveedor, double> Key(string field) => field switch
    {
        "adjudicaciones" => r => r.Adjudicaciones,
        "tasaExito" => r => r.TasaExito ?? -1,
        "contratos" => r => r.Contratos,
        "valorContratado" => r => r.ValorContratado,
        "primerAnio" => r => r.PrimerAnio ?? 0,
        "ultimoAnio" => r => r.UltimoAnio ?? 0,
        // Three-state columns sort sí, no, sin dato (descending) or the reverse.
        "nuevo" => r => Rank(r.Nuevo),
        "pyme" => r => Rank(r.Pyme),
        "local" => r => Rank(r.Local),
        "mujer" => r => Rank(r.Mujer),
        _ => r => r.Participaciones,
    };
}
