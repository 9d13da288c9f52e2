namespace OpenLicitaciones.Features.Shared;

/// <summary>UNSPSC codes as SECOP writes them: "V1.50401500", "50401500", or lists separated by ';'.</summary>
public static class Unspsc
{
    /// <summary>The 8-digit codes in a value, in order, without repeats. False when a part is not a code.</summary>
    public static bool TryParseList(string? raw, out IReadOnlyList<string> codes)
    {
        var found = new List<string>();
        codes = found;
        if (raw is null) return true;
        foreach (var part in raw.Split([';', ',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var code = WithoutVersion(part);
            if (code.Length != 8 || !code.All(char.IsAsciiDigit)) return false;
            if (!found.Contains(code)) found.Add(code);
        }
        return true;
    }

    /// <summary>
    /// A prefix a visitor filters by: 1 to 8 digits (segment "50", family "5040", class, product), "V1." accepted.
    /// </summary>
    public static bool TryParsePrefix(string raw, out string prefix)
    {
        prefix = WithoutVersion(raw.Trim());
        return prefix.Length is >= 1 and <= 8 && prefix.All(char.IsAsciiDigit);
    }

    /// <summary>The family (first four digits) of a code, or null.</summary>
    public static string? Family(string? code) => code is { Length: >= 4 } ? code[..4] : null;

    private static string WithoutVersion(string code) => code.StartsWith("V1.", StringComparison.OrdinalIgnoreCase) ? code[3..] : code;
}
