namespace OpenLicitaciones.Features.Shared;

/// <summary>Which SECOP contracts count and which processes are cancelled: the Banco, the Monitor and the home page agree.</summary>
public static class SecopRules
{
    private static readonly string[] CancelMarks = ["cancel", "desiert", "descart", "revocad"];

    /// <summary>A contract counts unless it is a draft, cancelled or still in approval (CONTRACTS §3; CCE's own analyses).</summary>
    public static bool CountsAsContract(string? estado) => CountsAsContractFolded(FoldOrEmpty(estado));

    /// <summary>
    /// A process is cancelled when its state or its summary says it was cancelled, declared void, discarded or revoked
    /// (CONTRACTS §3, case-insensitive).
    /// </summary>
    public static bool IsCancelled(string? estado, string? resumen) => IsCancelledFolded(FoldOrEmpty(estado), FoldOrEmpty(resumen));

    // The folded forms let a caller that checks the same rows on every request fold them once.
    internal static bool CountsAsContractFolded(string estado) => estado is not ("borrador" or "cancelado" or "en aprobacion");

    internal static bool IsCancelledFolded(string estado, string resumen) =>
        CancelMarks.Any(m => estado.Contains(m, StringComparison.Ordinal) || resumen.Contains(m, StringComparison.Ordinal));

    internal static string FoldOrEmpty(string? text) => text is null ? "" : PlainText.Fold(text);
}
