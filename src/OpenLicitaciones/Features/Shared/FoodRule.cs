namespace OpenLicitaciones.Features.Shared;

/// <summary>What counts as food (the PAE filter of the Banco, the food indicators): one rule for every feature.</summary>
public static class FoodRule
{
    /// <summary>School feeding and food: UNSPSC segment 50, plus families 8515 (nutrición) and 9010 (catering).</summary>
    public static bool IsFood(string unspscCode) => IsFoodPurchase(unspscCode) || IsPaeServiceCode(unspscCode);

    /// <summary>Food the entity buys itself (CONTRACTS §7): the contract's principal code is in UNSPSC segment 50.</summary>
    public static bool IsFoodPurchase(string? unspscCode) => unspscCode is not null && unspscCode.StartsWith("50", StringComparison.Ordinal);

    /// <summary>
    /// A school-feeding (PAE) operation contract (CONTRACTS §7): families 8515 or 9010, or "PAE" / "alimentación escolar" in
    /// the object, unless it is a food purchase. The food its operator buys is not in SECOP, so it is shown apart.
    /// </summary>
    public static bool IsPaeOperation(string? unspscCode, string? objeto)
    {
        if (IsFoodPurchase(unspscCode)) return false;
        if (unspscCode is not null && IsPaeServiceCode(unspscCode)) return true;
        if (objeto is null) return false;
        var folded = PlainText.Fold(objeto);
        return folded.Contains("alimentacion escolar", StringComparison.Ordinal) || System.Text.RegularExpressions.Regex.IsMatch(folded, @"\bpae\b");
    }

    private static bool IsPaeServiceCode(string code) => code.StartsWith("8515", StringComparison.Ordinal) || code.StartsWith("9010", StringComparison.Ordinal);
}
