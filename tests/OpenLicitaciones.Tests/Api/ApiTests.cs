using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Api;

public sealed class ApiTests : IAsyncLifetime
{
    private readonly TestDb _db = new();
    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync(_db);
        await using var db = _db.CreateDbContext();
        // Seven processes, hand-built: P1..P7 published on these dates with these UNSPSC codes.
        var rows = new (string Id, DateTime Published, string Code, long Price)[]
        {
            ("P1", new(2023, 5, 1), "50401500", 10_000_000), ("P2", new(2024, 1, 10), "80111600", 20_000_000),
            ("P3", new(2024, 3, 5), "50131700", 5_000_000), ("P4", new(2024, 12, 31), "72141100", 900_000_000),
            ("P5", new(2025, 2, 2), "50401500", 7_500_000), ("P6", new(2025, 7, 7), "85151600", 2_000_000_000),
            ("P7", new(2026, 1, 15), "80111600", 30_000_000),
        };
        db.Procesos.AddRange(rows.Select(r => new Proceso
        {
            IdDelProceso = r.Id, NitEntidad = "891380007", FechaPublicacion = r.Published, CodigoPrincipalCategoria = r.Code, PrecioBase = r.Price,
            Descripcion = $"Proceso {r.Id}, con «comillas» y tildes: compra de café", Source = "demo",
        }));
        db.Contratos.AddRange(
            new Contrato { IdContrato = "C1", NitEntidad = "891380007", DocumentoProveedor = "1144055123", TipoDocProveedor = "Cédula de Ciudadanía", FechaDeFirma = new(2024, 2, 1), Source = "demo" },
            new Contrato { IdContrato = "C2", NitEntidad = "891380007", DocumentoProveedor = "901623692", TipoDocProveedor = "NIT", FechaDeFirma = new(2024, 3, 1), Source = "demo" });
        db.PaaLines.AddRange(
            new PaaLine { Id = "L1", CodigoEntidad = "7", Annio = 2026, VersionDelPaa = 2, CategoriasUnspsc = ";50131700;50401500;", Descripcion = "Huevo", Source = "demo" },
            new PaaLine { Id = "L2", CodigoEntidad = "7", Annio = 2026, VersionDelPaa = 2, CategoriasUnspsc = ";80111600;", Descripcion = "Servicios", Source = "demo" },
            new PaaLine { Id = "L0", CodigoEntidad = "7", Annio = 2026, VersionDelPaa = 1, CategoriasUnspsc = ";50401500;", Descripcion = "Versión anterior", Source = "demo" });
        db.PaaVigentes.Add(new PaaVigente { CodigoEntidad = "7", Annio = 2026, Version = 2, VersionAnterior = 1 });
        var p3 = db.Procesos.Local.Single(p => p.IdDelProceso == "P3");
        (p3.IdDelPortafolio, p3.EstadoDelProcedimiento, p3.FechaRecepcion) = ("CO1.BDOS.3", "Publicado", new(2026, 12, 1));
        db.PaaLines.Local.Single(l => l.Id == "L1").ProcesosRelacionados = "CO1.BDOS.3";
        db.PaaLines.Local.Single(l => l.Id == "L1").Modalidad = "Mínima cuantía";
        db.PaaLines.Local.Single(l => l.Id == "L1").ValorTotalEsperado = 12_000_000;
        db.PaaLines.Local.Single(l => l.Id == "L1").MesEsperadoInicio = 3;
        db.PaaLines.Local.Single(l => l.Id == "L2").ValorTotalEsperado = 90_000_000;
        db.PaaLines.Local.Single(l => l.Id == "L2").MesEsperadoInicio = 1;
        db.SyncRuns.Add(new SyncRun { Dataset = "p6dx-8zbt", Source = "demo", StartedAt = new(2026, 11, 22, 8, 0, 0), FinishedAt = new(2026, 11, 22, 8, 1, 0), RowsRead = 7, RowsUpserted = 7 });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Lists_have_one_shape_and_page_newest_first_by_default()
    {
        var json = await GetJson("/api/v1/procesos?page=2&pageSize=3");

        Assert.Equal(7, json.GetProperty("total").GetInt32());
        Assert.Equal(2, json.GetProperty("page").GetInt32());
        Assert.Equal(3, json.GetProperty("pageSize").GetInt32());
        Assert.Equal(["P4", "P3", "P2"], Ids(json, "idDelProceso"));
        Assert.False(json.TryGetProperty("warnings", out _));
    }

    [Theory]
    [InlineData("anio=2024", new[] { "P4", "P3", "P2" })]
    [InlineData("unspsc=50", new[] { "P5", "P3", "P1" })]
    [InlineData("unspsc=V1.5040", new[] { "P5", "P1" })]
    [InlineData("anio=2025&unspsc=50", new[] { "P5" })]
    [InlineData("orden=precioBase", new[] { "P3", "P5", "P1", "P2", "P7", "P4", "P6" })]
    [InlineData("orden=-precioBase&unspsc=80", new[] { "P7", "P2" })]
    public async Task Processes_filter_by_year_and_unspsc_prefix_and_sort(string query, string[] expected) =>
        Assert.Equal(expected, Ids(await GetJson($"/api/v1/procesos?{query}"), "idDelProceso"));

