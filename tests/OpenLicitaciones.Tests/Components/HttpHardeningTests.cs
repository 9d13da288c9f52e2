using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Components;

/// <summary>The HTTP rules of CONTRACTS §5 on the whole app (pages, API, health, static files) over loopback.</summary>
public sealed class HttpHardeningTests : IAsyncLifetime
{
    private const string LeakedError = "Error interno: SQLite Error 5: 'database is locked'. at OpenLicitaciones.Features.Sync.SecopSync";
    private readonly TestDb _db = new();
    private ApiHost _app = null!;
    private HttpClient Client => _app.Client;

    public async Task InitializeAsync()
    {
        _app = await ApiHost.StartAsync(_db);
        await using var db = _db.CreateDbContext();
        db.Procesos.AddRange(
            new Proceso
            {
                IdDelProceso = "P1", IdDelPortafolio = "CO1.BDOS.1", NitEntidad = "891380007", FechaPublicacion = new(2026, 1, 15, 14, 30, 0),
                EstadoDelProcedimiento = "Publicado", UrlProceso = "javascript:alert(document.cookie)", Source = "demo",
            },
            new Proceso { IdDelProceso = "P2", NitEntidad = "891380007", FechaPublicacion = new(2025, 2, 2), Source = "demo" });
        db.PaaLines.Add(new PaaLine
        {
            Id = "L1", CodigoEntidad = "7", Annio = 2026, VersionDelPaa = 1, CategoriasUnspsc = ";50131700;", Descripcion = "Huevo",
            ProcesosRelacionados = "CO1.BDOS.1", Source = "demo",
        });
        db.PaaVigentes.Add(new PaaVigente { CodigoEntidad = "7", Annio = 2026, Version = 1 });
        // Run times are stored in UTC: 08:00 UTC is 03:00 in Bogotá.
        db.SyncRuns.Add(new SyncRun
        {
            Dataset = "p6dx-8zbt", Source = "demo", StartedAt = new(2026, 11, 22, 8, 0, 0), FinishedAt = new(2026, 11, 22, 8, 1, 0), Error = LeakedError,
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _db.Dispose();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/licitaciones")]
    [InlineData("/api/v1/procesos")]
    [InlineData("/api/v1/licitaciones?format=csv")]
    [InlineData("/health")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/no-existe")]
    [InlineData("/api/v1/no-existe")]
    public async Task Head_answers_wherever_get_does_with_the_same_status_and_headers_and_no_body(string path)
    {
        // No cookie jar: the antiforgery cookie of the first answer would change the second one's headers.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = Client.BaseAddress };
        using var get = await client.GetAsync(path);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        Assert.Equal(Names(get), Names(head));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/licitaciones/no-existe", "No encontramos esta oportunidad")]
    [InlineData("/proveedores/no-existe", "No encontramos este proveedor")]
    public async Task Unknown_detail_pages_answer_404_with_the_friendly_page(string path, string heading)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(heading, doc.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task A_known_detail_page_still_answers_200()
    {
        using var response = await Client.GetAsync("/licitaciones/L1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/v1/no-existe", 404)]
    [InlineData("GET", "/api/v1/monitor/proveedores/nadie", 404)]
    [InlineData("POST", "/api/v1/procesos", 405)]
    public async Task Api_errors_are_spanish_problem_json_never_html_or_empty(string method, string path, int status)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await AssertProblemAsync(response, status);
    }

    [Fact]
    public async Task An_exception_in_the_api_is_a_500_problem_without_the_exception_text()
    {
        await DropTableAsync<Proceso>();

        using var response = await Client.GetAsync("/api/v1/procesos");

        var body = await AssertProblemAsync(response, 500);
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("no such table", body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/licitaciones", true)]
    [InlineData("/no-existe", true)]
    [InlineData("/api/v1/procesos", false)]
    [InlineData("/api/v1/no-existe", false)]
    [InlineData("/health", false)]
    public async Task Every_response_has_security_headers_pages_a_csp_and_open_data_any_origin(string path, bool isPage)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", "https://otra-app.example");

        using var response = await Client.SendAsync(request);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Null(Header(response, "Server"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
        if (isPage)
        {
            var csp = Header(response, "Content-Security-Policy") ?? "";
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("frame-ancestors 'self'", csp);
            Assert.DoesNotContain("'unsafe-eval'", csp);
            Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        }
        else
        {
            Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        }
    }

    [Fact]
    public async Task A_cross_origin_preflight_to_the_api_is_answered()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/procesos");
        request.Headers.Add("Origin", "https://otra-app.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("GET", Header(response, "Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task A_request_target_over_16_kb_gets_414_with_a_short_spanish_message_and_one_under_is_served()
    {
        using var under = await Client.GetAsync("/licitaciones?q=" + new string('a', 16 * 1024 - 100));
        using var page = await Client.GetAsync("/licitaciones?q=" + new string('a', 16 * 1024));
        using var api = await Client.GetAsync("/api/v1/procesos?q=" + new string('a', 16 * 1024));

        Assert.Equal(HttpStatusCode.OK, under.StatusCode);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, page.StatusCode);
        Assert.StartsWith("La dirección es demasiado larga", await page.Content.ReadAsStringAsync());
        await AssertProblemAsync(api, 414);
    }

    [Fact]
    public async Task Sync_status_and_health_publish_one_spanish_sentence_for_an_error_never_exception_text()
    {
        var estado = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/sync/estado")).RootElement;
        var health = JsonDocument.Parse(await Client.GetStringAsync("/health")).RootElement;
        var csv = await Client.GetStringAsync("/api/v1/sync/estado?format=csv");

        foreach (var item in new[] { estado.GetProperty("items")[0], health.GetProperty("datasets")[0] })
            Assert.Equal("La última sincronización de este conjunto falló; se reintentará en la próxima ejecución.", item.GetProperty("error").GetString());
        Assert.DoesNotContain("SQLite", csv);
        await using var db = _db.CreateDbContext();
        Assert.Equal(LeakedError, (await db.SyncRuns.SingleAsync()).Error); // the detail stays in the database
    }

    [Fact]
    public async Task Health_reports_an_unreadable_database_in_spanish_without_exception_text()
    {
        await DropTableAsync<SyncRun>();

        using var response = await Client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("No se pudo leer la base de datos", body);
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("no such table", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Times_are_published_with_an_offset_or_z_in_json_and_csv()
    {
        var estado = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/sync/estado")).RootElement.GetProperty("items")[0];
        var health = JsonDocument.Parse(await Client.GetStringAsync("/health")).RootElement.GetProperty("datasets")[0];
        var procesos = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/procesos?orden=idDelProceso")).RootElement.GetProperty("items");
        var estadoCsv = await Client.GetStringAsync("/api/v1/sync/estado?format=csv");
        var procesosCsv = await Client.GetStringAsync("/api/v1/procesos?orden=idDelProceso&format=csv");

        Assert.Equal(("2026-11-22T08:00:00Z", "2026-11-22T08:01:00Z"), (estado.GetProperty("startedAt").GetString(), estado.GetProperty("finishedAt").GetString()));
        Assert.Equal("2026-11-22T08:00:00Z", health.GetProperty("startedAt").GetString());
        Assert.Equal("2026-01-15T14:30:00-05:00", procesos[0].GetProperty("fechaPublicacion").GetString()); // SECOP times are Bogotá time
        Assert.Equal("2025-02-02", procesos[1].GetProperty("fechaPublicacion").GetString()); // a pure date stays a date
        Assert.Contains(",2026-11-22T08:00:00Z,2026-11-22T08:01:00Z,", estadoCsv);
        Assert.Contains(",2026-01-15T14:30:00-05:00,", procesosCsv);
        Assert.Contains(",2025-02-02,", procesosCsv);
    }

    [Fact]
    public async Task An_opportunity_never_links_to_a_source_url_that_is_not_http()
    {
        var html = await Client.GetStringAsync("/licitaciones/L1");
        var doc = new HtmlParser().ParseDocument(html);

        Assert.Equal("Huevo", doc.QuerySelector("h1")?.TextContent);
        Assert.Null(doc.QuerySelector("[data-testid=detalle-secop]"));
        Assert.DoesNotContain(doc.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    private async Task DropTableAsync<T>() where T : class
    {
        await using var db = _db.CreateDbContext();
        var table = db.Model.FindEntityType(typeof(T))!.GetTableName();
#pragma warning disable EF1002 // the name comes from the model, not from input
        await db.Database.ExecuteSqlRawAsync($"DROP TABLE \"{table}\"");
#pragma warning restore EF1002
    }

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.DoesNotContain("Exception", body);
        return body;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    // Date differs between two requests; the rest must match.
    private static List<string> Names(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers).Select(h => h.Key.ToLowerInvariant())
            .Where(n => n is not ("date" or "content-length" or "transfer-encoding")).Order().ToList();
}
