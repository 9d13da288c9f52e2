using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Admin;
using MudBlazor.Services;

namespace OpenLicitaciones.Tests.Support;

/// <summary>
/// bunit component tests with MudBlazor's services. Some of MudBlazor's services are only IAsyncDisposable, so the
/// context is disposed asynchronously (xunit's IAsyncLifetime) instead of through IDisposable.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    // Pages that wait for a derived view build it on first use; on a busy CI machine that took more than bunit's
    // one-second default, and a wait that succeeds returns as soon as it can.
    static ComponentTest() => DefaultWaitTimeout = TimeSpan.FromSeconds(15);

    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddScoped<OpenLicitaciones.Components.AvisoEnVivo>();
        // The layout and staff pages read who is signed in; a visitor is anonymous unless a test says otherwise.
        Autorizacion = AddAuthorization();
    }

    /// <summary>Who the rendered components see as signed in (bunit's authorization context).</summary>
    protected BunitAuthorizationContext Autorizacion { get; }

    /// <summary>
    /// Creates a staff account in the app and signs the rendered components in as it (an admin with the second factor
    /// passed); the pages' save-time check (<see cref="PersonalActual"/>) asks the app's database about that user.
    /// </summary>
    protected async Task IngresarComoPersonalAsync(IServiceProvider app, string email, string rol)
    {
        await StaffSession.CrearCuentaAsync(app, email, rol, segundoFactor: rol == Roles.Admin);
        await using var scope = app.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UsuarioStaff>>();
        var user = (await users.FindByEmailAsync(email))!;
        var identity = app.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        Autorizacion.SetAuthorized(email);
        Autorizacion.SetRoles(rol);
        Autorizacion.SetClaims(new Claim(identity.UserIdClaimType, user.Id), new Claim(identity.SecurityStampClaimType, (await users.GetSecurityStampAsync(user))!),
            new Claim("amr", "mfa"));
        Services.AddScoped(sp => new PersonalActual(app.GetRequiredService<IServiceScopeFactory>(), app.GetRequiredService<IOptions<IdentityOptions>>(),
            sp.GetRequiredService<AuthenticationStateProvider>()));
    }

    /// <summary>The app's own services (database, snapshots, notifier) behind bunit's navigation and JS runtime.</summary>
    protected void UseAppServices(IServiceProvider app) => Services.AddFallbackServiceProvider(app);

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
