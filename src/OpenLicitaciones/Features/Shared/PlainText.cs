using System.Globalization;
using System.Text;

namespace OpenLicitaciones.Features.Shared;

/// <summary>The text rules every feature shares: folding for comparison, SECOP's "no value" sentinels, and clipping.</summary>
public static class PlainText
{
    private static readonly HashSet<string> Sentinels = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "No Definido", "No Aplica", "No aplica/No pertenece", "ND", "N/D", "NA", "N/A",
        "Sin Descripcion", "Sin Descripción", "No Adjudicado", "No Definida", "Sin Dato", "null",
    };

    /// <summary>Trimmed, lower case and without accents, so "Vía" and "VIA" compare equal.</summary>
    public static string Fold(string text)
    {
        var normalized = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string(normalized.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
    }

    /// <summary>Whether SECOP wrote "no value" (CONTRACTS §3): null, blank, or a sentinel such as "No Definido".</summary>
    public static bool IsSentinel(string? value)
    {
        if (value is null) return true;
        // Checked for every value of every synced row: no copy, and no hashing of long descriptions.
        var trimmed = value.AsSpan().Trim();
        return trimmed.Length <= LongestSentinel && SentinelLookup.Contains(trimmed);
    }

    private static readonly int LongestSentinel = Sentinels.Max(s => s.Length);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SentinelLookup = Sentinels.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>At most <paramref name="max"/> characters, with "…" when cut: how a message quotes what it was given.</summary>
    public static string Clip(string text, int max = 40) => text.Length <= max ? text : text[..max] + "…";
}
