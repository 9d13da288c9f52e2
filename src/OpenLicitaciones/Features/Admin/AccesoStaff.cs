using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Admin;

/// <summary>The two staff roles: editors keep the data; admins also manage users, settings and the sync.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public static readonly IReadOnlyList<string> Todos = [Admin, Editor];
}

/// <summary>Who may open what. An admin counts as one only after a second factor (TOTP or a recovery code) in this sign-in.</summary>
public static class Politicas
{
    /// <summary>Editors, and admins who signed in with their second factor.</summary>
    public const string Personal = "personal";
    /// <summary>Admins who signed in with their second factor.</summary>
    public const string Administracion = "administracion";

    /// <summary>The claim Identity adds when a sign-in passed the second factor.</summary>
    public static bool UsoSegundoFactor(ClaimsPrincipal user) => user.HasClaim("amr", "mfa");

    public static bool AdminSinSegundoFactor(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) && !UsoSegundoFactor(user);

    internal static void Agregar(AuthorizationOptions o)
    {
        o.AddPolicy(Personal, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.IsInRole(Roles.Editor) || (c.User.IsInRole(Roles.Admin) && UsoSegundoFactor(c.User))));
        o.AddPolicy(Administracion, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.IsInRole(Roles.Admin) && UsoSegundoFactor(c.User)));
    }
}

public static class AccesoStaffRegistration
{
    public const string LimiteIngreso = "ingreso";

    /// <summary>Identity on the app's database, the staff cookie, the two policies and the sign-in rate limit.</summary>
    public static IHostApplicationBuilder AddAccesoStaff(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StaffOptions>().Bind(builder.Configuration.GetSection(StaffOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddIdentityCore<UsuarioStaff>(ConfigurarIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<ErroresIdentityEnEspanol>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(ConfigurarCookie);
        // A disabled user or a changed password ends every session at its next request, not only after the cookie expires.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization(Politicas.Agregar);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SesionRevalidada>();
        services.AddScoped<PersonalActual>();
        services.AddSingleton<IStartupSeed, RolesIniciales>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Demasiados intentos de ingreso desde esta conexión. Espere un minuto e intente de nuevo.", ct);
            };
            // Only sign-in attempts (password, code, recovery code) count; every other request is never limited.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c =>
                HttpMethods.IsPost(c.Request.Method) && c.Request.Path.StartsWithSegments(Rutas.Ingresar)
                    ? RateLimitPartition.GetFixedWindowLimiter(c.Connection.RemoteIpAddress?.ToString() ?? "?", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = c.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value.IntentosPorMinuto,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("libre"));
        });
        return builder;
    }

    /// <summary>After routing: who is signing in, whether they may, and the sign-in rate limit.</summary>
    public static WebApplication UseAccesoStaff(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static void ConfigurarIdentity(IdentityOptions o)
    {
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = false; // accounts are created by an admin or the CLI, never by self-registration
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 5;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }

    private static void ConfigurarCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = "OpenLicitaciones.Personal";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.LoginPath = Rutas.Ingresar;
        o.AccessDeniedPath = Rutas.Ingresar;
        o.Events.OnRedirectToLogin = c =>
        {
            if (EsApi(c.Request)) c.Response.StatusCode = StatusCodes.Status401Unauthorized;
            else c.Response.Redirect(c.RedirectUri);
            return Task.CompletedTask;
        };
        o.Events.OnRedirectToAccessDenied = c =>
        {
            // An admin who has not passed a second factor is sent to set it up (or to enter it) rather than refused.
            if (!EsApi(c.Request) && Politicas.AdminSinSegundoFactor(c.HttpContext.User))
                c.Response.Redirect(Rutas.DosPasos + "?ReturnUrl=" + Uri.EscapeDataString(c.Request.PathBase + c.Request.Path + c.Request.QueryString));
            else c.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    private static bool EsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");
}

/// <summary>The staff area's settings ("Personal" in appsettings.json).</summary>
public sealed class StaffOptions
{
    public const string Section = "Personal";

    /// <summary>Hours an editor's invitation link works.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 720, ErrorMessage = "Personal:HorasInvitacion debe estar entre 1 y 720 horas.")]
    public int HorasInvitacion { get; set; } = 72;

    /// <summary>Sign-in attempts (password or code) per minute from one address before a 429.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1000, ErrorMessage = "Personal:IntentosPorMinuto debe estar entre 1 y 1000.")]
    public int IntentosPorMinuto { get; set; } = 10;
}

/// <summary>The account pages' addresses.</summary>
public static class Rutas
{
    public const string Ingresar = "/cuenta/ingresar";
    public const string SegundoFactor = "/cuenta/ingresar/codigo";
    public const string CodigoRecuperacion = "/cuenta/ingresar/recuperacion";
    public const string DosPasos = "/cuenta/dos-pasos";
    public const string Salir = "/cuenta/salir";
    public const string Invitacion = "/cuenta/invitacion";
    public const string Admin = "/admin";

    /// <summary>A return address is followed only inside this site: never to another host.</summary>
    public static string Local(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : Admin;
}

/// <summary>Creates the two roles on start when they are missing.</summary>
internal sealed class RolesIniciales : IStartupSeed
{
    public async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var rol in Roles.Todos)
        {
            var normalizado = rol.ToUpperInvariant();
            if (!db.Roles.Any(r => r.NormalizedName == normalizado))
                db.Roles.Add(new IdentityRole(rol) { NormalizedName = normalizado, ConcurrencyStamp = Guid.NewGuid().ToString() });
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// An open staff page re-checks its user every minute: once disabled, locked out or with a changed security stamp (new
/// password, new role), the circuit's user becomes anonymous and the page shows the sign-in prompt.
/// </summary>
internal sealed class SesionRevalidada(ILoggerFactory logs, IServiceScopeFactory scopes) : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        if (state.User.Identity?.IsAuthenticated != true) return true;
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PersonalActual>().VigenteAsync(state.User) is not null;
    }
}
