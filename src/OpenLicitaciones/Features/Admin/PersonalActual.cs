using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Admin;

/// <summary>A signed-in staff member as the database says now: whose name goes into the audit log.</summary>
public sealed record Actor(string Id, string Email, bool EsAdmin);

/// <summary>Refused: the message is shown to the staff member as it is.</summary>
public sealed class SinPermisoException(string message) : Exception(message);

/// <summary>
/// Re-checks the signed-in user against the database before every save (the cookie's roles may be stale): the account
/// exists, is not disabled or locked out, its security stamp is the one signed in with, and it holds the role the policy
/// needs — an admin only with the second factor passed. Each check uses its own scope, never the circuit's.
/// </summary>
public sealed class PersonalActual(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, AuthenticationStateProvider? sesion = null)
{
    /// <summary>The user of this circuit (or request) if still allowed to act under <paramref name="politica"/>; else throws <see cref="SinPermisoException"/>.</summary>
    public async Task<Actor> ExigirAsync(string politica = Politicas.Personal)
    {
        if (sesion is null) throw new SinPermisoException("No hay una sesión de personal.");
        return await ExigirAsync((await sesion.GetAuthenticationStateAsync()).User, politica);
    }

    public async Task<Actor> ExigirAsync(ClaimsPrincipal user, string politica)
    {
        var actor = await VigenteAsync(user) ?? throw new SinPermisoException("Su sesión ya no es válida: vuelva a ingresar. No se guardó nada.");
        if (politica == Politicas.Administracion && !actor.EsAdmin)
            throw new SinPermisoException("Solo un administrador puede hacer este cambio. No se guardó nada.");
        return actor;
    }

    /// <summary>The actor behind <paramref name="user"/>, or null when the account no longer allows it.</summary>
    public async Task<Actor?> VigenteAsync(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UsuarioStaff>>();
        if (await users.GetUserAsync(user) is not { Deshabilitado: false } cuenta || await users.IsLockedOutAsync(cuenta)) return null;
        if (user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) != await users.GetSecurityStampAsync(cuenta)) return null;
        var roles = await users.GetRolesAsync(cuenta);
        if (roles.Contains(Roles.Admin) && Politicas.UsoSegundoFactor(user)) return new Actor(cuenta.Id, cuenta.Email ?? cuenta.UserName ?? cuenta.Id, true);
        return roles.Contains(Roles.Editor) ? new Actor(cuenta.Id, cuenta.Email ?? cuenta.UserName ?? cuenta.Id, false) : null;
    }
}

/// <summary>The audit log (CONTRACTS §6: staff edits also raise "data changed", which the sync-run watcher notices here).</summary>
public static class Auditoria
{
    public const string Asociacion = "asociacion";
    public const string Certificacion = "certificacion";
    public const string Productor = "productor";
    public const string Meta = "meta";
    public const string Demanda = "demanda";
    public const string Cuarentena = "cuarentena";
    public const string Sincronizacion = "sincronizacion";
    /// <summary>Accounts change no public data: their entries raise no "data changed".</summary>
    public const string Usuario = "usuario";

    private static readonly JsonSerializerOptions Json = new()
    {
        // Shown encoded in the page and the CSV: readable accents and quotes matter more here than HTML-safe JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>Adds the change's entry to <paramref name="db"/>: it is saved with the change, in the same SaveChanges.</summary>
    public static CambioAuditado Registrar(AppDbContext db, string usuario, string accion, string entidad, string clave, object? antes, object? despues,
        DateTime cuando)
    {
        var cambio = new CambioAuditado
        {
            Cuando = cuando, Usuario = usuario, Accion = accion, Entidad = entidad, Clave = clave,
            Antes = antes is null ? null : JsonSerializer.Serialize(antes, antes.GetType(), Json),
            Despues = despues is null ? null : JsonSerializer.Serialize(despues, despues.GetType(), Json),
        };
        db.Auditoria.Add(cambio);
        return cambio;
    }
}
