using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Admin;

/// <summary>Who may open each route. The list is kept in step with the app's endpoints: a new route missing from it fails the run.</summary>
public enum Acceso
{
    /// <summary>Anyone, anonymously: the public dashboard and its open-data API.</summary>
    Publico,
    /// <summary>The account forms: anyone may open them (they are how one signs in).</summary>
    Cuenta,
    /// <summary>Any signed-in account, admins before their second factor included (setting it up).</summary>
    Sesion,
    /// <summary>Editors, and admins who passed the second factor.</summary>
    Personal,
    /// <summary>Admins who passed the second factor.</summary>
    Admin,
    /// <summary>The framework's own endpoints (circuit hub, static files); not pages.</summary>
    Marco,
}

public sealed record Ruta(string Patron, string Metodos, Acceso Acceso, string Ejemplo)
{
    public override string ToString() => $"{Metodos} {Patron}";
}

public sealed class RutasFixture : IAsyncLifetime
{
    private readonly TestDb _db = new();
    public ApiHost Host { get; private set; } = null!;
    public StaffSession Anonima { get; private set; } = null!;
    public StaffSession Editor { get; private set; } = null!;
    public StaffSession Admin { get; private set; } = null!;
    public StaffSession AdminSinSegundoFactor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await ApiHost.StartAsync(_db);
        var claveAdmin = await StaffSession.CrearCuentaAsync(Host.Services, "admin@palmira.gov.co", Roles.Admin, segundoFactor: true);
        await StaffSession.CrearCuentaAsync(Host.Services, "editora@palmira.gov.co", Roles.Editor, segundoFactor: false);
        await StaffSession.CrearCuentaAsync(Host.Services, "nuevo-admin@palmira.gov.co", Roles.Admin, segundoFactor: false);
        Anonima = new StaffSession(Host.Client.BaseAddress!);
        Editor = await IngresadaAsync("editora@palmira.gov.co", null);
        Admin = await IngresadaAsync("admin@palmira.gov.co", claveAdmin);
        AdminSinSegundoFactor = await IngresadaAsync("nuevo-admin@palmira.gov.co", null);
    }

    private async Task<StaffSession> IngresadaAsync(string email, string? clave)
    {
        var sesion = new StaffSession(Host.Client.BaseAddress!);
        var respuesta = await sesion.IngresarAsync(email, clave);
        Assert.Equal(HttpStatusCode.Redirect, respuesta.StatusCode);
        return sesion;
    }

    public async Task DisposeAsync()
    {
        foreach (var s in new[] { Anonima, Editor, Admin, AdminSinSegundoFactor }) s.Dispose();
        await Host.DisposeAsync();
        _db.Dispose();
    }
}

