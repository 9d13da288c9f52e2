using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Admin;

/// <summary>
/// Editors join by invitation (there is no self-registration): an admin creates a link that works once, until it
/// expires. Only the token's SHA-256 is stored, so the database alone cannot be used to join.
/// </summary>
public static class Invitaciones
{
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Stores a new invitation for <paramref name="email"/> and returns its token (shown once, inside the link).</summary>
    public static async Task<string> CrearAsync(AppDbContext db, Actor admin, string email, DateTime ahora, TimeSpan vigencia, CancellationToken ct = default)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.Invitaciones.Add(new InvitacionStaff
        {
            TokenHash = Hash(token), Email = email.Trim(), Rol = Roles.Editor, CreadaPor = admin.Email, CreadaEn = ahora, ExpiraEn = ahora + vigencia,
        });
        Auditoria.Registrar(db, admin.Email, "invitar", Auditoria.Usuario, email.Trim(), null, new { Email = email.Trim(), Rol = Roles.Editor, ExpiraEn = ahora + vigencia }, ahora);
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The invitation a token opens, if it is unused and in force at <paramref name="ahora"/>.</summary>
    public static Task<InvitacionStaff?> VigenteAsync(AppDbContext db, string? token, DateTime ahora, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return Task.FromResult<InvitacionStaff?>(null);
        var hash = Hash(token);
        return db.Invitaciones.FirstOrDefaultAsync(i => i.TokenHash == hash && i.UsadaEn == null && i.ExpiraEn > ahora, ct);
    }

    /// <summary>Creates the editor's account and spends the invitation, in one transaction; the errors are Identity's, in Spanish.</summary>
    public static async Task<IdentityResult> AceptarAsync(AppDbContext db, UserManager<UsuarioStaff> users, InvitacionStaff invitacion, string nombre,
        string password, DateTime ahora)
    {
        var user = new UsuarioStaff { UserName = invitacion.Email, Email = invitacion.Email, EmailConfirmed = true, Nombre = nombre.Trim(), CreadoEn = ahora };
        var creado = await users.CreateAsync(user, password);
        if (!creado.Succeeded) return creado;
        var conRol = await users.AddToRoleAsync(user, invitacion.Rol);
        if (!conRol.Succeeded) return conRol;
        invitacion.UsadaEn = ahora;
        Auditoria.Registrar(db, user.Email, "aceptar invitación", Auditoria.Usuario, user.Email, null, new { user.Email, user.Nombre, invitacion.Rol }, ahora);
        await db.SaveChangesAsync();
        return IdentityResult.Success;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
