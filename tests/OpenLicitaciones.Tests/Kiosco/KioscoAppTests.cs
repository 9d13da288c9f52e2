using System.Net;
using OpenLicitaciones.Features.Kiosco;
using OpenLicitaciones.Tests.EndToEnd;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Kiosco;

/// <summary>The kiosk through the app's real composition root (Program.cs on Kestrel).</summary>
public sealed class KioscoAppTests
{
    private const string Publica = "https://licitaciones.palmira.gov.co";

    [Fact]
    public async Task An_enabled_kiosk_without_a_public_address_stops_the_app_at_start_with_a_spanish_message()
    {
        // The built executable itself: Program.cs checks the settings before anything else and exits with their messages
        // (the test host's factory would start its server whatever Program.cs returns).
        var baseDeDatos = Path.Combine(Path.GetTempPath(), $"ol-kiosco-{Guid.NewGuid():N}.db");
        try
        {
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(new Dictionary<string, string>
            {
                ["ConnectionStrings__OpenLicitaciones"] = $"Data Source={baseDeDatos}",
                ["Sync__ScheduleEnabled"] = "false",
                ["Sync__LoadOnFirstStart"] = "false",
                ["Kiosco__Habilitado"] = "true",
                ["Site__PublicBaseUrl"] = "",
            }));

            Assert.Contains("The app exited with code 1 before answering /health.", e.Message);
            Assert.Contains($"Configuración inválida: {KioscoRegistration.SinDireccionPublica}", e.Message);
        }
        finally
        {
            File.Delete(baseDeDatos);
        }
    }

    [Fact]
    public async Task An_enabled_kiosk_with_a_public_address_serves_kiosco_without_any_staff_link()
    {
        using var testDb = new TestDb();
        await FilasKiosco.SembrarAsync(testDb);
        await using var app = await ApiHost.StartAsync(testDb, new Dictionary<string, string?>
        {
            ["Kiosco:Habilitado"] = "true", ["Site:PublicBaseUrl"] = Publica,
        });

        using var respuesta = await app.Client.GetAsync("/kiosco");

        Assert.Equal(HttpStatusCode.OK, respuesta.StatusCode);
        var html = StaffSession.Documento(await respuesta.Content.ReadAsStringAsync());
        Assert.NotNull(html.QuerySelector("[data-testid=kiosco]"));
        Assert.Single(html.QuerySelectorAll("h1"));
        Assert.Empty(html.QuerySelectorAll("a[href^='/admin'], a[href^='/cuenta'], a[href*='ingresar']"));
        Assert.DoesNotContain("Ingreso del personal", html.Body!.TextContent);
        Assert.Empty(html.QuerySelectorAll("input, textarea, select"));
        Assert.NotNull(html.QuerySelector("link[rel=stylesheet][href*='kiosco']"));
        Assert.All(html.QuerySelectorAll("[data-testid=kiosco-qr]"), qr => Assert.StartsWith(Publica + "/", qr.GetAttribute("data-url")));
        Assert.NotEmpty(html.QuerySelectorAll("[data-testid=kiosco-qr]"));
    }
}
