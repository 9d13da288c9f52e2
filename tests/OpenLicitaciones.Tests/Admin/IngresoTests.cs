using System.Net;
using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Admin;

/// <summary>Sign-in over real HTTP through the app's composition root: passwords, the second factor, lockout and sign-out.</summary>
public sealed class IngresoTests
{
    [Fact]
    public async Task An_admin_with_the_second_factor_signs_in_with_password_and_code_and_opens_the_staff_area()
    {
        using var db = new TestDb();
        await using var host = await ApiHost.StartAsync(db);
        var clave = await StaffSession.CrearCuentaAsync(host.Services, "admin@palmira.gov.co", Roles.Admin, segundoFactor: true);
        using var sesion = new StaffSession(host.Client.BaseAddress!);

        var ingreso = await sesion.IngresarAsync("admin@palmira.gov.co", clave);
        var admin = await sesion.Client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, ingreso.StatusCode);
        Assert.Equal("/admin", StaffSession.Destino(ingreso));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var h1 = StaffSession.Documento(await admin.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent;
        Assert.Equal("Área de la Secretaría", h1);
    }
}
