using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Productores;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Admin;

/// <summary>The associations' staff pages in bunit over the app's registrations and a real SQLite database.</summary>
public sealed class AsociacionPageTests : ComponentTest
{
    private const string Script = "<script>alert('x')</script> Asociación";
    private static readonly Actor Otro = new("id-otro", "otro@palmira.gov.co", false);

    [Fact]
    public async Task Bad_input_is_explained_next_to_each_field_what_was_typed_stays_and_nothing_is_written()
    {
        using var testDb = new TestDb();
        using var host = await SinSesionAsync(testDb);
        var cut = Render<AsociacionPage>();

        cut.Find("input[data-campo=nit]").Change("79123456");
        cut.Find("[data-testid=producto-agregar]").Click();
        cut.Find("input[data-campo='productos[0].cantidad']").Change("2,5");
        cut.Find("input[data-campo=porcentajeMujeres]").Change("140");
        cut.Find("[data-testid=asociacion-guardar]").Click();

        cut.WaitForElement("[data-testid=asociacion-errores]");
        Assert.Equal("Escriba el nombre de la asociación.", MensajeJunto(cut, CamposAsociacion.Nombre));
        Assert.Equal(AsociacionValidacion.NoEsOrganizacion, MensajeJunto(cut, CamposAsociacion.Nit));
        Assert.Equal("Escriba el nombre del producto.", MensajeJunto(cut, CamposAsociacion.Producto(0, "producto")));
        Assert.Equal("Elija la familia UNSPSC del producto.", MensajeJunto(cut, CamposAsociacion.Producto(0, "familia")));
        Assert.Equal("Elija la unidad de la capacidad.", MensajeJunto(cut, CamposAsociacion.Producto(0, "unidad")));
        Assert.Equal("Elija el periodo de la capacidad.", MensajeJunto(cut, CamposAsociacion.Producto(0, "periodo")));
        Assert.Equal("El porcentaje de mujeres debe estar entre 0 y 100.", MensajeJunto(cut, CamposAsociacion.PorcentajeMujeres));
        Assert.Equal("79123456", cut.Find("input[data-campo=nit]").GetAttribute("value"));
        Assert.Equal("140", cut.Find("input[data-campo=porcentajeMujeres]").GetAttribute("value"));
        Assert.Equal("2,5", cut.Find("input[data-campo='productos[0].cantidad']").GetAttribute("value"));
        await using var db = testDb.CreateDbContext();
        Assert.Equal(0, await db.Asociaciones.CountAsync(a => a.Origen == Asociacion.Secretaria));
        Assert.Equal(0, await db.Auditoria.CountAsync());
    }

    [Fact]
    public async Task Correcting_a_field_clears_its_message_and_leaves_the_others()
    {
        using var testDb = new TestDb();
        using var host = await SinSesionAsync(testDb);
        var cut = Render<AsociacionPage>();
        cut.Find("input[data-campo=nit]").Change("891380007-4");
        cut.Find("[data-testid=asociacion-guardar]").Click();
        Assert.Equal("El dígito de verificación no corresponde a ese NIT: revise el número y el dígito.", MensajeJunto(cut, CamposAsociacion.Nit));

        cut.Find("input[data-campo=nit]").Change("891380007-3");

        Assert.DoesNotContain("error-", cut.Find("input[data-campo=nit]").GetAttribute("aria-describedby") ?? "");
        Assert.Empty(cut.FindAll("[id=error-nit]"));
        Assert.Equal("Escriba el nombre de la asociación.", MensajeJunto(cut, CamposAsociacion.Nombre));
    }

    [Fact]
    public async Task A_known_product_gets_its_family_and_each_row_shows_why_its_capacity_is_not_summed_yet()
    {
        using var testDb = new TestDb();
        using var host = await SinSesionAsync(testDb);
        var cut = Render<AsociacionPage>();
        cut.Find("[data-testid=producto-agregar]").Click();

        cut.Find("input[data-campo='productos[0].producto']").Change("tomate");

        Assert.Equal("5040 · Vegetales frescos", cut.Find("[data-campo='productos[0].familia']").TextContent.Trim());
        Assert.Equal("No se suma: La asociación no publicó su capacidad.", cut.Find("[data-testid=producto-mensual]").TextContent.Trim());
    }

