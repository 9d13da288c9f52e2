using System.Collections.Concurrent;
using System.Globalization;
using CsvHelper;

namespace OpenLicitaciones.Features.Shared;

/// <summary>A contracting modality: its slug, its label, and what it means for competition and small firms.</summary>
public sealed record Modalidad(string Code, string Label, bool Competitiva, bool Accesible)
{
    /// <summary>The code of a spelling the catalog does not know (CONTRACTS §3).</summary>
    public const string Otra = "otra";

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
        return new Modalidad(Modalidad.Otra, raw.Trim(), false, false);
    }

    public Modalidad? ByCode(string code) => All.FirstOrDefault(m => m.Code == code);

    /// <summary>Whether a filter may ask for this code: a catalogued one, or "otra" for the spellings the catalog lacks.</summary>
    public bool IsFilterCode(string code) => code == Modalidad.Otra || ByCode(code) is not null;

    private static string Key(string spelling) =>
        string.Join(' ', PlainText.Fold(spelling).Trim('.', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    // CsvHelper maps the header names to these properties.
#pragma warning disable IDE1006
    private sealed record Row(string spelling, string code, string label, bool competitiva, bool accesible);
#pragma warning restore IDE1006
}
