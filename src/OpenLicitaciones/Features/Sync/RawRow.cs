using System.Globalization;
using System.Text.Json.Nodes;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Sync;

/// <summary>A value in a source row that cannot be read as its column's type: the row goes to quarantine.</summary>
public sealed class RowRejectedException(string reason) : Exception(reason);

/// <summary>
/// Typed reading of one SODA row. The API sends every value as a string (or a {"url": …} object),
/// omits keys whose value is null, and writes "no value" with sentinels such as "No Definido".
/// </summary>
public sealed class RawRow(JsonObject json)
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss"];

    private static readonly string[] MonthNames =
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    public JsonObject Json { get; } = json;

    /// <summary>The text of a column, trimmed; null when absent or a sentinel.</summary>
    public string? Text(string column)
    {
        if (!Json.TryGetPropertyValue(column, out var node) || node is null) return null;
        var value = node switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonObject o when o["url"] is JsonValue u && u.TryGetValue<string>(out var url) => url,
            JsonValue v => v.ToJsonString(),
            _ => throw new RowRejectedException($"{column}: se esperaba texto y llegó {node.ToJsonString()}"),
        };
        return PlainText.IsSentinel(value) ? null : value.Trim();
    }

    public string Required(string column) =>
        Text(column) ?? throw new RowRejectedException($"{column}: falta el valor, que identifica la fila");

    /// <summary>Whole pesos. SECOP sends "57333333" or "100000000.000000"; cents are rounded away.</summary>
    public long? Money(string column)
    {
        var text = Text(column);
        if (text is null) return null;
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || value > long.MaxValue || value < long.MinValue)
            throw new RowRejectedException($"{column}: '{Clip(text)}' no es un valor numérico");
        return (long)Math.Round(value, MidpointRounding.AwayFromZero);
    }

    public int? Int(string column)
    {
        var text = Text(column);
        if (text is null) return null;
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || value != Math.Truncate(value) || value > int.MaxValue || value < int.MinValue)
            throw new RowRejectedException($"{column}: '{Clip(text)}' no es un número entero");
        return (int)value;
    }

    /// <summary>A floating timestamp ("2022-01-18T00:00:00.000"), kept as the local civil time it names.</summary>
    public DateTime? Date(string column)
    {
        var text = Text(column);
        if (text is null) return null;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return DateTime.SpecifyKind(d, DateTimeKind.Unspecified);
        throw new RowRejectedException($"{column}: '{Clip(text)}' no es una fecha");
    }

    public bool? Bool(string column)
    {
        var text = Text(column);
        if (text is null) return null;
        // SECOP writes "Si"/"No" almost always: answered before folding, which normalizes the text.
        if (text.Equals("Si", StringComparison.OrdinalIgnoreCase)) return true;
        if (text.Equals("No", StringComparison.OrdinalIgnoreCase)) return false;
        return PlainText.Fold(text) switch
        {
            "si" or "s" or "yes" or "true" or "verdadero" or "1" => true,
            "no" or "n" or "false" or "falso" or "0" => false,
            _ => throw new RowRejectedException($"{column}: '{Clip(text)}' no es Sí/No"),
        };
    }

    /// <summary>A month written as a name ("Noviembre"), a number ("11") or a date.</summary>
    public int? Month(string column)
    {
        var text = Text(column);
        if (text is null) return null;
        var folded = PlainText.Fold(text);
        var byName = Array.IndexOf(MonthNames, folded == "setiembre" ? "septiembre" : folded);
        if (byName >= 0) return byName + 1;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 12) return n;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d.Month;
        throw new RowRejectedException($"{column}: '{Clip(text)}' no es un mes");
    }

    /// <summary>The 8-digit UNSPSC codes of a column; empty when absent.</summary>
    public IReadOnlyList<string> UnspscCodes(string column)
    {
        var text = Text(column);
        return Unspsc.TryParseList(text, out var codes)
            ? codes
            : throw new RowRejectedException($"{column}: '{Clip(text!)}' no es un código UNSPSC");
    }

    public string? UnspscCode(string column) => UnspscCodes(column) is [var first, ..] ? first : null;

    /// <summary>Socrata's system fields, present when the query selects :*.</summary>
    public string? SystemId => Json.TryGetPropertyValue(":id", out var n) && n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string? SystemUpdatedAt =>
        Json.TryGetPropertyValue(":updated_at", out var n) && n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    // Rejection reasons quote a little more of the value than list warnings do: they are read by operators.
    private static string Clip(string text) => PlainText.Clip(text, 60);
}
