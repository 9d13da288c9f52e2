using System.Net;
using System.Text.Json;
using OpenLicitaciones.Data;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Productores;

/// <summary>GET /api/v1/capacidad and /api/v1/capacidad/demanda: the common list shape, filters, CSV and XLSX (CONTRACTS §5).</summary>
public sealed class CapacidadApiTests : IAsyncLifetime
{
    private readonly TestDb _db = new();
    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync(_db);
        await using var db = _db.CreateDbContext();
        db.Contratos.AddRange(
            // Eggs from a demo organisation of the registry, fruit from a wholesaler, the PAE operation apart.
            new Contrato { IdContrato = "C1", NitEntidad = "891380007", DocumentoProveedor = "901200302", CodigoCategoriaPrincipal = "50131700",
                ValorDelContrato = 10_000_000, FechaDeFirma = new(2025, 3, 1), EstadoContrato = "Activo", ProveedorAdjudicado = "AVÍCOLA", Source = "demo" },
            new Contrato { IdContrato = "C2", NitEntidad = "891380007", DocumentoProveedor = "900700123", CodigoCategoriaPrincipal = "50301500",
                ValorDelContrato = 30_000_000, FechaDeFirma = new(2025, 4, 1), EstadoContrato = "Activo", ProveedorAdjudicado = "MAYORISTA", Source = "demo" },
            new Contrato { IdContrato = "C3", NitEntidad = "891380007", DocumentoProveedor = "900111222", CodigoCategoriaPrincipal = "85151600",
                ValorDelContrato = 500_000_000, FechaDeFirma = new(2025, 1, 20), EstadoContrato = "Activo", ObjetoDelContrato = "Operación del PAE", Source = "demo" });
        db.PaaLines.Add(new PaaLine { Id = "L1", CodigoEntidad = "7", Annio = 2026, VersionDelPaa = 1, CategoriasUnspsc = ";50131700;", Descripcion = "Huevo",
            ValorTotalEsperado = 12_000_000, MesEsperadoInicio = 3, Source = "demo" });
        db.PaaVigentes.Add(new PaaVigente { CodigoEntidad = "7", Annio = 2026, Version = 1 });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _db.Dispose();
    }

    private async Task<JsonElement> JsonAsync(string url)
    {
        var response = await _api.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task The_registry_lists_each_product_with_capacity_as_published_and_per_month_filtered_by_family()
    {
        var body = await JsonAsync("/api/v1/capacidad?familia=5013");

        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count, body.GetProperty("total").GetInt32());
        Assert.Equal(["ASOPHUEPA", "Avícola Comunitaria El Progreso (demo)", "Mujeres Lecheras Unidas (demo)"],
            items.Select(i => i.GetProperty("asociacion").GetString()).Order(StringComparer.Ordinal));
        var asophuepa = items.Single(i => i.GetProperty("asociacion").GetString() == "ASOPHUEPA");
        Assert.Equal((120000.0, "huevos", "mes", 120000.0, "huevos"), (asophuepa.GetProperty("cantidadPublicada").GetDouble(),
            asophuepa.GetProperty("unidadPublicada").GetString(), asophuepa.GetProperty("periodoPublicado").GetString(),
            asophuepa.GetProperty("capacidadMensual").GetDouble(), asophuepa.GetProperty("unidadMensual").GetString()));
        Assert.Equal(JsonValueKind.Null, asophuepa.GetProperty("latitud").ValueKind); // location not published: never invented
        var avicola = items.Single(i => i.GetProperty("asociacion").GetString()!.StartsWith("Avícola"));
        Assert.True(avicola.GetProperty("esDemo").GetBoolean());
        Assert.Equal(JsonValueKind.Number, avicola.GetProperty("latitud").ValueKind);
    }

    [Fact]
    public async Task Demand_is_per_family_and_year_with_the_plan_the_contracts_and_the_pae_operation_apart()
    {
        var y2025 = (await JsonAsync("/api/v1/capacidad/demanda?anio=2025")).GetProperty("items").EnumerateArray().ToList();
        var huevos = y2025.Single(i => i.GetProperty("familia").GetString() == "5013");
        Assert.Equal((1, 10_000_000L), (huevos.GetProperty("contratos").GetInt32(), huevos.GetProperty("valorContratado").GetInt64()));
        Assert.Equal(30_000_000L, y2025.Single(i => i.GetProperty("familia").GetString() == "5030").GetProperty("valorContratado").GetInt64());
        var pae = y2025.Single(i => i.GetProperty("tipo").GetString() == "operacion-pae");
        Assert.Equal((1, 500_000_000L), (pae.GetProperty("contratos").GetInt32(), pae.GetProperty("valorContratado").GetInt64()));

        var plan = Assert.Single((await JsonAsync("/api/v1/capacidad/demanda?anio=2026&familia=5013")).GetProperty("items").EnumerateArray());
        Assert.Equal((1, 12_000_000L), (plan.GetProperty("lineasPaa").GetInt32(), plan.GetProperty("valorPaa").GetInt64()));
        Assert.True(plan.GetProperty("capacidadHuevosMes").GetDouble() >= 120_000); // ASOPHUEPA's eggs at least
    }

    [Theory]
    [InlineData("/api/v1/capacidad?format=csv", "text/csv", "asociacion,nit,esDemo,lugar")]
    [InlineData("/api/v1/capacidad/demanda?format=csv", "text/csv", "tipo,familia,nombreFamilia,anio")]
    [InlineData("/api/v1/capacidad?format=xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null)]
    public async Task Both_lists_export_every_row_as_csv_and_xlsx(string url, string contentType, string? header)
    {
        var response = await _api.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(contentType, response.Content.Headers.ContentType!.ToString());
        if (header is not null) Assert.StartsWith(header, (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
    }
}
