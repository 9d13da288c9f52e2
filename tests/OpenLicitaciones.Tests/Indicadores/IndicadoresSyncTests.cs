using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Indicadores;

/// <summary>
/// A small history written as SECOP II's API serves it, synced through the real path (fake SODA server → mapper →
/// upsert), then read back from /api/v1/indicadores and compared with a table worked out by hand.
/// </summary>
public sealed class IndicadoresSyncTests
{
    private static int _fila;

    /// <summary>A row of <paramref name="dataset"/> shaped like the demo's (entity fields and all), with these fields set.</summary>
    private static JsonObject Fila(IReadOnlyDictionary<string, List<JsonObject>> plantillas, string dataset, params (string Campo, string Valor)[] campos)
    {
        var fila = plantillas[dataset][0].DeepClone().AsObject();
        fila[":id"] = $"row-hand-{++_fila:D4}";
        fila[":updated_at"] = "2025-12-01T00:00:00.000Z";
        fila[":created_at"] = "2025-12-01T00:00:00.000Z";
        foreach (var (campo, valor) in campos) fila[campo] = valor;
        return fila;
    }

    private static JsonObject Contrato(IReadOnlyDictionary<string, List<JsonObject>> p, string id, string portafolio, string fecha, long valor, string nit,
        string codigo, string genero, string pyme, string estado) =>
        Fila(p, "jbjy-vk9h", ("id_contrato", id), ("proceso_de_compra", portafolio), ("fecha_de_firma", fecha + "T00:00:00.000"),
            ("valor_del_contrato", valor.ToString(CultureInfo.InvariantCulture)), ("documento_proveedor", nit), ("codigo_proveedor", codigo),
            ("tipodocproveedor", "NIT"), ("proveedor_adjudicado", $"Proveedor {codigo}"), ("g_nero_representante_legal", genero), ("es_pyme", pyme),
            ("estado_contrato", estado), ("codigo_de_categoria_principal", "V1.80111600"), ("es_grupo", "No"));

    private static JsonObject Proceso(IReadOnlyDictionary<string, List<JsonObject>> p, string id, string portafolio, string fecha, string modalidad,
        int respuestas, string nit, string codigo) =>
        Fila(p, "p6dx-8zbt", ("id_del_proceso", id), ("id_del_portafolio", portafolio), ("fecha_de_publicacion_del", fecha + "T00:00:00.000"),
            ("modalidad_de_contratacion", modalidad), ("respuestas_al_procedimiento", respuestas.ToString(CultureInfo.InvariantCulture)),
            ("proveedores_unicos_con", respuestas.ToString(CultureInfo.InvariantCulture)), ("adjudicado", "Si"), ("estado_del_procedimiento", "Adjudicado"),
            ("estado_resumen", "Adjudicado"), ("nit_del_proveedor_adjudicado", nit), ("codigoproveedor", codigo), ("valor_total_adjudicacion", "1000"));

    private static JsonObject Proponente(IReadOnlyDictionary<string, List<JsonObject>> p, string proceso, string fecha, string nit, string codigo) =>
        Fila(p, "hgi6-6wh3", ("id_procedimiento", proceso), ("fecha_publicaci_n", fecha + "T00:00:00.000"), ("nit_proveedor", nit),
            ("codigo_proveedor", codigo), ("proveedor", $"Proveedor {codigo}"));

