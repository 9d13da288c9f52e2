using System.Net;
using OpenLicitaciones.Features.Admin;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task A_new_admin_enrols_the_authenticator_from_the_shared_key_gets_ten_recovery_codes_and_then_needs_a_code_at_each_sign_in()
    {
        using var db = new TestDb();
        await using var host = await ApiHost.StartAsync(db);
        await StaffSession.CrearCuentaAsync(host.Services, "nueva@palmira.gov.co", Roles.Admin, segundoFactor: false);
        using var sesion = new StaffSession(host.Client.BaseAddress!);

        var ingreso = await sesion.IngresarAsync("nueva@palmira.gov.co", null);
        Assert.Equal($"{Rutas.DosPasos}?ReturnUrl=%2Fadmin", StaffSession.Destino(ingreso));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await sesion.Client.GetAsync("/admin")).StatusCode); // not before the second factor
        var enrolamiento = StaffSession.Documento(await sesion.Client.GetStringAsync(Rutas.DosPasos));
        var clave = enrolamiento.QuerySelector(".clave-autenticador")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", enrolamiento.QuerySelector("img.qr-autenticador")!.GetAttribute("src"));

        var mal = await sesion.EnviarAsync(Rutas.DosPasos, "activar", new() { ["Datos.Codigo"] = Otro(Totp.Codigo(clave, DateTimeOffset.UtcNow)) });
        Assert.Contains("El código no es correcto", StaffSession.Documento(await mal.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent);
        var activado = await sesion.EnviarAsync(Rutas.DosPasos, "activar", new() { ["Datos.Codigo"] = Totp.Codigo(clave, DateTimeOffset.UtcNow) });
        var codigos = StaffSession.Documento(await activado.Content.ReadAsStringAsync()).QuerySelectorAll(".codigos-recuperacion code").Select(c => c.TextContent).ToList();

        Assert.Equal(10, codigos.Distinct().Count());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await sesion.Client.GetAsync("/admin")).StatusCode);

        // A new session asks for the code after the password; a recovery code also works, once.
        using var otra = new StaffSession(host.Client.BaseAddress!);
        var paso = await otra.IngresarAsync("nueva@palmira.gov.co", null);
        Assert.StartsWith(Rutas.SegundoFactor, StaffSession.Destino(paso));
        var recuperado = await otra.EnviarAsync(Rutas.CodigoRecuperacion, "recuperacion", new() { ["Datos.Codigo"] = codigos[0] });
        Assert.Equal("/admin", StaffSession.Destino(recuperado));
        using var tercera = new StaffSession(host.Client.BaseAddress!);
        await tercera.IngresarAsync("nueva@palmira.gov.co", null);
        var repetido = await tercera.EnviarAsync(Rutas.CodigoRecuperacion, "recuperacion", new() { ["Datos.Codigo"] = codigos[0] });
        Assert.Contains("no es válido o ya se usó", await ErrorAsync(repetido));
    }

    /// <summary>The form's error as a person reads it (the page's HTML encodes accented letters).</summary>
    private static async Task<string?> ErrorAsync(HttpResponseMessage respuesta) =>
        StaffSession.Documento(await respuesta.Content.ReadAsStringAsync()).QuerySelector(".cuenta-error")?.TextContent;

    private static string Otro(string codigo) => ((int.Parse(codigo, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_the_right_one_no_longer_works_and_the_message_says_so()
    {
        using var db = new TestDb();
        await using var host = await ApiHost.StartAsync(db);
        await StaffSession.CrearCuentaAsync(host.Services, "editora@palmira.gov.co", Roles.Editor, segundoFactor: false);
        using var sesion = new StaffSession(host.Client.BaseAddress!);

        for (var i = 0; i < 4; i++)
        {
            var fallo = await sesion.IngresarAsync("editora@palmira.gov.co", null, password: "Equivocada-1234");
            Assert.Equal("El correo o la contraseña no son correctos.", await ErrorAsync(fallo));
        }
        var quinto = await sesion.IngresarAsync("editora@palmira.gov.co", null, password: "Equivocada-1234");
        var correcta = await sesion.IngresarAsync("editora@palmira.gov.co", null);

        Assert.StartsWith("La cuenta está bloqueada", await ErrorAsync(quinto));
        Assert.Equal(System.Net.HttpStatusCode.OK, correcta.StatusCode);
        Assert.StartsWith("La cuenta está bloqueada", await ErrorAsync(correcta));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await sesion.Client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_as_a_wrong_password()
    {
        using var db = new TestDb();
        await using var host = await ApiHost.StartAsync(db);
        using var sesion = new StaffSession(host.Client.BaseAddress!);

        var respuesta = await sesion.IngresarAsync("nadie@palmira.gov.co", null);

        Assert.Equal("El correo o la contraseña no son correctos.", StaffSession.Documento(await respuesta.Content.ReadAsStringAsync()).QuerySelector(".cuenta-error")!.TextContent);
    }

    [Fact]
    public async Task Sign_in_attempts_past_the_limit_per_minute_get_a_429_in_spanish_while_pages_stay_open()
    {
        using var db = new TestDb();
        await using var host = await ApiHost.StartAsync(db, new Dictionary<string, string?> { ["Personal:IntentosPorMinuto"] = "3" });
        using var sesion = new StaffSession(host.Client.BaseAddress!);

        var respuestas = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++) respuestas.Add(await sesion.IngresarAsync("nadie@palmira.gov.co", null));

        Assert.All(respuestas.Take(3), r => Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, respuestas[3].StatusCode);
        Assert.StartsWith("Demasiados intentos de ingreso", await respuestas[3].Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await sesion.Client.GetAsync(Rutas.Ingresar)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await sesion.Client.GetAsync("/licitaciones")).StatusCode);
    }

    [Fact]
    public async Task The_staff_cookie_is_http_only_same_site_lax_and_secure_whenever_the_request_is_https()
    {
        using var db = new TestDb();
        await using var host = await ApiHost.StartAsync(db);
        await StaffSession.CrearCuentaAsync(host.Services, "editora@palmira.gov.co", Roles.Editor, segundoFactor: false);
        using var sesion = new StaffSession(host.Client.BaseAddress!);

        var respuesta = await sesion.IngresarAsync("editora@palmira.gov.co", null);
        var cookie = respuesta.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("OpenLicitaciones.Personal=", StringComparison.Ordinal));

        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain HTTP on loopback
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        var https = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        https.Request.Scheme = "https";
        Assert.True(options.Cookie.Build(https).Secure);
    }

    [Fact]
    public async Task A_sign_in_survives_a_restart_and_works_on_another_instance_because_the_keys_are_in_the_database()
    {
        using var db = new TestDb();
        System.Net.CookieCollection cookies;
        await using (var primera = await ApiHost.StartAsync(db))
        {
            await StaffSession.CrearCuentaAsync(primera.Services, "editora@palmira.gov.co", Roles.Editor, segundoFactor: false);
            using var sesion = new StaffSession(primera.Client.BaseAddress!);
            await sesion.IngresarAsync("editora@palmira.gov.co", null);
            cookies = sesion.Handler.CookieContainer.GetAllCookies();
        }

        await using var segunda = await ApiHost.StartAsync(db);
        using var misma = new StaffSession(segunda.Client.BaseAddress!);
        misma.Handler.CookieContainer.Add(cookies);

        Assert.Equal(System.Net.HttpStatusCode.OK, (await misma.Client.GetAsync("/admin")).StatusCode);
    }
}
