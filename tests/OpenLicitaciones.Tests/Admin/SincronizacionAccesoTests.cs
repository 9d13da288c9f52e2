using System.Net;
using System.Text;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Admin;

/// <summary>The sync section over real HTTP: admins only — anonymous visitors are sent to sign in, editors refused.</summary>
public sealed class SincronizacionAccesoTests : IAsyncLifetime
{
    public static readonly TheoryData<string> Rutas = new()
    {
        "/admin/sincronizacion",
        "/admin/sincronizacion/cuarentena?conjunto=p6dx-8zbt",
        "/admin/sincronizacion/cuarentena.csv",
        "/admin/sincronizacion/cuarentena.csv?conjunto=p6dx-8zbt&q=precio",
    };

    private readonly TestDb _db = new();
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(_db);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _db.Dispose();
    }

    [Theory]
    [MemberData(nameof(Rutas))]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string ruta)
    {
        using var anonimo = new StaffSession(_host.Client.BaseAddress!);

        var respuesta = await anonimo.Client.GetAsync(ruta);

        Assert.Equal(HttpStatusCode.Redirect, respuesta.StatusCode);
        Assert.StartsWith($"{Features.Admin.Rutas.Ingresar}?ReturnUrl=", StaffSession.Destino(respuesta));
    }

    [Theory]
    [MemberData(nameof(Rutas))]
    public async Task An_editor_is_refused(string ruta)
    {
        await StaffSession.CrearCuentaAsync(_host.Services, "editora@palmira.gov.co", Roles.Editor, segundoFactor: false);
        using var editora = new StaffSession(_host.Client.BaseAddress!);
        Assert.Equal("/admin", StaffSession.Destino(await editora.IngresarAsync("editora@palmira.gov.co", null)));

        var respuesta = await editora.Client.GetAsync(ruta);

        Assert.Equal(HttpStatusCode.Forbidden, respuesta.StatusCode);
    }

    [Fact]
    public async Task An_admin_downloads_the_filtered_quarantine_as_csv_with_text_a_spreadsheet_would_run_neutralised()
    {
        await using (var db = _db.CreateDbContext())
        {
            var cuando = new DateTime(2026, 11, 21, 13, 0, 0, DateTimeKind.Utc);
            db.Quarantine.AddRange(
                new QuarantinedRow { Dataset = "p6dx-8zbt", RowKey = "=HYPERLINK(\"x\")", Reason = "precio_base: '-1+1' no es un valor numérico", RawJson = """{"a":"b, c"}""", QuarantinedAt = cuando },
                new QuarantinedRow { Dataset = "p6dx-8zbt", RowKey = "CO1.REQ.2", Reason = "fecha: 'ayer' no es una fecha", RawJson = "{}", QuarantinedAt = cuando },
                new QuarantinedRow { Dataset = "jbjy-vk9h", RowKey = "CO1.PCCNTR.1", Reason = "precio_base: 'x' no es un valor numérico", RawJson = "{}", QuarantinedAt = cuando });
            await db.SaveChangesAsync();
        }
        var clave = await StaffSession.CrearCuentaAsync(_host.Services, "admin@palmira.gov.co", Roles.Admin, segundoFactor: true);
        using var admin = new StaffSession(_host.Client.BaseAddress!);
        Assert.Equal("/admin", StaffSession.Destino(await admin.IngresarAsync("admin@palmira.gov.co", clave)));

        var respuesta = await admin.Client.GetAsync("/admin/sincronizacion/cuarentena.csv?conjunto=p6dx-8zbt&q=PRECIO");

        Assert.Equal(HttpStatusCode.OK, respuesta.StatusCode);
        Assert.Equal("text/csv", respuesta.Content.Headers.ContentType?.MediaType);
        Assert.Equal("cuarentena.csv", respuesta.Content.Headers.ContentDisposition?.FileNameStar ?? respuesta.Content.Headers.ContentDisposition?.FileName);
        var bytes = await respuesta.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Equal(
            "conjunto,clave,motivo,cuando,filaOriginal\r\n" +
            "p6dx-8zbt,\"'=HYPERLINK(\"\"x\"\")\",precio_base: '-1+1' no es un valor numérico,2026-11-21T13:00:00Z,\"{\"\"a\"\":\"\"b, c\"\"}\"\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }
}
