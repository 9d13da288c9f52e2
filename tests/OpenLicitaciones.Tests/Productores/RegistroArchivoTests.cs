using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Productores;

/// <summary>The registry's files: bad rows are rejected at load naming file, row and field; the valid rows still load.</summary>
public sealed class RegistroArchivoTests : IDisposable
{
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "data");
    private readonly string _dir = Directory.CreateTempSubdirectory("ol-registro-").FullName;

    private static IReadOnlyDictionary<string, string> Familias => RegistroArchivo.LeerFamilias(Path.Combine(Data, "productos_unspsc.csv"));

    // Roughly Palmira's bounding box: enough to tell inside from outside in these tests.
    private static bool EnPalmira(double lat, double lon) => lat is > 3.45 and < 3.72 && lon is > -76.49 and < -75.95;

    private const string Malo = """
        { "source": "prueba", "associations": [
          { "name": "BUENA", "products": [ { "product": "Tilapia", "quantity": 40, "unit": "toneladas", "period": "semestre" } ] },
          { "name": "MIXTA", "products": [
            { "product": "Café", "quantity": -6, "unit": "toneladas", "period": "semestre" },
            { "product": "Tomate", "quantity": "mucho", "unit": "toneladas", "period": "mes" },
            { "product": "Habichuela", "quantity": 3, "unit": "canecas", "period": "mes" },
            { "product": "Banano", "quantity": 3, "unit": "toneladas", "period": "lustro" },
            { "product": "Mango de azúcar", "quantity": 3, "unit": "toneladas", "period": "mes" },
            { "product": "Yuca", "quantity": 3, "unit": "toneladas", "period": "mes" } ] },
          { "name": "LEJANA", "nit": "901999111", "latitude": 4.6, "longitude": -74.1, "products": [] },
          { "name": "NIT MALO", "nit": "12345", "products": [] },
          "no soy una asociación",
          { "name": "PRODUCTO RARO", "products": [ 42 ] }
        ] }
        """;

    [Fact]
    public void Each_bad_row_is_rejected_with_its_file_row_and_field_and_the_valid_rows_load()
    {
        var path = Path.Combine(_dir, "registro.json");
        File.WriteAllText(path, Malo);

        var leido = RegistroArchivo.Leer(path, Familias, EnPalmira);

        Assert.Equal(["BUENA", "MIXTA", "PRODUCTO RARO"], leido.Productores.Select(p => p.Nombre));
        Assert.Equal(["Yuca"], leido.Productores[1].Productos.Select(p => p.Producto));
        Assert.Equal(
        [
            ("asociación 2 (MIXTA), producto 1 (Café)", "quantity", "negativa"),
            ("asociación 2 (MIXTA), producto 2 (Tomate)", "quantity", "no es un número"),
            ("asociación 2 (MIXTA), producto 3 (Habichuela)", "unit", "canecas"),
            ("asociación 2 (MIXTA), producto 4 (Banano)", "period", "lustro"),
            ("asociación 2 (MIXTA), producto 5 (Mango de azúcar)", "product", "productos_unspsc.csv"),
            ("asociación 3 (LEJANA)", "latitude", "fuera del municipio"),
            ("asociación 4 (NIT MALO)", "nit", "no es el NIT de una organización"),
            ("asociación 5", "(fila)", "no es un objeto JSON"),
            ("asociación 6 (PRODUCTO RARO), producto 1", "(fila)", "no es un objeto JSON"),
        ], leido.Errores.Select(e => (e.Fila, e.Campo, Fragment(e.Mensaje, e))));
        Assert.All(leido.Errores, e => Assert.Equal("registro.json", e.Archivo));
        Assert.DoesNotContain(leido.Errores, e => e.ToString().Contains("12345")); // a number that is not a company NIT may be a cédula: never repeated
        Assert.StartsWith("registro.json, asociación 2 (MIXTA), producto 1 (Café), campo «quantity»:", leido.Errores[0].ToString());
    }

    // The expected fragment when the message contains it, so a failure shows the whole message.
    private static string Fragment(string message, ErrorCarga e) =>
        new[] { "negativa", "no es un número", "canecas", "lustro", "productos_unspsc.csv", "fuera del municipio", "no es el NIT de una organización", "no es un objeto JSON" }
            .FirstOrDefault(message.Contains) ?? e.ToString();

    [Fact]
    public void The_published_associations_load_whole_with_their_units_and_no_location_or_nit()
    {
        var leido = RegistroArchivo.Leer(Path.Combine(Data, "associations.json"), Familias, EnPalmira);

        Assert.Empty(leido.Errores);
        Assert.Equal(8, leido.Productores.Count);
        Assert.All(leido.Productores, p => Assert.True(p.Nit is null && p.Latitud is null && !p.EsDemo));
        var agroplatano = leido.Productores.Single(p => p.Nombre == "AGROPLATANO");
        Assert.Equal([("Plátano Hartón", "5030", 587.0, "toneladas", "mes"), ("Aguacate Lorena", "5030", 320.0, "toneladas", "semestre")],
            agroplatano.Productos.Select(p => (p.Producto, p.Familia, p.Publicada.Cantidad!.Value, p.Publicada.Unidad!, p.Publicada.Periodo!)));
        Assert.All(leido.Productores.Single(p => p.Nombre == "ASOCAMPROL").Productos, p => Assert.Null(p.Publicada.Cantidad));
    }

    [Fact]
    public void The_demo_organisations_are_marked_and_each_has_a_company_nit()
    {
        var leido = RegistroArchivo.Leer(Path.Combine(Data, "productores_demo.json"), Familias, EnPalmira);

        Assert.Empty(leido.Errores);
        Assert.NotEmpty(leido.Productores);
        Assert.All(leido.Productores, p =>
        {
            Assert.True(p.EsDemo);
            Assert.EndsWith("(demo)", p.Nombre);
            Assert.Matches("^9[0-9]{8}$", p.Nit!);
        });
    }

    [Fact]
    public async Task The_app_starts_with_the_valid_rows_of_a_registry_with_bad_ones_and_keeps_the_messages()
    {
        var path = Path.Combine(_dir, "registro.json");
        File.WriteAllText(path, Malo);
        using var db = new TestDb();
        using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Capacidad:Registro"] = path, ["Sync:Source"] = "socrata" });

        using var context = db.CreateDbContext();
        Assert.Equal(["BUENA", "MIXTA", "PRODUCTO RARO"], await context.Asociaciones.OrderBy(a => a.Nombre).Select(a => a.Nombre).ToListAsync());
        var errores = host.Services.GetRequiredService<RegistroProductores>().Errores;
        Assert.Equal(9, errores.Count);
    }

    [Fact]
    public async Task A_start_in_demo_mode_after_a_live_one_keeps_the_published_rows_and_adds_the_demo_organisations_at_populated_places()
    {
        using var db = new TestDb();
        using (await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Sync:Source"] = "socrata" })) { }
        using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Sync:Source"] = "demo" });

        using var context = db.CreateDbContext();
        var todas = await context.Asociaciones.Include(a => a.Productos).ToListAsync();
        Assert.Equal(8, todas.Count(a => !a.EsDemo));
        var demo = todas.Where(a => a.EsDemo).ToList();
        Assert.NotEmpty(demo);
        var geografia = host.Services.GetRequiredService<Geografia>();
        Assert.All(demo, a =>
        {
            Assert.True(geografia.Contiene(a.Latitud!.Value, a.Longitud!.Value));
            Assert.EndsWith("(ubicación de demostración)", a.Lugar);
        });
        // Apart enough that their 48-px markers do not cover one another on the whole-municipality map (about 4 km).
        var cerca = demo.SelectMany(a => demo.Where(b => b.Id > a.Id).Select(b => (a.Nombre, b.Nombre, Km: Km(a, b)))).Where(p => p.Km < 4).ToList();
        Assert.True(cerca.Count == 0, string.Join("; ", cerca));
    }

    private static double Km(Asociacion a, Asociacion b)
    {
        var dx = (a.Longitud!.Value - b.Longitud!.Value) * 111.32 * Math.Cos(a.Latitud!.Value * Math.PI / 180);
        var dy = (a.Latitud!.Value - b.Latitud!.Value) * 110.57;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
