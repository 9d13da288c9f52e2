using Microsoft.Playwright;
using OpenLicitaciones.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>The staff area as the Secretaría uses it, in headless Chromium: sign-in with TOTP, invitations, and edits that show live.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class AdminTests(BrowserFixture browser, StaffServer server) : IClassFixture<StaffServer>
{
    [Fact]
    public async Task The_first_admin_enrols_the_authenticator_signs_in_with_its_code_and_every_staff_page_passes_axe()
    {
        await using var context = await browser.NewContextAsync(server.App.BaseUrl, Viewport.Desktop);
        var page = await server.AdminAsync(context, Viewport.Desktop, capturar: true);
        await page.AssertNoAxeViolationsAsync("/admin", Viewport.Desktop);
        await Screenshots.SavePageAsync(page, "admin-inicio", Viewport.Desktop);

        foreach (var (ruta, titulo) in new[]
                 {
                     ("/admin/certificaciones", "Empresas de mujeres certificadas"), ("/admin/metas", "Metas de los indicadores"),
                     ("/admin/demanda", "Demanda declarada de alimentos"), ("/admin/usuarios", "Usuarios"), ("/admin/auditoria", "Registro de auditoría"),
                 })
        {
            await page.GotoInteractiveAsync(ruta);
            await Expect(page.Locator("h1")).ToHaveTextAsync(titulo);
            await page.AssertNoAxeViolationsAsync(ruta, Viewport.Desktop);
            await Screenshots.SavePageAsync(page, "admin-" + ruta.Split('/')[^1], Viewport.Desktop);
        }

        // Signed out, the staff area asks for the password and then the current code of the app.
        await page.GetByRole(AriaRole.Button, new() { Name = "Salir" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));
        await using var again = await browser.NewContextAsync(server.App.BaseUrl, Viewport.Phone);
        var phone = await server.AdminAsync(again, Viewport.Phone, capturar: true);
        await phone.AssertFitsWidthAsync();
        await phone.AssertNoAxeViolationsAsync("/admin", Viewport.Phone);
    }

    [Fact]
    public async Task An_admin_invites_an_editor_who_creates_the_account_from_the_link_and_cannot_open_admin_only_pages()
    {
        await using var context = await browser.NewContextAsync(server.App.BaseUrl, Viewport.Desktop);
        var admin = await server.AdminAsync(context, Viewport.Desktop);
        await admin.GotoInteractiveAsync("/admin/usuarios");
        await admin.GetByLabel("Correo de la persona").FillAsync("editora@palmira.gov.co");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Crear invitación" }).ClickAsync();
        var enlace = await admin.GetByTestId("enlace-invitacion").InnerTextAsync();
        Assert.StartsWith($"{AppServer.PublicBaseUrl}/cuenta/invitacion?token=", enlace);
        await Screenshots.SavePageAsync(admin, "admin-usuarios-invitacion", Viewport.Desktop);

        await using var editorContext = await browser.NewContextAsync(server.App.BaseUrl, Viewport.Phone);
        var editor = await editorContext.NewPageAsync();
        await editor.GotoAsync(new Uri(enlace).PathAndQuery);
        await editor.GetByLabel("Nombre completo").FillAsync("Editora de Prueba");
        await editor.GetByLabel("Contraseña", new() { Exact = true }).FillAsync("corta");
        await editor.GetByLabel("Repita la contraseña").FillAsync("corta");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Crear la cuenta" }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Alert)).ToContainTextAsync("al menos 12 caracteres");
        await editor.AssertNoAxeViolationsAsync("/cuenta/invitacion con errores", Viewport.Phone);
        await Screenshots.SavePageAsync(editor, "admin-invitacion-errores", Viewport.Phone);
        await editor.GetByLabel("Contraseña", new() { Exact = true }).FillAsync("Editora-Palmira-2026");
        await editor.GetByLabel("Repita la contraseña").FillAsync("Editora-Palmira-2026");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Crear la cuenta" }).ClickAsync();

        await Expect(editor.Locator("h1")).ToHaveTextAsync("Área de la Secretaría");
        await Expect(editor.GetByRole(AriaRole.Link, new() { Name = "Usuarios" })).ToHaveCountAsync(0);
        var prohibida = await editor.GotoAsync("/admin/usuarios");
        Assert.Equal(403, prohibida!.Status);
        await Expect(editor.Locator("h1")).ToHaveTextAsync("Esta sección no está disponible para su cuenta");
        // The link worked once.
        await using var otro = await browser.NewContextAsync(server.App.BaseUrl, Viewport.Desktop);
        var segunda = await otro.NewPageAsync();
        await segunda.GotoAsync(new Uri(enlace).PathAndQuery);
        await Expect(segunda.GetByRole(AriaRole.Alert)).ToContainTextAsync("no es válido, ya se usó o venció");
    }

    [Fact]
    public async Task Certifying_a_supplier_changes_its_monitor_profile_and_the_indicators_live_in_other_browsers()
    {
        const string Nit = "900278398"; // a demo supplier whose legal representative is a man in SECOP II
        await using var publico = await browser.NewContextAsync(server.App.BaseUrl, Viewport.Desktop);
        var perfil = await publico.NewPageAsync();
        await perfil.GotoInteractiveAsync($"/proveedores/{Nit}");
        await Expect(perfil.GetByTestId("perfil-mujer")).ToContainTextAsync("No");
        var tablero = await publico.NewPageAsync();
        await tablero.GotoInteractiveAsync("/indicadores?anio=2025");
        var g1 = tablero.Locator("[data-testid=tarjeta-indicador][data-codigo=g1] [data-testid=tarjeta-valor]");
        var antes = await g1.InnerTextAsync();
        await perfil.EvaluateAsync("() => window.__sinRecargar = true");
        await tablero.EvaluateAsync("() => window.__sinRecargar = true");

        await using var context = await browser.NewContextAsync(server.App.BaseUrl, Viewport.Desktop);
        var admin = await server.AdminAsync(context, Viewport.Desktop);
        await admin.GotoInteractiveAsync("/admin/certificaciones");
        await admin.GetByLabel("NIT del proveedor").First.FillAsync("900278398-0"); // its check digit is 4
        await admin.GetByRole(AriaRole.Button, new() { Name = "Registrar certificación" }).ClickAsync();
        await Expect(admin.GetByText("El dígito de verificación no corresponde")).ToBeVisibleAsync();
        await Expect(admin.GetByText("Escriba desde cuándo rige la certificación.")).ToBeVisibleAsync();
        await Screenshots.SavePageAsync(admin, "admin-certificaciones-errores", Viewport.Desktop);
        await admin.GetByLabel("NIT del proveedor").First.FillAsync(Nit + "-4");
        await admin.GetByLabel("Vigente desde").FillAsync("2020-01-01");
        await admin.GetByLabel("Vigente desde").PressAsync("Tab");
        await admin.GetByLabel("Evidencia").First.FillAsync("Resolución 0451 de 2020 <script>alert(1)</script>");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Registrar certificación" }).ClickAsync();
        var fila = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = $"NIT {Nit}" });
        await Expect(fila).ToContainTextAsync("Resolución 0451 de 2020 <script>alert(1)</script>");
        await Expect(fila).ToContainTextAsync("Vigente");
        await Screenshots.SavePageAsync(admin, "admin-certificaciones", Viewport.Desktop);

        await Expect(perfil.GetByTestId("perfil-mujer")).ToContainTextAsync("Certificada por la Secretaría", new() { Timeout = 15_000 });
        await Expect(g1).Not.ToHaveTextAsync(antes, new() { Timeout = 15_000 });
        Assert.True(await perfil.EvaluateAsync<bool>("() => window.__sinRecargar === true"), "the profile reloaded instead of updating live");
        Assert.True(await tablero.EvaluateAsync<bool>("() => window.__sinRecargar === true"), "the board reloaded instead of updating live");
        await Screenshots.SavePageAsync(perfil, "admin-perfil-certificado", Viewport.Desktop);

        await admin.GotoInteractiveAsync("/admin/auditoria");
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = $"NIT {Nit}" })).ToContainTextAsync(StaffServer.AdminEmail);
    }
}
