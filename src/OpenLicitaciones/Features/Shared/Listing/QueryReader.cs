using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace OpenLicitaciones.Features.Shared.Listing;

/// <summary>
/// Reads a list's query for the pages and the API alike: typed values from the text a visitor can type into a URL,
/// with every value that cannot be used dropped, clamped or corrected and a warning in Spanish collected in
/// <see cref="Warnings"/>. Nothing in a query can cause an error.
/// </summary>
public sealed class QueryReader(Func<string, string?> value, List<string>? warnings = null)
{
    /// <summary>Longest free text a filter keeps, the same for every list.</summary>
    public const int MaxTextLength = 200;

    public List<string> Warnings { get; } = warnings ?? [];

    /// <summary>A reader over values already split by name (e.g. a page's query parameters).</summary>
    public static QueryReader From(IReadOnlyDictionary<string, string?> values) => new(name => values.GetValueOrDefault(name));

    /// <summary>A reader over a query string ("a=1&amp;b=2", with or without "?"); a repeated name gives its first value.</summary>
    public static QueryReader FromQueryString(string query)
    {
        var values = QueryHelpers.ParseQuery(query);
        return new QueryReader(name => values.TryGetValue(name, out var v) ? v.FirstOrDefault() : null);
    }

    /// <summary>The value trimmed; null when absent or blank.</summary>
    public string? Raw(string name) => value(name)?.Trim() is { Length: > 0 } v ? v : null;

    /// <summary>Free text, cut to <see cref="MaxTextLength"/> characters with a warning rather than rejected.</summary>
    public string? Text(string name)
    {
        var text = Raw(name);
        if (text is null || text.Length <= MaxTextLength) return text;
        return Warn($"{name}: el texto es muy largo; se usan los primeros {MaxTextLength} caracteres", text[..MaxTextLength]);
    }

    /// <summary>
    /// A visitor's search text. Text with no letter or digit once folded (only punctuation, symbols or emoji) cannot
    /// match anything meaningful, so it is ignored with a warning and the list shows everything.
    /// </summary>
    public string? Search(string name = "q")
    {
        var text = Text(name);
        if (text is null || PlainText.Fold(text).Any(char.IsLetterOrDigit)) return text;
        return Warn<string?>($"{name}: el texto de búsqueda no tiene letras ni números; se ignora y se muestran todos los resultados", null);
    }

    /// <summary>A yes/no filter: true, 1, si, sí, on (what an HTML checkbox sends) or false, 0, no, off, any case; absent is no.</summary>
    public bool Flag(string name)
    {
        var text = Raw(name)?.ToLowerInvariant();
        return text switch
        {
            null or "false" or "0" or "no" or "off" => false,
            "true" or "1" or "si" or "sí" or "on" => true,
            _ => Warn($"{name}: '{PlainText.Clip(text)}' no es true ni false; se ignora", false),
        };
    }

    /// <summary>A year between 2000 and 2100; null when absent or malformed (with a warning).</summary>
    public int? Year(string name) => Year(name, null, "se ignora");

    /// <summary>A year between 2000 and 2100; <paramref name="fallback"/> when absent or malformed (with a warning).</summary>
    public int Year(string name, int fallback) => Year(name, fallback, $"se usa {fallback}") ?? fallback;

    private int? Year(string name, int? fallback, string instead)
    {
        var text = Raw(name);
        if (text is null) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
            ? year
            : Warn($"{name}: '{PlainText.Clip(text)}' no es un año entre 2000 y 2100; {instead}", fallback);
    }

    /// <summary>A whole number from 1 to <paramref name="max"/>; too large gives the maximum, anything else the fallback.</summary>
    public int PositiveInt(string name, int fallback, int max = int.MaxValue)
    {
        var text = Raw(name);
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            return Warn($"{name}: '{PlainText.Clip(text)}' no es un número entero positivo; se usa {fallback}", fallback);
        return number > max ? Warn($"{name}: {number} supera el máximo de {max}; se usa {max}", max) : number;
    }

