using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Admin;

/// <summary>The audit log's filters, as the page's address and the download carry them.</summary>
public sealed record FiltroAuditoria(string? Usuario, string? Entidad, string? Texto)
{
    public IQueryable<CambioAuditado> Aplicar(IQueryable<CambioAuditado> q)
    {
        if (!string.IsNullOrWhiteSpace(Usuario)) q = q.Where(c => c.Usuario.Contains(Usuario.Trim()));
        if (!string.IsNullOrWhiteSpace(Entidad)) q = q.Where(c => c.Entidad == Entidad);
        if (!string.IsNullOrWhiteSpace(Texto))
        {
            var t = Texto.Trim();
            q = q.Where(c => c.Clave.Contains(t) || c.Accion.Contains(t) || (c.Antes != null && c.Antes.Contains(t)) || (c.Despues != null && c.Despues.Contains(t)));
        }
        return q;
    }

    public string Query() => string.Join("&", new[] { ("usuario", Usuario), ("entidad", Entidad), ("texto", Texto) }
        .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}"));
}

/// <summary>One entry as the page and the CSV show it.</summary>
public sealed record EntradaAuditoria(long Id, DateTime Cuando, string Usuario, string Accion, string Entidad, string Clave, string? Antes, string? Despues);

public static class AuditoriaConsulta
{
    public static readonly IReadOnlyDictionary<string, string> Entidades = new Dictionary<string, string>
    {
        [Auditoria.Asociacion] = "Asociaciones",
        [Auditoria.Certificacion] = "Certificaciones",
        [Auditoria.Productor] = "Pequeños productores",
        [Auditoria.Meta] = "Metas",
        [Auditoria.Demanda] = "Demanda declarada",
        [Auditoria.Cuarentena] = "Cuarentena",
        [Auditoria.Sincronizacion] = "Sincronización",
        [Auditoria.Usuario] = "Usuarios",
    };

    /// <summary>Newest first; <paramref name="tope"/> rows from <paramref name="desde"/>, and how many match in all.</summary>
    public static async Task<(IReadOnlyList<EntradaAuditoria> Filas, int Total)> BuscarAsync(AppDbContext db, FiltroAuditoria filtro, int desde, int tope,
        CancellationToken ct = default)
    {
        var q = filtro.Aplicar(db.Auditoria.AsNoTracking());
        var total = await q.CountAsync(ct);
        var filas = await q.OrderByDescending(c => c.Id).Skip(desde).Take(tope)
            .Select(c => new EntradaAuditoria(c.Id, c.Cuando, c.Usuario, c.Accion, c.Entidad, c.Clave, c.Antes, c.Despues)).ToListAsync(ct);
        return (filas, total);
    }
}