public sealed class RutasTests(RutasFixture app) : IClassFixture<RutasFixture>
{
    public static readonly IReadOnlyList<Ruta> Todas =
    [
        new("/", "GET,POST", Acceso.Publico, "/"),
        new("/licitaciones", "GET,POST", Acceso.Publico, "/licitaciones"),
        new("/licitaciones/{Id}", "GET,POST", Acceso.Publico, "/licitaciones/no-existe"),
        new("/proveedores", "GET,POST", Acceso.Publico, "/proveedores"),
        new("/proveedores/{Id}", "GET,POST", Acceso.Publico, "/proveedores/no-existe"),
        new("/capacidad", "GET,POST", Acceso.Publico, "/capacidad"),
        new("/indicadores", "GET,POST", Acceso.Publico, "/indicadores"),
        new("/indicadores/{Codigo}", "GET,POST", Acceso.Publico, "/indicadores/g1"),
        new("/indicadores/metodologia", "GET,POST", Acceso.Publico, "/indicadores/metodologia"),
        new("/indicadores/comparar", "GET,POST", Acceso.Publico, "/indicadores/comparar"),
        new("/indicadores/imprimir", "GET,POST", Acceso.Publico, "/indicadores/imprimir"),
        new("/kiosco", "GET,POST", Acceso.Publico, "/kiosco"),
        new("/error", "GET,POST", Acceso.Publico, "/error"),
        new("/no-encontrado", "GET,POST", Acceso.Publico, "/no-encontrado"),
        new("/health", "GET", Acceso.Publico, "/health"),
        new("/api/v1/licitaciones", "GET", Acceso.Publico, "/api/v1/licitaciones"),
        new("/api/v1/procesos", "GET", Acceso.Publico, "/api/v1/procesos"),
        new("/api/v1/contratos", "GET", Acceso.Publico, "/api/v1/contratos"),
        new("/api/v1/paa", "GET", Acceso.Publico, "/api/v1/paa"),
        new("/api/v1/proveedores", "GET", Acceso.Publico, "/api/v1/proveedores"),
        new("/api/v1/sync/estado", "GET", Acceso.Publico, "/api/v1/sync/estado"),
        new("/api/v1/monitor/proveedores", "GET", Acceso.Publico, "/api/v1/monitor/proveedores"),
        new("/api/v1/monitor/proveedores/{id}", "GET", Acceso.Publico, "/api/v1/monitor/proveedores/no-existe"),
        new("/api/v1/monitor/alertas", "GET", Acceso.Publico, "/api/v1/monitor/alertas"),
        new("/api/v1/capacidad", "GET", Acceso.Publico, "/api/v1/capacidad"),
        new("/api/v1/capacidad/demanda", "GET", Acceso.Publico, "/api/v1/capacidad/demanda"),
        new("/api/v1/indicadores", "GET", Acceso.Publico, "/api/v1/indicadores"),
        new("/api/v1/indicadores/{codigo}/detalle", "GET", Acceso.Publico, "/api/v1/indicadores/g1/detalle"),
        new("/cuenta/ingresar", "GET,POST", Acceso.Cuenta, "/cuenta/ingresar"),
        new("/cuenta/ingresar/codigo", "GET,POST", Acceso.Cuenta, "/cuenta/ingresar/codigo"),
        new("/cuenta/ingresar/recuperacion", "GET,POST", Acceso.Cuenta, "/cuenta/ingresar/recuperacion"),
        new("/cuenta/invitacion", "GET,POST", Acceso.Cuenta, "/cuenta/invitacion"),
        new("/cuenta/salir", "POST", Acceso.Cuenta, "/cuenta/salir"),
        new("/cuenta/dos-pasos", "GET,POST", Acceso.Sesion, "/cuenta/dos-pasos"),
        new("/admin", "GET,POST", Acceso.Personal, "/admin"),
        new("/admin/certificaciones", "GET,POST", Acceso.Personal, "/admin/certificaciones"),
        new("/admin/asociaciones", "GET,POST", Acceso.Personal, "/admin/asociaciones"),
        new("/admin/asociaciones/nueva", "GET,POST", Acceso.Personal, "/admin/asociaciones/nueva"),
        new("/admin/asociaciones/{Id:int}", "GET,POST", Acceso.Personal, "/admin/asociaciones/1"),
        new("/admin/metas", "GET,POST", Acceso.Personal, "/admin/metas"),
        new("/admin/demanda", "GET,POST", Acceso.Personal, "/admin/demanda"),
        new("/admin/usuarios", "GET,POST", Acceso.Admin, "/admin/usuarios"),
        new("/admin/auditoria", "GET,POST", Acceso.Admin, "/admin/auditoria"),
        new("/admin/auditoria.csv", "GET", Acceso.Admin, "/admin/auditoria.csv"),
        new("/admin/sincronizacion", "GET,POST", Acceso.Admin, "/admin/sincronizacion"),
        new("/admin/sincronizacion/cuarentena", "GET,POST", Acceso.Admin, "/admin/sincronizacion/cuarentena"),
        new("/admin/sincronizacion/cuarentena.csv", "GET", Acceso.Admin, "/admin/sincronizacion/cuarentena.csv"),
        new("/_framework/opaque-redirect", "GET", Acceso.Marco, ""),
        new("/_blazor/negotiate", "", Acceso.Marco, ""),
        new("/_blazor", "", Acceso.Marco, ""),
        new("/_blazor/disconnect/", "", Acceso.Marco, ""),
        new("/_blazor/initializers/", "", Acceso.Marco, ""),
        new("{**path:file}", "GET,HEAD", Acceso.Marco, ""),
    ];

    public static TheoryData<string> Protegidas => new(Todas.Where(r => r.Acceso is Acceso.Personal or Acceso.Admin or Acceso.Sesion).Select(r => r.Ejemplo));
    public static TheoryData<string> DePersonal => new(Todas.Where(r => r.Acceso is Acceso.Personal).Select(r => r.Ejemplo));
    public static TheoryData<string> DeAdmin => new(Todas.Where(r => r.Acceso is Acceso.Admin).Select(r => r.Ejemplo));
    public static TheoryData<string> PaginasProtegidas =>
        new(Todas.Where(r => r.Acceso is Acceso.Personal or Acceso.Admin or Acceso.Sesion && r.Metodos.Contains("POST")).Select(r => r.Ejemplo));

    [Fact]
    public void Every_endpoint_of_the_app_is_in_the_list_and_every_listed_route_exists()
    {
        var endpoints = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"))
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}")
            .ToHashSet();
        var listadas = Todas.Select(r => r.ToString()).ToHashSet();