    [Fact]
    public async Task Clicking_the_map_places_the_point_and_a_point_outside_the_municipality_is_explained_beside_the_location()
    {
        using var testDb = new TestDb();
        using var host = await SinSesionAsync(testDb);
        var cut = Render<AsociacionPage>();
        var mapa = cut.FindComponent<MapaMunicipio>();
        var rozo = GeografiaDePrueba.DePalmira.Proyeccion.Proyectar(3.612497722, -76.38613913);

        await cut.InvokeAsync(() => mapa.Instance.MarcarPunto(rozo.X, rozo.Y));

        Assert.Equal("3.612498", cut.Find("input[data-campo=latitud]").GetAttribute("value"));
        Assert.Equal("-76.386139", cut.Find("input[data-campo=longitud]").GetAttribute("value"));
        Assert.Equal("Punto marcado: 3.612498, -76.386139", cut.Find("[data-testid=ubicacion-resumen]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=mapa-marcador]"));
        Assert.Empty(cut.FindAll("[data-testid=ubicacion-error]"));

        await cut.InvokeAsync(() => mapa.Instance.MarcarPunto(5, 5)); // the map's north-west corner, outside Palmira

        var error = cut.Find("[data-testid=ubicacion-error]");
        Assert.Equal("El punto queda fuera de Palmira: elija un lugar dentro del municipio.", error.TextContent);
        Assert.Equal(error.Id, cut.Find("fieldset[data-campo=ubicacion]").GetAttribute("aria-describedby"));
        Assert.Empty(cut.FindAll("[data-testid=asociacion-errores]")); // nothing was saved yet: no "No se guardó" summary
    }

    [Fact]
    public async Task A_script_in_an_association_name_is_shown_as_text_in_the_list_and_in_the_form()
    {
        using var testDb = new TestDb();
        using var host = await SinSesionAsync(testDb);
        var id = await CrearAsync(testDb, Script);

        var lista = Render<AsociacionesPage>();
        var enlace = lista.WaitForElements("[data-testid=asociacion-enlace]").Single(a => a.GetAttribute("href") == $"/admin/asociaciones/{id}");
        Assert.Equal(Script, enlace.TextContent);
        Assert.Empty(lista.FindAll("script"));

        var form = Render<AsociacionPage>(p => p.Add(x => x.Id, id));
        var nombre = form.WaitForElement("input[data-campo=nombre]");
        Assert.Equal(Script, nombre.GetAttribute("value"));
        Assert.StartsWith(Script, form.Find("[data-testid=mapa-marcador]").GetAttribute("aria-label"));
        Assert.Empty(form.FindAll("script"));
    }

    [Fact]
    public async Task The_list_searches_by_name_place_or_product_and_says_when_nothing_matches()
    {
        using var testDb = new TestDb();
        using var host = await SinSesionAsync(testDb);
        await CrearAsync(testDb, "Asociación Búsqueda Única");

        var navegacion = Services.GetRequiredService<NavigationManager>();
        navegacion.NavigateTo("/admin/asociaciones?q=busqueda%20unica");
        var lista = Render<AsociacionesPage>();
        Assert.Equal(["Asociación Búsqueda Única"], lista.WaitForElements("[data-testid=asociacion-enlace]").Select(a => a.TextContent));

        lista.Find("input[data-testid=asociaciones-buscar]").Input("HUEVO");
        lista.WaitForAssertion(() => Assert.EndsWith("?q=HUEVO", navegacion.Uri));
        Assert.Contains("Asociación Búsqueda Única", lista.FindAll("[data-testid=asociacion-enlace]").Select(a => a.TextContent));

        lista.Find("input[data-testid=asociaciones-buscar]").Input("zzz-no-existe");
        Assert.Equal("Ninguna asociación coincide con «zzz-no-existe».", lista.WaitForElement("[data-testid=asociaciones-vacio]").TextContent);
        Assert.Equal("/admin/asociaciones/nueva", lista.Find("[data-testid=asociaciones-nueva]").GetAttribute("href"));
    }

