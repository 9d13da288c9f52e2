using System.Collections.Concurrent;
using System.Globalization;
using CsvHelper;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Banco;

/// <summary>A contracting modality: its slug, its label, and what it means for competition and small firms.</summary>
public sealed record Modalidad(string Code, string Label, bool Competitiva, bool Accesible)
{
    public static readonly Modalidad SinDato = new("sin-dato", "Sin dato", false, false);
}

/// <summary>The raw modality spellings of SECOP (data/modalidades.csv) folded to one code each (CONTRACTS §3).</summary>
public sealed class Modalidades
{
    private readonly Dictionary<string, Modalidad> _bySpelling;
    private readonly ConcurrentDictionary<string, bool> _unknownLogged = new();
    private readonly ILogger<Modalidades>? _log;

    public Modalidades(IEnumerable<(string Spelling, Modalidad Modalidad)> rows, ILogger<Modalidades>? log = null)
    {
        _bySpelling = rows.ToDictionary(r => Key(r.Spelling), r => r.Modalidad);
        All = _bySpelling.Values.DistinctBy(m => m.Code).OrderBy(m => m.Label, StringComparer.Create(CultureInfo.GetCultureInfo("es-CO"), true)).ToList();
        _log = log;
    }

    /// <summary>Every distinct modality, by label, for filters.</summary>
    public IReadOnlyList<Modalidad> All { get; }

    public static Modalidades Load(string path, ILogger<Modalidades>? log = null)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<(string, Modalidad)>();
        foreach (var r in csv.GetRecords<Row>())
            rows.Add((r.spelling, new Modalidad(r.code, r.label, r.competitiva, r.accesible)));
        return new Modalidades(rows, log);
    }

    /// <summary>The modality of a raw spelling; an unknown one is "otra", neither competitive nor accessible, logged once.</summary>
    public Modalidad Resolve(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return Modalidad.SinDato;
        if (_bySpelling.TryGetValue(Key(raw), out var known)) return known;
        if (_unknownLogged.TryAdd(Key(raw), true))
            _log?.LogWarning("Modalidad no catalogada en data/modalidades.csv: '{Modalidad}' (se trata como 'otra')", raw);
        return new Modalidad("otra", raw.Trim(), false, false);
    }

    public Modalidad? ByCode(string code) => All.FirstOrDefault(m => m.Code == code);

    private static string Key(string spelling) =>
        string.Join(' ', RawRow.Fold(spelling).Trim('.', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    // CsvHelper maps the header names to these properties.
#pragma warning disable IDE1006
    private sealed record Row(string spelling, string code, string label, bool competitiva, bool accesible);
#pragma warning restore IDE1006
}

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

    /// <summary>The family name of a code of any length ≥ 4, or null.</summary>
    public string? NameOf(string? code) => code is { Length: >= 4 } && names.TryGetValue(code[..4], out var name) ? name : null;

    public string Describe(string? code) => NameOf(code) ?? (code is null ? "Sin dato" : $"Código {code}");
}
