using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Banco;

/// <summary>One opportunity as the API and the exports publish it (flat, so CSV and XLSX have one column per field).</summary>
public sealed record BancoItem(
    string Id, int Annio, string Descripcion, string Unspsc, string Familia, string? Mes, long? Valor, string Modalidad, string ModalidadCodigo,
    string? ModalidadPlaneada, bool Accesible, bool Pae, string? Unidad, string Estado, string EstadoEtiqueta, int? DiasParaOfertar,
    bool Nueva, string? IdProceso, string? UrlSecop, string? IdContrato, string? Proveedor, long? ValorContratado)
{
    public static BancoItem From(OportunidadActual row, UnspscFamilias familias)
    {
        var o = row.Oportunidad;
        var contrato = o.ContratoPrincipal;
        return new BancoItem(o.Id, o.Annio, o.Descripcion, string.Join(";", o.Codigos), familias.Describe(o.CodigoPrincipal),
            BancoFilter.Month(o.MesClave), o.Valor, o.Modalidad.Label, o.Modalidad.Code, o.ModalidadCambio ? o.ModalidadPlaneada.Label : null,
            o.Modalidad.Accesible, o.Pae, o.Unidad, BancoStatus.Slug(row.Estado.Estado), BancoStatus.Label(row.Estado.Estado),
            row.Estado.DiasParaOfertar, o.Nueva, o.ProcesoPrincipal?.IdDelProceso, o.UrlSecop, contrato?.IdContrato,
            contrato?.Proveedor ?? o.ProcesoPrincipal?.Proveedor, contrato?.Valor);
    }
}