    [Fact]
    public async Task The_public_capacity_page_shows_a_script_in_an_association_name_as_text()
    {
        using var testDb = new TestDb();
        using var host = await SinSesionAsync(testDb);
        await CrearAsync(testDb, Script);
        await host.Services.GetRequiredService<DataChangedNotifier>().NotifyAsync();

        var cut = Render<CapacidadPage>();

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=tabla-organizaciones] tbody th"), th => th.TextContent.Trim() == Script));
        Assert.Contains(cut.FindAll("[data-testid=mapa-marcador]"), m => m.GetAttribute("aria-label")!.StartsWith(Script, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("script"));
    }

    [Fact]
    public async Task Without_a_valid_session_nothing_is_saved_and_the_reason_is_shown()
    {
        using var testDb = new TestDb();
        using var host = await SinSesionAsync(testDb);
        var cut = Render<AsociacionPage>();
        cut.Find("input[data-campo=nombre]").Change("Asociación sin sesión");

        cut.Find("[data-testid=asociacion-guardar]").Click();

        Assert.Equal("No hay una sesión de personal.", cut.WaitForElement("[data-testid=asociacion-sin-permiso]").TextContent.Trim());
        Assert.Equal("Asociación sin sesión", cut.Find("input[data-campo=nombre]").GetAttribute("value"));
        await using var db = testDb.CreateDbContext();
        Assert.False(await db.Asociaciones.AnyAsync(a => a.Nombre == "Asociación sin sesión"));
    }