    /// <summary>A month written AAAA-MM, as one sortable number (2026-03 → 202603).</summary>
    public int? Month(string name)
    {
        var text = Raw(name);
        if (text is null) return null;
        return DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.Year * 100 + month.Month
            : Warn<int?>($"{name}: '{PlainText.Clip(text)}' no es un mes AAAA-MM (p. ej. 2026-03); se ignora", null);
    }

    /// <summary>
    /// Integer pesos in plain digits only: "1.000.000" or "1,5" are ambiguous between Colombian and English writing,
    /// so they are reported rather than guessed.
    /// </summary>
    public long? Pesos(string name)
    {
        var text = Raw(name);
        if (text is null) return null;
        return text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pesos)
            ? pesos
            : Warn<long?>($"{name}: '{PlainText.Clip(text)}' no es un valor en pesos enteros (solo dígitos, sin puntos, comas ni $); se ignora", null);
    }

    /// <summary>A UNSPSC prefix of 1 to 8 digits (segment "50", family "5040", class, product); "V1." is accepted.</summary>
    public string? UnspscPrefix(string name)
    {
        var text = Raw(name);
        if (text is null) return null;
        return Unspsc.TryParsePrefix(text, out var prefix)
            ? prefix
            : Warn<string?>($"{name}: '{PlainText.Clip(text)}' no es un código UNSPSC (de 1 a 8 dígitos); se ignora", null);
    }

    /// <summary>
    /// One of a set of codes (a slug such as "minima-cuantia"), compared in lower case; anything else is ignored with
    /// "no es <paramref name="expected"/>".
    /// </summary>
    public string? Code(string name, Func<string, bool> known, string expected)
    {
        var text = Raw(name);
        if (text is null) return null;
        var code = text.ToLowerInvariant();
        return known(code) ? code : Warn<string?>(NotOneOf(name, text, expected), null);
    }

    /// <summary>A value named by its slug (a status, for instance), compared in lower case.</summary>
    public T? Slug<T>(string name, Func<string, T?> fromSlug, string expected) where T : struct
    {
        var text = Raw(name);
        if (text is null) return null;
        return fromSlug(text.ToLowerInvariant()) ?? Warn<T?>(NotOneOf(name, text, expected), null);
    }

    /// <summary>
    /// A sort order: one of <paramref name="fields"/>, with "-" in front for descending ("+" or nothing for ascending),
    /// returned as "field" or "-field"; anything else gives <paramref name="fallback"/> with a warning.
    /// </summary>
    public string Order(string name, IReadOnlyCollection<string> fields, string fallback)
    {
        var text = Raw(name);
        if (text is null) return fallback;
        var descending = text.StartsWith('-');
        var field = text.Length > 1 && text[0] is '-' or '+' ? text[1..] : text;
        return fields.Contains(field)
            ? (descending ? "-" : "") + field
            : Warn($"{name}: '{PlainText.Clip(text)}' no es un campo ordenable ({string.Join(", ", fields)}); se usa {fallback}", fallback);
    }

    /// <summary>
    /// A range read from two parameters, swapped with a warning when it is backwards: "<paramref name="fromName"/>
    /// <paramref name="backwards"/> <paramref name="toName"/>; se intercambian".
    /// </summary>
    public (T? From, T? To) Range<T>(string fromName, T? from, string toName, T? to, string backwards) where T : struct, IComparable<T>
    {
        if (from is not { } f || to is not { } t || f.CompareTo(t) <= 0) return (from, to);
        Warnings.Add($"{fromName} {backwards} {toName}; se intercambian");
        return (to, from);
    }

    /// <summary>Adds a warning and returns <paramref name="value"/>, for the rules a list adds on top of these.</summary>
    public T Warn<T>(string warning, T value)
    {
        Warnings.Add(warning);
        return value;
    }

    private static string NotOneOf(string name, string text, string expected) => $"{name}: '{PlainText.Clip(text)}' no es {expected}; se ignora";
}
