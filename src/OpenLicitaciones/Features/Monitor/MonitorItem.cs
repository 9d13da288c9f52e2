using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Monitor;

/// <summary>One supplier as the Monitor API and exports publish it (CONTRACTS §4).</summary>
public sealed record MonitorItem(
    string Id, string? Nit, string Nombre, string Tipo, int Participaciones, int Adjudicaciones, double? TasaExito, int Contratos,
    long ValorContratado, int? PrimerAnio, int? UltimoAnio, string Nuevo, string Pyme, string Local, string Mujer, string FuenteMujer)
{
    public static MonitorItem From(ResumenProveedor r) => new(r.Id,
        SupplierDocument.Mask(r.Nit),
        r.Nombre, SupplierIdentity.Label(r.Tipo), r.Participaciones, r.Adjudicaciones, r.TasaExito is { } t ? Math.Round(t, 4) : null, r.Contratos,
        r.ValorContratado, r.PrimerAnio, r.UltimoAnio, r.Nuevo, r.Pyme, r.Local, r.Mujer, r.FuenteMujer);
}