    [Fact]
    public async Task The_api_gives_the_hand_computed_figures_for_rows_synced_from_SECOP()
    {
        var plantillas = new DemoGenerator([TestEntities.Palmira], TestHost.Today.DateTime).Generate()
            .ToDictionary(d => d.Key, d => d.Value.Select(r => r.DeepClone().AsObject()).ToList());
        var p = plantillas;
        await using var fake = await FakeSodaServer.StartAsync();
        foreach (var dataset in plantillas.Keys) fake.Put(dataset);
        // Three suppliers: 701 (Mujer, MSME), 702 (Hombre), 703 (No Definido, MSME); 704 only bids. 701's fourth contract is a draft.
        fake.Put("jbjy-vk9h",
            Contrato(p, "K1", "BDOS1", "2025-03-10", 100, "900000001", "701", "Mujer", "Si", "En ejecución"),
            Contrato(p, "K2", "BDOS2", "2025-06-10", 300, "900000002", "702", "Hombre", "No", "terminado"),
            Contrato(p, "K3", "BDOS3", "2025-09-10", 600, "900000003", "703", "No Definido", "Si", "En ejecución"),
            Contrato(p, "K4", "BDOS3", "2025-10-01", 999, "900000001", "701", "Mujer", "Si", "Borrador"));
        fake.Put("p6dx-8zbt",
            Proceso(p, "REQ1", "BDOS1", "2025-02-01", "Mínima cuantía", 3, "900000001", "701"),
            Proceso(p, "REQ2", "BDOS2", "2025-05-01", "Licitación pública", 1, "900000002", "702"),
            Proceso(p, "REQ3", "BDOS3", "2025-08-01", "Contratación directa", 1, "900000003", "703"));
        fake.Put("hgi6-6wh3",
            Proponente(p, "REQ1", "2025-02-01", "900000001", "701"), Proponente(p, "REQ1", "2025-02-01", "900000002", "702"),
            Proponente(p, "REQ1", "2025-02-01", "900000004", "704"), Proponente(p, "REQ2", "2025-05-01", "900000002", "702"));

        using var testDb = new TestDb();
        using (var host = await TestHost.StartAsync(testDb, new Dictionary<string, string?>
               {
                   ["Sync:Source"] = "socrata", ["Sync:BaseUrl"] = fake.BaseUrl, ["Sync:PageSize"] = "50000", ["Sync:RetryBaseDelayMs"] = "10",
               }))
            Assert.All(await host.Services.GetRequiredService<SecopSync>().RunAllAsync(CancellationToken.None), r => Assert.True(r.Succeeded, r.Error));
        await using var api = await ApiHost.StartAsync(testDb, new Dictionary<string, string?> { ["Sync:Source"] = "socrata" });

        var json = JsonNode.Parse(await api.Client.GetStringAsync("/api/v1/indicadores?desde=2025&hasta=2025&pageSize=100"))!;
        var items = json["items"]!.AsArray().ToDictionary(i => (string)i!["indicador"]!, i => i!.AsObject());
        Assert.Null(json["warnings"]);

        // (value, numerator, denominator, known, all), worked out from the rows above.
        var esperado = new Dictionary<string, (double? Valor, double? Num, double? Den, int Conocidos, int Todos)>
        {
            ["g1"] = (0.25, 100, 400, 2, 3),        // K1 of K1 + K2; K3's gender is No Definido; K4 is a draft
            ["g2"] = (0.5, 1, 2, 2, 3),
            ["g3"] = (0.5, 1, 2, 2, 3),             // 701 of 701, 702; 703 unknown
            ["g4"] = (0.5, 1, 2, 2, 3),             // bidders 701 (Mujer), 702 (Hombre), 704 (never contracted: unknown)
            ["g5"] = (2.0, 1.0, 0.5, 3, 4),         // 701 won 1 of 1; 702 won 1 of 2 (REQ1 lost, REQ2 won); 704's bid unknown
            ["g7"] = (2.0 / 3, 2, 3, 3, 3),
            ["g8"] = (2.0, 4, 2, 2, 2),             // REQ1 3 bidders (hgi6), REQ2 1; REQ3 is a direct award
            ["g12"] = (0.7, 700, 1000, 3, 3),       // K1 + K3 of 1,000
            ["r018"] = (0.5, 1, 2, 2, 2),           // REQ2
            ["r013"] = (1.0 / 3, 1, 3, 3, 3),       // REQ3
        };
        foreach (var (codigo, e) in esperado)
        {
            var item = items[codigo];
            Assert.True(e.Valor is not null, codigo);
            Assert.Equal(e.Valor!.Value, (double)item["valor"]!, 6);
            Assert.Equal((e.Num, e.Den), ((double?)item["numerador"], (double?)item["denominador"]));
            Assert.Equal((e.Conocidos, e.Todos), ((int)item["conocidos"]!, (int)item["todos"]!));
        }
        Assert.Equal(Math.Sqrt(0.5 * 1.0), (double)items["g6"]["valor"]!, 6); // bids 1 ÷ 2, awards 1 ÷ 1
        // The synced history starts in March 2025: nobody can be called new with 3 years of history missing.
        Assert.Null(items["g9"]["valor"]);
        Assert.Equal(Ley2046.RegistroIncompleto, (string?)items["g10"]["motivo"]);
        Assert.Equal(0.3, (double)items["g10"]["meta"]!);
        Assert.Null(items["g13"]["valor"]);

        // The first quarter holds only K1 (Mujer) and REQ1.
        var t1 = JsonNode.Parse(await api.Client.GetStringAsync("/api/v1/indicadores?indicador=g1,g8&desde=2025&hasta=2025&granularidad=trimestre"))!["items"]!
            .AsArray().Where(i => (string)i!["periodo"]! == "2025-T1").ToDictionary(i => (string)i!["indicador"]!);
        Assert.Equal(1.0, (double)t1["g1"]!["valor"]!);
        Assert.Equal(3.0, (double)t1["g8"]!["valor"]!);

        // The rows behind G1: K1 in the numerator, K2 in the base, K3 unknown; the draft nowhere.
        var detalle = JsonNode.Parse(await api.Client.GetStringAsync("/api/v1/indicadores/g1/detalle?anio=2025"))!["items"]!.AsArray();
        Assert.Equal([("K1", "numerador"), ("K2", "base"), ("K3", "sin-dato")], detalle.Select(f => ((string)f!["id"]!, (string)f["cuenta"]!)));

        // The processes behind G8, each linked to its SECOP II page.
        var procesos = JsonNode.Parse(await api.Client.GetStringAsync("/api/v1/indicadores/g8/detalle?anio=2025"))!["items"]!.AsArray();
        Assert.Equal(["REQ1", "REQ2"], procesos.Select(f => (string)f!["id"]!).Order());
        Assert.All(procesos, f => Assert.StartsWith("https://", (string?)f!["urlSecop"]));
    }

