using System.Text.RegularExpressions;
using OpenLicitaciones.Components;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Banco;

/// <summary>One line of the current PAA with the SECOP processes and contracts it became (if any).</summary>
public sealed record Oportunidad(
    string Id, string CodigoEntidad, int Annio, int Version, string Descripcion, IReadOnlyList<string> Codigos, int? Mes, long? Valor,
    string? ModalidadPlaneadaTexto, Modalidad ModalidadPlaneada, Modalidad Modalidad, string? Unidad, bool Nueva, DateTime? PrimeraVez,
    IReadOnlyList<ProcesoVinculado> Procesos, IReadOnlyList<ContratoVinculado> Contratos)
{
    /// <summary>Description, codes and unit folded (lower case, no accents) for free-text search.</summary>
    public string Busqueda { get; } = PlainText.Fold($"{Descripcion} {string.Join(' ', Codigos)}");

    /// <summary>Year and month as one sortable number (2026-11 → 202611); null without an expected month.</summary>
    public int? MesClave => Mes is { } m ? Annio * 100 + m : null;

    public string? CodigoPrincipal => Codigos.Count > 0 ? Codigos[0] : null;

    /// <summary>School feeding and food, by the shared food rule.</summary>
    public bool Pae => Codigos.Any(FoodRule.IsFood);

    /// <summary>Actual beats planned: once there is a process its modality is the line's, and a difference is shown.</summary>
    public bool ModalidadCambio => Procesos.Count > 0 && ModalidadPlaneada.Code != Modalidad.Code;

    public ContratoVinculado? ContratoPrincipal => Contratos.OrderByDescending(c => c.FechaDeFirma).FirstOrDefault();

    public ProcesoVinculado? ProcesoPrincipal => Procesos.OrderByDescending(p => p.FechaPublicacion).FirstOrDefault();

    public string? UrlSecop => SourceUrl.Http(ProcesoPrincipal?.Url) ?? SourceUrl.Http(ContratoPrincipal?.Url);
}

/// <summary>The SECOP ids a PAA line may point at: requests (REQ), portfolios (BDOS) and notices (NTC) — CONTRACTS §1.</summary>
public static partial class ProcesoRefs
{
    [GeneratedRegex(@"CO1\.(REQ|BDOS|NTC)\.\d+", RegexOptions.IgnoreCase)]
    private static partial Regex IdPattern();

    public static IReadOnlyList<string> Parse(params string?[] texts) =>
        texts.Where(t => t is not null).SelectMany(t => IdPattern().Matches(t!).Select(m => m.Value.ToUpperInvariant())).Distinct().ToList();
}
