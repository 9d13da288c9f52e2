namespace OpenLicitaciones.Features.Productores;

/// <summary>
/// One colour per UNSPSC food family for the map's markers and legend: fixed per family so a map reads the same every
/// day, dark enough for 3:1 contrast on the map's pale background, and told apart by the legend's names, not colour alone.
/// </summary>
public static class ColoresFamilia
{
    private static readonly Dictionary<string, string> PorFamilia = new()
    {
        ["5030"] = "#b23c00", // fruta fresca
        ["5040"] = "#2e7d32", // vegetales frescos
        ["5013"] = "#1565c0", // lácteos y huevos
        ["5012"] = "#00838f", // pescados
        ["5011"] = "#ad1457", // carnes
        ["5020"] = "#5d4037", // bebidas (café, aromáticas)
        ["5022"] = "#6a1b9a", // cereales y legumbres
        ["5016"] = "#8d6e00", // azúcares (panela)
    };

    private const string Otra = "#455a64";

    public static string De(string? familia) => familia is not null && PorFamilia.TryGetValue(familia[..Math.Min(4, familia.Length)], out var color) ? color : Otra;
}
