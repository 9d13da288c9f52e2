namespace OpenLicitaciones.Features.Shared;

/// <summary>What counts as food (the PAE filter of the Banco, the food indicators): one rule for every feature.</summary>
public static class FoodRule
{
    /// <summary>School feeding and food: UNSPSC segment 50, plus families 8515 (nutrición) and 9010 (catering).</summary>
    public static bool IsFood(string unspscCode) => unspscCode.StartsWith("50", StringComparison.Ordinal)
                                                    || unspscCode.StartsWith("8515", StringComparison.Ordinal)
                                                    || unspscCode.StartsWith("9010", StringComparison.Ordinal);
}
