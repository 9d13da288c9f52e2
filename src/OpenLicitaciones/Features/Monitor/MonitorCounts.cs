using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Monitor;

/// <summary>A supplier's part in one process: it bid, was awarded, or holds a contract under it.</summary>
/// <remarks>A value, not an object: a department's histories hold millions of them (`benchmark vistas`).</remarks>
/// <param name="Trimestre">Quarter of the publication (1–4), 0 when unknown: the Indicadores' quarterly view of bidders.</param>
public readonly record struct Participacion(string ProcesoId, int? Anio, bool Competitiva, string ModalidadCodigo, bool Oferto, bool Adjudicado,
    byte Trimestre = 0);

/// <summary>A contract of the supplier with the entity; <c>Vigente</c> is false for drafts, cancelled and in-approval ones.</summary>
public sealed record ContratoProveedor(string IdContrato, string? ProcesoId, int? AnioProceso, DateTime? FechaFirma, long? Valor, bool Vigente,
    string? Genero, bool? EsPyme)
{
    private readonly string? _url;

    /// <summary>UNSPSC code of the contract and its public SECOP page, for the profile.</summary>
    public string? Unspsc { get; init; }
    public string? Url { get => SecopUrl.Expand(_url); init => _url = SecopUrl.Compact(value); }
}

/// <summary>Everything synced about one supplier identity.</summary>
public sealed record ProveedorHistoria(string Id, string Nombre, TipoProveedor Tipo, string? Nit, string? Municipio, bool? PymeRegistro,
    IReadOnlyList<Participacion> Participaciones, IReadOnlyList<ContratoProveedor> Contratos);

/// <summary>Three states, as the Monitor shows them: sí, no, or "Sin dato" (CONTRACTS §4).</summary>
public static class TriState
{
    public const string Si = "si", No = "no", SinDato = "sin-dato";

    public static string Of(bool? value) => value switch { true => Si, false => No, null => SinDato };

    public static string Label(string state) => state switch { Si => "Sí", No => "No", _ => "Sin dato" };
}

/// <summary>The Monitor's numbers for one supplier in a window of publication years.</summary>
public sealed record ResumenProveedor(
    string Id, string Nombre, TipoProveedor Tipo, string? Nit, int Participaciones, int Adjudicaciones, double? TasaExito, int Contratos,
    long ValorContratado, int? PrimerAnio, int? UltimoAnio, string Nuevo, string Pyme, string Local, string Mujer, string FuenteMujer,
    IReadOnlyList<string> Modalidades);

public static class MonitorCounts
{
    /// <summary>
    /// CONTRACTS §4 for one supplier and the window desde..hasta (process publication years, inclusive).
    /// <paramref name="historiaDesde"/> is the first date the synced contracts cover: "nuevo" needs N years before.
    /// </summary>
    /// <param name="certificaciones">The women-led certifications staff recorded for this supplier's NIT (CONTRACTS §4: they win over the proxy).</param>
    public static ResumenProveedor Resumen(ProveedorHistoria h, int desde, int hasta, int aniosNuevo, IReadOnlyList<string> municipios, DateTime? historiaDesde,
        IReadOnlyList<Certificacion>? certificaciones = null)
    {
        bool InWindow(int? year) => year >= desde && year <= hasta;
        var enVentana = h.Participaciones.Where(p => InWindow(p.Anio)).ToList();
        var competitivas = enVentana.Where(p => p.Competitiva).ToList();
        var contratos = h.Contratos.Where(c => c.Vigente && InWindow(c.AnioProceso ?? c.FechaFirma?.Year)).ToList();
        var ultimo = h.Contratos.Where(c => c.FechaFirma is not null).OrderByDescending(c => c.FechaFirma).ThenByDescending(c => c.IdContrato).FirstOrDefault();
        var mujer = LiderazgoMujer.Entre(h.Nit, new DateOnly(desde, 1, 1), new DateOnly(hasta, 12, 31), ultimo?.Genero, certificaciones ?? []);

        return new ResumenProveedor(
            h.Id, h.Nombre, h.Tipo, h.Nit,
            Participaciones: enVentana.Count,
            Adjudicaciones: enVentana.Count(p => p.Adjudicado),
            TasaExito: competitivas.Count == 0 ? null : competitivas.Count(p => p.Adjudicado) / (double)competitivas.Count,
            Contratos: contratos.Count,
            ValorContratado: contratos.Sum(c => c.Valor ?? 0),
            PrimerAnio: enVentana.Min(p => p.Anio),
            UltimoAnio: enVentana.Max(p => p.Anio),
            Nuevo: Nuevo(h.Contratos, contratos, aniosNuevo, historiaDesde),
            Pyme: TriState.Of(ultimo?.EsPyme ?? h.PymeRegistro),
            Local: h.Municipio is null ? TriState.SinDato : TriState.Of(municipios.Any(m => PlainText.Fold(m) == PlainText.Fold(h.Municipio))),
            Mujer: TriState.Of(mujer.Lider),
            FuenteMujer: mujer.Fuente == FuenteMujer.Certificacion
                ? "Certificada por la Secretaría como empresa de mujer (Decreto 1860 de 2021) en estos años."
                : ultimo is null
                    ? "Sin contratos con la entidad: no hay dato del representante legal."
                    : $"Género del representante legal en el contrato más reciente ({ultimo.IdContrato}, SECOP II).",
            Modalidades: enVentana.Select(p => p.ModalidadCodigo).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The entity's average success rate in the window, shown beside a supplier's: processes won over processes taken part
    /// in, counting every supplier's competitive participations (the same base as <c>tasaExito</c>); null when there are none.
    /// </summary>
    public static double? TasaPromedio(IEnumerable<ProveedorHistoria> proveedores, int desde, int hasta)
    {
        var competitivas = proveedores.SelectMany(p => p.Participaciones).Where(p => p.Competitiva && p.Anio >= desde && p.Anio <= hasta).ToList();
        return competitivas.Count == 0 ? null : competitivas.Count(p => p.Adjudicado) / (double)competitivas.Count;
    }

    /// <summary>
    /// New = no valid contract with the entity in the N years before its first valid contract in the window; "sin-dato"
    /// when the synced history does not reach N years before that contract; "no" when it has no contract in the window.
    /// </summary>
    public static string Nuevo(IReadOnlyList<ContratoProveedor> todos, IReadOnlyList<ContratoProveedor> enVentana, int anios, DateTime? historiaDesde)
    {
        var primero = enVentana.Where(c => c.FechaFirma is not null).MinBy(c => c.FechaFirma);
        if (primero?.FechaFirma is not { } firma) return TriState.No;
        return ProveedorNuevo.Es(firma, todos.Where(c => c.Vigente && c.FechaFirma is not null).Select(c => c.FechaFirma!.Value), anios, historiaDesde) switch
        {
            true => TriState.Si,
            false => TriState.No,
            null => TriState.SinDato,
        };
    }
}
