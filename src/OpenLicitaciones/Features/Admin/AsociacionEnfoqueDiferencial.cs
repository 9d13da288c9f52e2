namespace OpenLicitaciones.Features.Admin;

/// <summary>An option of a fixed list: the code stored in the database and the words shown.</summary>
public sealed record OpcionLista(string Codigo, string Nombre);

/// <summary>
/// The differential-focus answers of Palmira's producer survey (FACTS.md): zone, victims of the armed conflict and
/// ethnic groups. The one place their codes are defined; the database keeps the codes.
/// </summary>
public static class EnfoqueDiferencial
{
    public const string Rural = "rural";
    public const string Urbana = "urbana";

    public static readonly IReadOnlyList<OpcionLista> Zonas = [new(Rural, "Rural"), new(Urbana, "Urbana")];

    /// <summary>Recorded: none of the members belongs to an ethnic group (nothing recorded is "sin dato").</summary>
    public const string Ninguno = "ninguno";

    /// <summary>The ethnic groups Colombia's census recognises, in the order the survey lists them.</summary>
    public static readonly IReadOnlyList<OpcionLista> GruposEtnicos =
    [
        new("indigena", "Indígena"),
        new("afrocolombiana", "Afrocolombiana o negra"),
        new("raizal", "Raizal"),
        new("palenquera", "Palenquera"),
        new("rrom", "Rrom (gitana)"),
    ];

    /// <summary>What the form offers: the groups, then "none of them".</summary>
    public static readonly IReadOnlyList<OpcionLista> OpcionesGrupos = [.. GruposEtnicos, new(Ninguno, "Ninguno de estos grupos")];

    public static bool GrupoConocido(string codigo) => OpcionesGrupos.Any(g => g.Codigo == codigo);

    /// <summary>The stored codes ("indigena,raizal") as a list; null or empty is no answer.</summary>
    public static IReadOnlyList<string> LeerGrupos(string? guardado) =>
        string.IsNullOrWhiteSpace(guardado) ? [] : guardado.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The codes as stored, in the list's order; null when nothing was chosen.</summary>
    public static string? EscribirGrupos(IEnumerable<string> codigos)
    {
        var elegidos = codigos.ToHashSet(StringComparer.Ordinal);
        if (elegidos.Count == 0) return null;
        if (elegidos.Contains(Ninguno)) return Ninguno;
        return string.Join(',', GruposEtnicos.Select(g => g.Codigo).Where(elegidos.Contains));
    }

    public static string NombreGrupo(string codigo) =>
        OpcionesGrupos.FirstOrDefault(g => g.Codigo == codigo)?.Nombre ?? codigo;
}