    [Theory]
    [InlineData("/api/v1/indicadores?indicador=g99,G2", "indicador: 'g99' no es un indicador")]
    [InlineData("/api/v1/indicadores?indicador=g11", "g11: la cobertura de la demanda se calcula por producto")]
    [InlineData("/api/v1/indicadores?desde=1990", "desde: '1990' no es un año entre 2000 y 2100")]
    [InlineData("/api/v1/indicadores?desde=2001", "desde: 2001 está fuera de los años calculados (2021–2026); se usa 2021")]
    [InlineData("/api/v1/indicadores?granularidad=mes", "granularidad: 'mes' no es anio ni trimestre; se usa anio")]
    [InlineData("/api/v1/indicadores/g1/detalle?anio=2030&trimestre=2", "anio: 2030 está fuera de los años calculados (2021–2026); se usa 2026")]
    [InlineData("/api/v1/indicadores/g1/detalle?trimestre=7", "trimestre: '7' no es un trimestre (1 a 4)")]
    public async Task Bad_filters_give_a_warning_and_the_nearest_valid_view(string url, string aviso)
    {
        using var testDb = new TestDb();
        await using var api = await ApiHost.StartAsync(testDb);

        var response = await api.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(json["warnings"]!.AsArray(), w => ((string)w!).StartsWith(aviso, StringComparison.Ordinal));
        Assert.True(json["items"]!.AsArray().Count > 0 || url.Contains("detalle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_code_in_the_detail_route_is_a_spanish_problem_not_an_error()
    {
        using var testDb = new TestDb();
        await using var api = await ApiHost.StartAsync(testDb);

        var response = await api.Client.GetAsync("/api/v1/indicadores/g42/detalle");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("No hay un indicador con ese código", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_period_without_data_is_sin_datos_never_zero()
    {
        using var testDb = new TestDb();
        await using var api = await ApiHost.StartAsync(testDb);

        var items = JsonNode.Parse(await api.Client.GetStringAsync("/api/v1/indicadores?pageSize=1000"))!["items"]!.AsArray();

        Assert.NotEmpty(items);
        Assert.All(items.Where(i => (string)i!["indicador"]! != "g10"), i =>
        {
            Assert.Null(i!["valor"]);
            Assert.Equal("Sin datos en este periodo.", (string?)i["motivo"]);
        });
    }
}
