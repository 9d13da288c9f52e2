using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Admin;

/// <summary>The certifications page rendered by bunit over the app's services, signed in as an editor.</summary>
public sealed class CertificacionesPageTests : ComponentTest
{
    private const string NombreConScript = "<script>alert('x')</script> Panadería S.A.S.";

    private async Task<ApiHost> StartAsync(TestDb testDb)
    {
        var app = await ApiHost.StartAsync(testDb);
        await using (var db = testDb.CreateDbContext())
        {
            db.Proveedores.Add(new ProveedorRegistrado { Codigo = "702000111", Nit = "900278398", Nombre = NombreConScript });
            await db.SaveChangesAsync();
        }
        await IngresarComoPersonalAsync(app.Services, "editora@palmira.gov.co", Roles.Editor);
        UseAppServices(app.Services);
        return app;
    }

    private static IElement Campo(IRenderedComponent<CertificacionesPage> cut, string etiqueta)
    {
        var label = cut.FindAll("label").First(l => l.TextContent.Trim() == etiqueta);
        return cut.Find($"[id='{label.GetAttribute("for")}']");
    }

    private static string? ErrorJunto(IElement input) =>
        input.Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    private static void Clic(IRenderedComponent<CertificacionesPage> cut, string texto) =>
        cut.FindAll("button").First(b => b.TextContent.Trim() == texto).Click();

    [Fact]
    public async Task An_empty_form_explains_each_field_next_to_it_and_saves_nothing()
    {
        using var testDb = new TestDb();
        await using var app = await StartAsync(testDb);
        var cut = Render<CertificacionesPage>();
        cut.WaitForState(() => cut.FindAll("table.admin-tabla").Count > 0 || cut.Markup.Contains("Todavía no hay"));
        var antes = await CountAsync(testDb);

        Clic(cut, "Registrar certificación");

        cut.WaitForAssertion(() => Assert.Equal("Escriba el NIT con su dígito de verificación.", ErrorJunto(Campo(cut, "NIT del proveedor"))));
        Assert.Equal("Escriba desde cuándo rige la certificación.", ErrorJunto(Campo(cut, "Vigente desde")));
        Assert.Equal("Escriba la referencia de la evidencia (acta, resolución o documento).", ErrorJunto(Campo(cut, "Evidencia")));
        Assert.Equal(antes, await CountAsync(testDb));
    }

    [Fact]
    public async Task A_wrong_check_digit_keeps_what_was_typed_and_a_valid_certification_is_listed_with_the_suppliers_name_as_text()
    {
        using var testDb = new TestDb();
        await using var app = await StartAsync(testDb);
        var cut = Render<CertificacionesPage>();

        Campo(cut, "NIT del proveedor").Input("900278398-1");
        Campo(cut, "Evidencia").Change("Resolución 12 de 2024");
        Clic(cut, "Registrar certificación");

        cut.WaitForAssertion(() => Assert.Equal("El dígito de verificación no corresponde a ese NIT: revise el número y el dígito.",
            ErrorJunto(Campo(cut, "NIT del proveedor"))));
        Assert.Equal("900278398-1", Campo(cut, "NIT del proveedor").GetAttribute("value"));
        Assert.Equal("Resolución 12 de 2024", Campo(cut, "Evidencia").GetAttribute("value"));

        Campo(cut, "NIT del proveedor").Input("900278398-4");
        Campo(cut, "Vigente desde").Change("2024-01-01");
        Clic(cut, "Registrar certificación");

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("table.admin-tabla tbody tr"), f => f.TextContent.Contains("NIT 900278398")));
        var fila = cut.FindAll("table.admin-tabla tbody tr").First(f => f.TextContent.Contains("NIT 900278398"));
        Assert.Equal(NombreConScript, fila.QuerySelector("strong")!.TextContent);
        Assert.Empty(cut.FindAll("table script"));
        await using var db = testDb.CreateDbContext();
        var guardada = await db.Certificaciones.SingleAsync(c => c.Nit == "900278398");
        Assert.Equal((new DateOnly(2024, 1, 1), "Resolución 12 de 2024", "editora@palmira.gov.co"), (guardada.Desde, guardada.Evidencia, guardada.RegistradaPor));
        Assert.Equal("NIT 900278398", (await db.Auditoria.SingleAsync(a => a.Entidad == Auditoria.Certificacion)).Clave);
    }

    private static async Task<int> CountAsync(TestDb testDb)
    {
        await using var db = testDb.CreateDbContext();
        return await db.Certificaciones.CountAsync();
    }
}