    [Fact]
    public async Task A_signed_in_editor_creates_an_association_with_its_audit_entry_and_is_taken_to_it()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb);
        await ComoEditoraAsync(app.Services, "editora@palmira.gov.co");
        var cut = Render<AsociacionPage>();
        var rozo = GeografiaDePrueba.DePalmira.Proyeccion.Proyectar(3.612497722, -76.38613913);

        cut.Find("input[data-campo=nombre]").Change("Asociación Nueva de Rozo");
        cut.Find("input[data-campo=nit]").Change("900.123.456-8");
        await cut.InvokeAsync(() => cut.FindComponent<MapaMunicipio>().Instance.MarcarPunto(rozo.X, rozo.Y));
        cut.Find("input[data-campo=porcentajeMujeres]").Change("55");
        cut.Find("input[data-grupo=indigena], [data-grupo=indigena] input").Change(true);
        cut.Find("[data-testid=asociacion-guardar]").Click();

        var navegacion = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches(@"/admin/asociaciones/\d+$", navegacion.Uri));
        await using var db = testDb.CreateDbContext();
        var a = await db.Asociaciones.SingleAsync(x => x.Nombre == "Asociación Nueva de Rozo");
        Assert.EndsWith($"/admin/asociaciones/{a.Id}", navegacion.Uri);
        Assert.Equal(("900123456", 0.55, "indigena", "editora@palmira.gov.co", Asociacion.Secretaria),
            (a.Nit, a.ProporcionMujeres, a.GruposEtnicos, a.ActualizadaPor, a.Origen));
        Assert.Equal(3.612498, a.Latitud!.Value, 6);
        var entrada = await db.Auditoria.SingleAsync(c => c.Entidad == Auditoria.Asociacion);
        Assert.Equal(("crear", a.Id.ToString(), "editora@palmira.gov.co"), (entrada.Accion, entrada.Clave, entrada.Usuario));
    }

    [Fact]
    public async Task A_save_after_someone_else_changed_the_association_is_refused_keeps_the_input_and_can_reload()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb);
        await ComoEditoraAsync(app.Services, "editora@palmira.gov.co");
        var id = await CrearAsync(testDb, "Asomujer");
        var cut = Render<AsociacionPage>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("input[data-campo=nombre]");

        // Another staff member saves first, from another browser.
        await using (var otro = testDb.CreateDbContext())
        {
            var cargada = (await AsociacionGuardado.CargarAsync(otro, id))!;
            var r = await AsociacionGuardado.GuardarAsync(otro, Otro, id, cargada.Datos with { Nombre = "Cambio de la otra persona" }, cargada.Version,
                AsociacionValidacionTests.Reglas, DateTime.UtcNow);
            Assert.Equal(EstadoGuardado.Guardada, r.Estado);
        }
        cut.Find("input[data-campo=nombre]").Change("Mi cambio");
        cut.Find("[data-testid=asociacion-guardar]").Click();

        var aviso = cut.WaitForElement("[data-testid=asociacion-conflicto]");
        Assert.StartsWith("Otra persona cambió esta asociación mientras usted la editaba", aviso.TextContent.Trim());
        Assert.Equal("Mi cambio", cut.Find("input[data-campo=nombre]").GetAttribute("value"));
        await using (var db = testDb.CreateDbContext())
        {
            Assert.Equal("Cambio de la otra persona", (await db.Asociaciones.SingleAsync(a => a.Id == id)).Nombre);
            Assert.Equal(["crear", "editar"], await db.Auditoria.OrderBy(c => c.Id).Select(c => c.Accion).ToListAsync());
        }

        cut.Find("[data-testid=asociacion-recargar]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Cambio de la otra persona", cut.Find("input[data-campo=nombre]").GetAttribute("value")));
        Assert.Empty(cut.FindAll("[data-testid=asociacion-conflicto]"));
    }

    /// <summary>The message a field's input names in aria-describedby, checked to sit in the same field as the input.</summary>
    private static string MensajeJunto(IRenderedComponent<AsociacionPage> cut, string campo)
    {
        var input = cut.Find($"[data-campo='{campo}']");
        var id = input.GetAttribute("aria-describedby");
        Assert.StartsWith("error-", id);
        var mensaje = cut.Find($"[id='{id}']");
        Assert.True(input.Closest(".mud-input-control")!.Contains(mensaje), $"El mensaje de {campo} no está junto a su campo.");
        return mensaje.TextContent.Trim();
    }

    /// <summary>The app's registrations without Identity, a signed-out staff context: saves are refused by the session check.</summary>
    private async Task<IHost> SinSesionAsync(TestDb testDb)
    {
        var host = await TestHost.StartAsync(testDb);
        UseAppServices(host.Services);
        Services.AddScoped(sp => new PersonalActual(sp.GetRequiredService<IServiceScopeFactory>(), Options.Create(new IdentityOptions())));
        return host;
    }

    /// <summary>An editor's account in the app's database, and this test's circuit signed in as her (the claims a sign-in gives).</summary>
    private async Task ComoEditoraAsync(IServiceProvider app, string email)
    {
        UseAppServices(app);
        await IngresarComoPersonalAsync(app, email, Roles.Editor);
    }

    private static async Task<int> CrearAsync(TestDb testDb, string nombre)
    {
        await using var db = testDb.CreateDbContext();
        var datos = AsociacionValidacionTests.Base() with
        {
            Nombre = nombre, Latitud = 3.612497722, Longitud = -76.38613913, Lugar = "Rozo",
            Productos = [new ProductoDatos("Huevo", "5013", 9000, "huevos", "semana")],
        };
        var r = await AsociacionGuardado.GuardarAsync(db, Otro, null, datos, Guid.Empty, AsociacionValidacionTests.Reglas, DateTime.UtcNow);
        Assert.Equal(EstadoGuardado.Guardada, r.Estado);
        return r.Id!.Value;
    }
}
