using System.Net;
using System.Text.Json;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Monitor;

public sealed class MonitorApiTests : IAsyncLifetime
{
    private readonly TestDb _db = new();
    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync(_db);
        await using var db = _db.CreateDbContext();
        // Two competitive processes in 2025: A (NIT 901623692, women-led, Palmira) bids on both and wins P1;
        // B (a person, cédula 1144055123, Cali) bids on P2 only and wins nothing.
        db.Proveedores.AddRange(
            new ProveedorRegistrado { Codigo = "718", Nit = "901623692", Nombre = "AGRO A SAS", Municipio = "Palmira", Source = "demo" },
            new ProveedorRegistrado { Codigo = "719", Nit = "1144055123", Nombre = "MARÍA B", Municipio = "Cali", Source = "demo" });
        db.Procesos.AddRange(
            new Proceso { IdDelProceso = "P1", IdDelPortafolio = "B1", NitEntidad = "891380007", FechaPublicacion = new(2025, 2, 1), FechaRecepcion = new(2025, 2, 4),
                Modalidad = "Mínima cuantía", Adjudicado = true, CodigoProveedor = "718", ValorTotalAdjudicacion = 9_000_000, Source = "demo" },
            new Proceso { IdDelProceso = "P2", IdDelPortafolio = "B2", NitEntidad = "891380007", FechaPublicacion = new(2025, 3, 1), FechaRecepcion = new(2025, 3, 20),
                Modalidad = "Mínima cuantía", Adjudicado = false, Source = "demo" });
        db.Proponentes.AddRange(
            new Proponente { Id = "P1|718", IdProcedimiento = "P1", CodigoProveedor = "718", Source = "demo" },
            new Proponente { Id = "P2|718", IdProcedimiento = "P2", CodigoProveedor = "718", Source = "demo" },
            new Proponente { Id = "P2|719", IdProcedimiento = "P2", CodigoProveedor = "719", Source = "demo" });
        db.Contratos.Add(new Contrato { IdContrato = "C1", ProcesoDeCompra = "B1", NitEntidad = "891380007", CodigoProveedor = "718", DocumentoProveedor = "901623692",
            EstadoContrato = "En ejecución", FechaDeFirma = new(2025, 2, 10), ValorDelContrato = 9_000_000, GeneroRepresentanteLegal = "Mujer", TipoDocProveedor = "NIT", Source = "demo" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task The_supplier_list_carries_the_contract_fields_and_masks_cedulas()
    {
        var json = await GetJson("/api/v1/monitor/proveedores?orden=nombre");

        Assert.Equal(2, json.GetProperty("total").GetInt32());
        var a = json.GetProperty("items")[0];
        Assert.Equal("901623692", a.GetProperty("id").GetString());
        Assert.Equal((2, 1, 0.5, 1, 9_000_000L), (a.GetProperty("participaciones").GetInt32(), a.GetProperty("adjudicaciones").GetInt32(),
            a.GetProperty("tasaExito").GetDouble(), a.GetProperty("contratos").GetInt32(), a.GetProperty("valorContratado").GetInt64()));
        Assert.Equal(("si", "si", 2025, 2025), (a.GetProperty("mujer").GetString(), a.GetProperty("local").GetString(),
            a.GetProperty("primerAnio").GetInt32(), a.GetProperty("ultimoAnio").GetInt32()));
        var b = json.GetProperty("items")[1];
        Assert.Equal("p-719", b.GetProperty("id").GetString()); // a person's id is opaque, not the cédula
        Assert.Equal("Persona natural", b.GetProperty("tipo").GetString());
        Assert.Equal("*******123", b.GetProperty("nit").GetString()); // a person's cédula
        Assert.Equal(("sin-dato", "no", 0.0), (b.GetProperty("mujer").GetString(), b.GetProperty("local").GetString(), b.GetProperty("tasaExito").GetDouble()));
    }

    [Theory]
    [InlineData("mujer=si", new[] { "901623692" })]
    [InlineData("mujer=sin-dato", new[] { "p-719" })]
    [InlineData("local=true", new[] { "901623692" })]
    [InlineData("q=9016", new[] { "901623692" })]
    [InlineData("q=maria", new[] { "p-719" })]
    [InlineData("q=1144055123", new[] { "p-719" })] // a person by the whole document
    [InlineData("q=1.144.055.123", new[] { "p-719" })] // punctuation does not matter
    [InlineData("q=1144055", new string[0])] // part of a person's document never finds them
    [InlineData("q=055123", new string[0])]
    [InlineData("q=11440551234", new string[0])]
    [InlineData("desde=2021&hasta=2024", new string[0])]
    public async Task Filters_select_suppliers(string query, string[] expected) =>
        Assert.Equal(expected, (await GetJson($"/api/v1/monitor/proveedores?orden=nombre&{query}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));

    [Theory]
    [InlineData("-mujer", new[] { "901623692", "p-719" })] // sí before sin dato
    [InlineData("mujer", new[] { "p-719", "901623692" })]
    [InlineData("-local", new[] { "901623692", "p-719" })]
    [InlineData("-contratos", new[] { "901623692", "p-719" })]
    [InlineData("tasaExito", new[] { "p-719", "901623692" })] // 0 % before 50 %
    public async Task Every_column_sorts(string orden, string[] expected) =>
        Assert.Equal(expected, (await GetJson($"/api/v1/monitor/proveedores?orden={orden}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));

    [Fact]
    public async Task A_profile_answers_by_id_and_an_unknown_id_is_404()
    {
        var profile = await GetJson("/api/v1/monitor/proveedores/901623692?desde=2025&hasta=2025");
        var missing = await _api.Client.GetAsync("/api/v1/monitor/proveedores/nadie");

        var year = Assert.Single(profile.GetProperty("perfil").GetProperty("porAnio").EnumerateArray());
        Assert.Equal((2025, 2, 1), (year.GetProperty("anio").GetInt32(), year.GetProperty("participaciones").GetInt32(), year.GetProperty("adjudicaciones").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No hay un proveedor con ese identificador", await missing.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("%F0%9F%98%80")] // 😀
    [InlineData("%C2%BF%3F%20-%20%C2%A1!")] // ¿? - ¡!
    public async Task A_search_without_letters_or_digits_is_ignored_with_a_warning(string q)
    {
        var json = await GetJson($"/api/v1/monitor/proveedores?orden=nombre&q={q}");
        var page = await _api.Client.GetStringAsync($"/proveedores?q={q}");

        Assert.Equal(["901623692", "p-719"], json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal([SearchWarning], json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Contains(SearchWarning, System.Net.WebUtility.HtmlDecode(page));
    }

    public const string SearchWarning = "q: el texto de búsqueda no tiene letras ni números; se ignora y se muestran todos los resultados";

    [Fact]
    public async Task A_person_is_not_found_by_the_cedula_in_an_old_link()
    {
        var api = await _api.Client.GetAsync("/api/v1/monitor/proveedores/1144055123");
        var profile = await GetJson("/api/v1/monitor/proveedores/p-719?desde=2025&hasta=2025");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("*******123", profile.GetProperty("perfil").GetProperty("proveedor").GetProperty("nit").GetString());
        using var page = await _api.Client.GetAsync("/proveedores/1144055123");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("No encontramos este proveedor", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Alerts_state_value_threshold_coverage_and_the_reminder()
    {
        var json = await GetJson("/api/v1/monitor/alertas?desde=2025&hasta=2025");

        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["R018", "R013", "R013", "R040", "R003", "R048"], items.Select(i => i.GetProperty("codigo").GetString()));
        var r003 = items[4];
        // P1: 3 days (mínima cuantía minimum 3 → not short); P2: 19 days → not short.
        Assert.Equal((0.0, 2, 0), (r003.GetProperty("valor").GetDouble(), r003.GetProperty("cobertura").GetInt32(), r003.GetProperty("marcados").GetInt32()));
        Assert.All(items, i => Assert.Equal("Una alerta es un motivo para revisar, no una prueba.", i.GetProperty("aviso").GetString()));
    }

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await _api.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
