using System.Globalization;
using CsvHelper;

namespace OpenLicitaciones.Features.Shared;

/// <summary>UNSPSC family names in Spanish (data/unspsc_familias_es.csv); unknown codes show the code.</summary>
public sealed class UnspscFamilias(IReadOnlyDictionary<string, string> names)
{
    public static UnspscFamilias Load(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var names = new Dictionary<string, string>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read()) names[csv.GetField("familia")!] = csv.GetField("nombre")!;
        return new UnspscFamilias(names);
    }

    /// <summary>The food families (segment 50), by code: what a food form offers.</summary>
    public IReadOnlyList<(string Codigo, string Nombre)> Alimentos { get; } =
        names.Where(n => n.Key.StartsWith("50", StringComparison.Ordinal)).OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => (n.Key, n.Value)).ToList();

    /// <summary>The family name of a code of any length ≥ 4, or null.</summary>
    public string? NameOf(string? code) => code is { Length: >= 4 } && names.TryGetValue(code[..4], out var name) ? name : null;

    public string Describe(string? code) => NameOf(code) ?? (code is null ? "Sin dato" : $"Código {code}");
}
