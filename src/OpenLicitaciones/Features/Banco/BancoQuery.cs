using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Banco;

/// <summary>One opportunity as it stands at the moment of the request.</summary>
public sealed record OportunidadActual(Oportunidad Oportunidad, EstadoActual Estado);

public static class BancoQuery
{
    /// <summary>The rows that match a filter at a moment, in the filter's order (ties by month, then line id).</summary>
    public static IReadOnlyList<OportunidadActual> Apply(IEnumerable<Oportunidad> all, BancoFilter f, DateTime now)
    {
        var q = f.Q is null ? null : PlainText.Fold(f.Q);
        var unidad = f.Unidad is null ? null : PlainText.Fold(f.Unidad);
        var rows = all
            .Where(o => q is null || o.Busqueda.Contains(q, StringComparison.Ordinal))
            .Where(o => f.Familia is null || o.Codigos.Any(c => c.StartsWith(f.Familia, StringComparison.Ordinal)))
            .Where(o => !f.Pae || o.Pae)
            .Where(o => f.MesDesde is null || o.MesClave >= f.MesDesde)
            .Where(o => f.MesHasta is null || o.MesClave <= f.MesHasta)
            .Where(o => f.ValorMin is null || o.Valor >= f.ValorMin)
            .Where(o => f.ValorMax is null || o.Valor <= f.ValorMax)
            .Where(o => f.Modalidad is null || o.Modalidad.Code == f.Modalidad)
            .Where(o => !f.Accesible || o.Modalidad.Accesible)
            .Where(o => unidad is null || (o.Unidad is not null && PlainText.Fold(o.Unidad) == unidad))
            .Select(o => new OportunidadActual(o, BancoStatus.Of(o.Procesos, o.Contratos, now)))
            .Where(r => f.Estado is null || r.Estado.Estado == f.Estado);

        var descending = f.Orden.StartsWith('-');
        Func<OportunidadActual, long> key = f.Orden.TrimStart('-') switch
        {
            "valor" => r => r.Oportunidad.Valor ?? -1,
            "estado" => r => (long)r.Estado.Estado,
            _ => r => r.Oportunidad.MesClave ?? 999_999,
        };
        var ordered = descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
        return ordered.ThenBy(r => r.Oportunidad.MesClave ?? 999_999).ThenBy(r => r.Oportunidad.Id, StringComparer.Ordinal).ToList();
    }
}
