using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Admin;

public sealed record UsuarioFila(string Id, string Email, string Nombre, IReadOnlyList<string> Roles, bool SegundoFactor, bool Deshabilitado, bool Bloqueado,
    DateTime CreadoEn);

public sealed record InvitacionFila(int Id, string Email, string CreadaPor, DateTime CreadaEn, DateTime ExpiraEn, DateTime? UsadaEn)
{
    public string Estado(DateTime ahora) => UsadaEn is not null ? "aceptada" : ExpiraEn <= ahora ? "vencida" : "pendiente";
}

/// <summary>The accounts and invitations an admin manages.</summary>
public static class UsuariosPersonal
{
    public static async Task<IReadOnlyList<UsuarioFila>> ListarAsync(AppDbContext db, DateTime ahora, CancellationToken ct = default)
    {
        var usuarios = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        return usuarios.Select(u => new UsuarioFila(u.Id, u.Email ?? u.UserName ?? u.Id, u.Nombre,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(), u.TwoFactorEnabled, u.Deshabilitado,
            !u.Deshabilitado && u.LockoutEnd > new DateTimeOffset(ahora, TimeSpan.Zero), u.CreadoEn)).ToList();
    }

    public static async Task<IReadOnlyList<InvitacionFila>> InvitacionesAsync(AppDbContext db, CancellationToken ct = default) =>
        await db.Invitaciones.AsNoTracking().OrderByDescending(i => i.CreadaEn).Take(50)
            .Select(i => new InvitacionFila(i.Id, i.Email, i.CreadaPor, i.CreadaEn, i.ExpiraEn, i.UsadaEn)).ToListAsync(ct);

    /// <summary>Field → message for an invitation's address.</summary>
    public static string? ValidarCorreo(string? email) =>
        string.IsNullOrWhiteSpace(email) ? "Escriba el correo de la persona que invita."
        : !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email.Trim()) || email.Trim().Length > 256
            ? "Escriba un correo electrónico válido (nombre@dominio)."
            : null;
}