    [Theory]
    [InlineData("anio=13", "anio: '13' no es un año entre 2000 y 2100; se ignora")]
    [InlineData("unspsc=<script>", "unspsc: '<script>' no es un código UNSPSC (de 1 a 8 dígitos); se ignora")]
    [InlineData("pageSize=5000", "pageSize: 5000 supera el máximo de 1000; se usa 1000")]
    [InlineData("page=-1", "page: '-1' no es un número entero positivo; se usa 1")]
    [InlineData("orden=nombre", "orden: 'nombre' no es un campo ordenable (fechaPublicacion, precioBase, valorAdjudicado, idDelProceso); se usa -fechaPublicacion")]
    [InlineData("format=pdf", "format: 'pdf' no es un formato disponible (json, csv, xlsx); se responde en JSON")]
    public async Task Malformed_parameters_are_ignored_with_a_warning_never_an_error(string query, string warning)
    {
        var json = await GetJson($"/api/v1/procesos?{query}");

        Assert.Equal(7, json.GetProperty("total").GetInt32());
        Assert.Equal([warning], json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }

    [Theory]
    [InlineData("/api/v1/procesos?anio=2024&anio=2025", new[] { "anio: aparece 2 veces; se usa el primer valor" }, 3)]
    [InlineData("/api/v1/procesos?color=rojo", new[] { "color: no es un parámetro de esta consulta; se ignora" }, 7)]
    [InlineData("/api/v1/procesos?pageSize=2&pageSize=500", new[] { "pageSize: aparece 2 veces; se usa el primer valor" }, 7)]
    [InlineData("/api/v1/licitaciones?valorMin=20000000&valorMin=1", new[] { "valorMin: aparece 2 veces; se usa el primer valor" }, 1)]
    [InlineData("/api/v1/licitaciones?anio=2026", new[] { "anio: no es un parámetro de esta consulta; se ignora" }, 2)]
    [InlineData("/api/v1/sync/estado?orden=dataset", new[] { "orden: no es un parámetro de esta consulta; se ignora" }, 1)]
    [InlineData("/api/v1/monitor/alertas?orden=foo", new[] { "orden: no es un parámetro de esta consulta; se ignora" }, -1)]
    [InlineData("/api/v1/monitor/proveedores/901623692?hasta=2025&hasta=2024&q=x", new[] { "hasta: aparece 2 veces; se usa el primer valor", "q: no es un parámetro de esta consulta; se ignora" }, -1)]
    [InlineData("/api/v1/monitor/proveedores?q=a&q=b&pae=true", new[] { "q: aparece 2 veces; se usa el primer valor", "pae: no es un parámetro de esta consulta; se ignora" }, -1)]
    public async Task Repeated_parameters_use_the_first_value_and_unknown_ones_are_ignored_each_with_a_warning(string url, string[] warnings, int total)
    {
        var json = await GetJson(url);

        Assert.Equal(warnings, json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        if (total >= 0) Assert.Equal(total, json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Csv_export_neutralises_formula_like_text_and_keeps_numbers_as_numbers()
    {
        await using (var db = _db.CreateDbContext())
        {
            var p1 = await db.Procesos.SingleAsync(p => p.IdDelProceso == "P1");
            (p1.Descripcion, p1.NombreProveedor, p1.Entidad, p1.NombreUnidad, p1.PrecioBase) = ("=HYPERLINK(\"http://x\",\"y\")", "@SUMA", "+57 Ltda", "-Unidad", -5);
            (p1.ReferenciaDelProceso, p1.Fase) = ("\tTAB", "\rCR");
            await db.SaveChangesAsync();
        }

        var csv = await _api.Client.GetStringAsync("/api/v1/procesos?format=csv&anio=2023");

        using var reader = new CsvHelper.CsvReader(new StringReader(csv.TrimStart('\uFEFF')), System.Globalization.CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        reader.Read();
        Assert.Equal("'=HYPERLINK(\"http://x\",\"y\")", reader.GetField("descripcion"));
        Assert.Equal("'@SUMA", reader.GetField("proveedorAdjudicado"));
        Assert.Equal("'+57 Ltda", reader.GetField("entidad"));
        Assert.Equal("'-Unidad", reader.GetField("unidad"));
        Assert.Equal("'\tTAB", reader.GetField("referencia"));
        Assert.Equal("'\rCR", reader.GetField("fase"));
        Assert.Equal("-5", reader.GetField("precioBase"));
        Assert.Equal("P1", reader.GetField("idDelProceso"));
    }

    [Fact]
    public async Task Csv_export_has_every_matching_row_in_the_same_order_with_a_bom_and_field_names()
    {
        var response = await _api.Client.GetAsync("/api/v1/procesos?format=csv&unspsc=50&pageSize=1");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("idDelProceso,idDelPortafolio,referencia,entidad,nitEntidad,", lines[0]);
        Assert.Equal(["P5", "P3", "P1"], lines[1..].Select(l => l.Split(',')[0]));
        Assert.Contains("\"Proceso P5, con «comillas» y tildes: compra de café\"", lines[1]);
        Assert.Contains(",2025-02-02,", lines[1]);
    }

    [Fact]
    public async Task Xlsx_export_has_the_same_columns_and_rows_in_the_same_order_as_csv()
    {
        var response = await _api.Client.GetAsync("/api/v1/procesos?format=xlsx&unspsc=50&pageSize=1");
        var csv = await _api.Client.GetStringAsync("/api/v1/procesos?format=csv&unspsc=50");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("procesos.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        var (header, ids) = XlsxTests.Read(await response.Content.ReadAsByteArrayAsync());
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines[0], string.Join(',', header));
        Assert.Equal(lines[1..].Select(l => l.Split(',')[0]), ids);
        Assert.Equal(["P5", "P3", "P1"], ids);
    }

    [Fact]
    public async Task Contracts_mask_natural_person_documents_in_json_and_csv()
    {
        var json = await GetJson("/api/v1/contratos?orden=idContrato");
        var csv = await _api.Client.GetStringAsync("/api/v1/contratos?orden=idContrato&format=csv");

        Assert.Equal(["*******123", "901623692"], json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("documentoProveedor").GetString()));
        Assert.DoesNotContain("1144055123", csv);
        Assert.Contains("*******123", csv);
    }

    [Theory]
    [InlineData("", new[] { "L1", "L2" })]
    [InlineData("unspsc=5040", new[] { "L1" })]
    [InlineData("unspsc=80111600", new[] { "L2" })]
    [InlineData("anio=2025", new string[0])]
    public async Task The_plan_shows_only_the_current_version(string query, string[] expected) =>
        Assert.Equal(expected, Ids(await GetJson($"/api/v1/paa?orden=id&{query}"), "id"));

    [Fact]
    public async Task Sync_status_lists_the_last_run_per_dataset_and_health_answers()
    {
        var json = await GetJson("/api/v1/sync/estado");
        var health = await _api.Client.GetAsync("/health");

        var item = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal(1, json.GetProperty("total").GetInt32());
        Assert.Equal("p6dx-8zbt", item.GetProperty("dataset").GetString());
        Assert.Equal("demo", item.GetProperty("source").GetString());
        Assert.Equal(7, item.GetProperty("rowsRead").GetInt32());
        Assert.Equal(7, item.GetProperty("rowsUpserted").GetInt32());
        Assert.Equal(0, item.GetProperty("rowsQuarantined").GetInt32());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("error").ValueKind);
        Assert.True(item.TryGetProperty("startedAt", out _) && item.TryGetProperty("finishedAt", out _));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Licitaciones_list_the_current_plan_with_status_and_export_the_same_rows()
    {
        var json = await GetJson("/api/v1/licitaciones");
        var food = await GetJson("/api/v1/licitaciones?pae=true&modalidad=trueque");
        var csv = await _api.Client.GetStringAsync("/api/v1/licitaciones?orden=-valor&format=csv");

        Assert.Equal(["L2", "L1"], Ids(json, "id")); // January before March
        var l1 = json.GetProperty("items")[1];
        Assert.Equal("publicado", l1.GetProperty("estado").GetString()); // linked to P3 through its portfolio, open until December
        Assert.Equal(9, l1.GetProperty("diasParaOfertar").GetInt32()); // 22 Nov → 1 Dec
        Assert.Equal("2026-03", l1.GetProperty("mes").GetString());
        Assert.Equal("Productos lácteos y huevos", l1.GetProperty("familia").GetString());
        Assert.True(l1.GetProperty("accesible").GetBoolean());
        Assert.Equal(["L1"], Ids(food, "id"));
        Assert.Equal(["modalidad: 'trueque' no es una modalidad conocida; se ignora"], food.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,annio,descripcion,unspsc,familia,mes,valor,", lines[0]);
        Assert.Equal(["L2", "L1"], lines[1..].Select(l => l.Split(',')[0]));

        var xlsx = await _api.Client.GetAsync("/api/v1/licitaciones?orden=-valor&format=xlsx");
        Assert.Equal("licitaciones.xlsx", xlsx.Content.Headers.ContentDisposition?.FileName);
        var (header, ids) = XlsxTests.Read(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(lines[0], string.Join(',', header));
        Assert.Equal(["L2", "L1"], ids);
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("%F0%9F%98%80")] // 😀
    public async Task A_banco_search_without_letters_or_digits_is_ignored_with_the_monitors_warning(string q)
    {
        var json = await GetJson($"/api/v1/licitaciones?q={q}");
        var page = await _api.Client.GetStringAsync($"/licitaciones?q={q}");

        Assert.Equal(["L2", "L1"], Ids(json, "id")); // everything, as without a search
        Assert.Equal([Monitor.MonitorApiTests.SearchWarning], json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Contains(Monitor.MonitorApiTests.SearchWarning, WebUtility.HtmlDecode(page));
    }

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await _api.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<string?> Ids(JsonElement json, string field) =>
        json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty(field).GetString()).ToList();
}
