using Microsoft.Playwright;
using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>The demo server with its first admin created by the `users add` command, as the README says to.</summary>
public sealed class StaffServer : IAsyncLifetime
{
    public const string AdminEmail = "admin@palmira.gov.co";
    public AppServer App { get; } = new();

    /// <summary>The admin's authenticator key once enrolled: it belongs to this server's database, not to the test run.</summary>
    internal string? ClaveAdmin { get; set; }

    /// <summary>Sign-ins take turns so that only the first one enrols the second factor.</summary>
    internal SemaphoreSlim Enrolamiento { get; } = new(1, 1);

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new System.CommandLine.RootCommand { UsuariosCommand.Create(new StringReader(StaffSession.Password + "\n")) };
        var code = await Cli.InvokeAsync(root, ["users", "add", "--email", AdminEmail, "--role", "admin", "--database", App.DatabasePath], output, error);
        Assert.True(code == 0, error.ToString());
        Assert.DoesNotContain(StaffSession.Password, output.ToString() + error.ToString());
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Enrolamiento.Dispose();
    }
}

public static class StaffBrowser
{
    /// <summary>Signs the admin in; the first time on this server, enrols the second factor through the page as a person would.</summary>
    public static async Task<IPage> AdminAsync(this StaffServer server, IBrowserContext context, Viewport viewport, bool capturar = false)
    {
        var page = await context.NewPageAsync();
        await server.Enrolamiento.WaitAsync();
        try
        {
            await page.GotoAsync("/admin");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cuenta/ingresar\\?ReturnUrl=%2Fadmin$"));
            if (capturar)
            {
                await page.AssertNoAxeViolationsAsync("/cuenta/ingresar", viewport);
                await Screenshots.SavePageAsync(page, "admin-ingresar", viewport);
            }
            await page.GetByLabel("Correo electrónico").FillAsync(StaffServer.AdminEmail);
            await page.GetByLabel("Contraseña").FillAsync(StaffSession.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar" }).ClickAsync();
            if (server.ClaveAdmin is null)
            {
                await Expect(page.Locator("h1")).ToHaveTextAsync("Segundo factor de ingreso");
                var clave = (await page.Locator(".clave-autenticador").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
                if (capturar)
                {
                    await page.AssertNoAxeViolationsAsync("/cuenta/dos-pasos", viewport);
                    await Screenshots.SavePageAsync(page, "admin-dos-pasos", viewport);
                }
                await page.GetByLabel("Código de verificación").FillAsync(Totp.Codigo(clave, DateTimeOffset.UtcNow));
                await page.GetByRole(AriaRole.Button, new() { Name = "Activar" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.List, new() { Name = "Códigos de recuperación" }).Locator("li")).ToHaveCountAsync(10);
                server.ClaveAdmin = clave;
                await page.GetByRole(AriaRole.Link, new() { Name = "Continuar" }).ClickAsync();
            }
            else
            {
                await Expect(page.Locator("h1")).ToHaveTextAsync("Código de verificación");
                if (capturar)
                {
                    await page.AssertNoAxeViolationsAsync("/cuenta/ingresar/codigo", viewport);
                    await Screenshots.SavePageAsync(page, "admin-codigo", viewport);
                }
                await page.GetByLabel("Código de la aplicación").FillAsync(Totp.Codigo(server.ClaveAdmin, DateTimeOffset.UtcNow));
                await page.GetByRole(AriaRole.Button, new() { Name = "Verificar" }).ClickAsync();
            }
            await Expect(page.Locator("h1")).ToHaveTextAsync("Área de la Secretaría");
            await Expect(page.Locator("h1")).ToBeFocusedAsync();
            return page;
        }
        finally
        {
            server.Enrolamiento.Release();
        }
    }
}
