using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Banco;

/// <summary>Where a planned purchase stands, in the order a purchase moves (CONTRACTS §3).</summary>
public enum EstadoBanco { Planeado, Publicado, EnEvaluacion, Adjudicado, Contratado, CanceladoDesierto }

public sealed record ProcesoVinculado(
    string IdDelProceso, string? IdDelPortafolio, string? NoticeUid, string? Estado, string? EstadoResumen, bool? Adjudicado,
    DateTime? FechaPublicacion, DateTime? FechaRecepcion, DateTime? FechaAdjudicacion, string? Modalidad, string? Unidad,
    long? PrecioBase, long? ValorAdjudicado, string? Proveedor, string? NitProveedor, string? CodigoProveedor, string? Url)
{
    // Folded once when the snapshot is built: status rules run for every line on every request.
    internal string EstadoFolded { get; } = BancoStatus.Fold(Estado);
    internal string ResumenFolded { get; } = BancoStatus.Fold(EstadoResumen);
}

public sealed record ContratoVinculado(
    string IdContrato, string? ProcesoDeCompra, string? Estado, DateTime? FechaDeFirma, long? Valor, string? Proveedor,
    string? DocumentoProveedor, string? TipoDocProveedor, string? CodigoProveedor, string? Url)
{
    internal string EstadoFolded { get; } = BancoStatus.Fold(Estado);
}

/// <summary>The status of a purchase at a moment, and the days left to submit offers while it is open.</summary>
public sealed record EstadoActual(EstadoBanco Estado, int? DiasParaOfertar)
{
    public bool Abierto => DiasParaOfertar is not null;
}

public static class BancoStatus
{
    public static readonly IReadOnlyList<EstadoBanco> Orden = Enum.GetValues<EstadoBanco>();

    public static string Slug(EstadoBanco estado) => estado switch
    {
        EstadoBanco.Planeado => "planeado",
        EstadoBanco.Publicado => "publicado",
        EstadoBanco.EnEvaluacion => "en-evaluacion",
        EstadoBanco.Adjudicado => "adjudicado",
        EstadoBanco.Contratado => "contratado",
        _ => "cancelado-desierto",
    };

    public static EstadoBanco? FromSlug(string slug) => Orden.Cast<EstadoBanco?>().FirstOrDefault(e => Slug(e!.Value) == slug);

    public static string Label(EstadoBanco estado) => estado switch
    {
        EstadoBanco.Planeado => "Planeado",
        EstadoBanco.Publicado => "Publicado",
        EstadoBanco.EnEvaluacion => "En evaluación",
        EstadoBanco.Adjudicado => "Adjudicado",
        EstadoBanco.Contratado => "Contratado",
        _ => "Desierto o cancelado",
    };

    /// <summary>The rule that gives each status, in plain words, for the tooltip and the help.</summary>
    public static string Rule(EstadoBanco estado) => estado switch
    {
        EstadoBanco.Planeado => "Está en el plan de compras y todavía no tiene un proceso en SECOP II.",
        EstadoBanco.Publicado => "Tiene un proceso publicado en SECOP II; está abierto mientras no pase la fecha límite para presentar ofertas.",
        EstadoBanco.EnEvaluacion => "El proceso está en evaluación, o ya pasó la fecha límite de ofertas y todavía no se adjudica.",
        EstadoBanco.Adjudicado => "El proceso fue adjudicado o el proveedor fue seleccionado, y aún no hay contrato firmado.",
        EstadoBanco.Contratado => "Hay un contrato firmado (no en borrador, aprobación ni cancelado) para este proceso.",
        _ => "Todos sus procesos fueron cancelados, declarados desiertos, descartados o revocados.",
    };

    /// <summary>First rule that matches wins: contracted, cancelled, awarded, in evaluation, published, planned.</summary>
    public static EstadoActual Of(IReadOnlyList<ProcesoVinculado> procesos, IReadOnlyList<ContratoVinculado> contratos, DateTime now)
    {
        if (contratos.Any(c => SecopRules.CountsAsContractFolded(c.EstadoFolded))) return new(EstadoBanco.Contratado, null);
        if (procesos.Count == 0) return new(EstadoBanco.Planeado, null);
        var vivos = procesos.Where(p => !IsCancelled(p)).ToList();
        if (vivos.Count == 0) return new(EstadoBanco.CanceladoDesierto, null);
        if (vivos.Any(IsAwarded)) return new(EstadoBanco.Adjudicado, null);
        if (vivos.Any(p => p.EstadoFolded.Contains("evaluacion") || p.FechaRecepcion is { } r && r <= now))
            return new(EstadoBanco.EnEvaluacion, null);
        var cierre = vivos.Where(p => p.FechaRecepcion > now).Min(p => p.FechaRecepcion);
        return new(EstadoBanco.Publicado, cierre is { } c ? Math.Max(0, (c.Date - now.Date).Days) : null);
    }

    public static bool IsCancelled(ProcesoVinculado p) => SecopRules.IsCancelledFolded(p.EstadoFolded, p.ResumenFolded);

    private static bool IsAwarded(ProcesoVinculado p) => p.Adjudicado == true || p.EstadoFolded is "adjudicado" or "seleccionado";

    internal static string Fold(string? text) => SecopRules.FoldOrEmpty(text);
}