        Assert.True(endpoints.SetEquals(listadas),
            $"Rutas sin acceso declarado en RutasTests.Todas: {string.Join("; ", endpoints.Except(listadas))}. " +
            $"Listadas que ya no existen: {string.Join("; ", listadas.Except(endpoints))}.");
    }

    [Theory]
    [MemberData(nameof(Protegidas))]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_comes_back_after(string ruta)
    {
        var respuesta = await app.Anonima.Client.GetAsync(ruta);

        Assert.Equal(HttpStatusCode.Redirect, respuesta.StatusCode);
        Assert.Equal($"{Rutas.Ingresar}?ReturnUrl={Uri.EscapeDataString(ruta)}", StaffSession.Destino(respuesta));
    }

    [Theory]
    [MemberData(nameof(PaginasProtegidas))]
    public async Task An_anonymous_form_post_to_a_staff_page_changes_nothing_and_is_sent_to_sign_in(string ruta)
    {
        var respuesta = await app.Anonima.Client.PostAsync(ruta, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "x" }));

        Assert.Equal(HttpStatusCode.Redirect, respuesta.StatusCode);
        Assert.StartsWith(Rutas.Ingresar, StaffSession.Destino(respuesta));
    }

    [Theory]
    [MemberData(nameof(DePersonal))]
    public async Task An_editor_opens_the_editors_pages(string ruta) =>
        Assert.Equal(HttpStatusCode.OK, (await app.Editor.Client.GetAsync(ruta)).StatusCode);

    [Theory]
    [MemberData(nameof(DeAdmin))]
    public async Task An_editor_gets_403_with_a_spanish_page_on_admin_only_routes(string ruta)
    {
        var respuesta = await app.Editor.Client.GetAsync(ruta);

        Assert.Equal(HttpStatusCode.Forbidden, respuesta.StatusCode);
        if (!ruta.EndsWith(".csv", StringComparison.Ordinal))
            Assert.Equal("Esta sección no está disponible para su cuenta",
                StaffSession.Documento(await respuesta.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [MemberData(nameof(Protegidas))]
    public async Task An_admin_who_passed_the_second_factor_opens_every_staff_route(string ruta) =>
        Assert.Equal(HttpStatusCode.OK, (await app.Admin.Client.GetAsync(ruta)).StatusCode);

    [Theory]
    [MemberData(nameof(DeAdmin))]
    public async Task An_admin_without_a_second_factor_is_sent_to_set_it_up_before_any_staff_page(string ruta)
    {
        var respuesta = await app.AdminSinSegundoFactor.Client.GetAsync(ruta);

        Assert.Equal(HttpStatusCode.Redirect, respuesta.StatusCode);
        Assert.Equal($"{Rutas.DosPasos}?ReturnUrl={Uri.EscapeDataString(ruta)}", StaffSession.Destino(respuesta));
    }

    [Fact]
    public async Task The_public_pages_and_the_open_data_api_stay_anonymous()
    {
        foreach (var ruta in Todas.Where(r => r.Acceso == Acceso.Publico && !r.Ejemplo.Contains("no-existe") && r.Ejemplo != "/error"))
            Assert.True((await app.Anonima.Client.GetAsync(ruta.Ejemplo)).StatusCode == HttpStatusCode.OK, ruta.Ejemplo);
    }

    [Theory]
    [InlineData("/cuenta/ingresar", "ingreso")]
    [InlineData("/cuenta/invitacion", "invitacion")]
    [InlineData("/cuenta/salir", null)]
    public async Task A_form_post_without_its_anti_forgery_token_is_refused(string ruta, string? formulario)
    {
        var campos = new Dictionary<string, string> { ["Datos.Email"] = "admin@palmira.gov.co", ["Datos.Password"] = StaffSession.Password };
        if (formulario is not null) campos["_handler"] = formulario;

        var respuesta = await app.Anonima.Client.PostAsync(ruta, new FormUrlEncodedContent(campos));

        Assert.Equal(HttpStatusCode.BadRequest, respuesta.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_call_to_a_protected_api_endpoint_gets_401_not_a_redirect()
    {
        // The open-data API changes nothing and needs no sign-in; the staff cookie's rule for /api is checked on its own.
        var opciones = app.Host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        var contexto = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        contexto.Request.Path = "/api/v1/ejemplo";
        var esquema = new Microsoft.AspNetCore.Authentication.AuthenticationScheme(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme, null,
            typeof(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationHandler));

        await opciones.Events.OnRedirectToLogin(new(contexto, esquema, opciones, new(), "/cuenta/ingresar?ReturnUrl=%2Fapi%2Fv1%2Fejemplo"));
        await opciones.Events.OnRedirectToAccessDenied(new(contexto, esquema, opciones, new(), "/cuenta/ingresar"));

        Assert.Equal(403, contexto.Response.StatusCode); // the last one ran: denied → 403
        var anonimo = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        anonimo.Request.Path = "/api/v1/ejemplo";
        await opciones.Events.OnRedirectToLogin(new(anonimo, esquema, opciones, new(), "/cuenta/ingresar"));
        Assert.Equal(401, anonimo.Response.StatusCode);
        Assert.False(anonimo.Response.Headers.ContainsKey("Location"));
    }
}
