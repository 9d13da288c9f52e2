using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Monitor;

/// <summary>
/// CONTRACTS §1: a natural person's full document appears on no surface a visitor can reach (lists and exports, the
/// profile API, the pages and their links, search results), on the demo data and on data synced from SECOP's API.
/// </summary>
public sealed partial class PrivacyTests
{
    private static readonly DateTime Today = TestHost.Today.DateTime;

    [Fact]
    public async Task No_surface_publishes_a_persons_document_on_the_demo_data()
    {
        using var testDb = new TestDb();
        using (var host = await TestHost.StartAsync(testDb))
            Assert.All(await host.Services.GetRequiredService<SecopSync>().RunAllAsync(CancellationToken.None), r => Assert.True(r.Succeeded, r.Error));

        await using var api = await ApiHost.StartAsync(testDb);
        var documents = await PersonDocumentsAsync(testDb);
        Assert.True(documents.Count >= 50, $"the demo has only {documents.Count} natural persons");
        var persons = await WalkAsync(api, documents);
        Assert.True(persons.Count >= 50);

        // A sample of persons, each found by its whole document and by nothing shorter.
        await using var db = testDb.CreateDbContext();
        var sample = await db.Contratos.Where(c => c.DocumentoProveedor != null && c.CodigoProveedor != null).OrderBy(c => c.IdContrato)
            .Select(c => new { c.DocumentoProveedor, c.CodigoProveedor }).ToListAsync();
        foreach (var person in sample.Where(c => documents.Contains(c.DocumentoProveedor!)).DistinctBy(c => c.DocumentoProveedor).Take(4))
            await SearchAsync(api, person.DocumentoProveedor!, "p-" + person.CodigoProveedor, documents);
    }

    [Fact]
    public async Task No_surface_publishes_a_persons_document_on_data_synced_from_SECOP()
    {
        var rows = new DemoGenerator([TestEntities.Palmira], Today).Generate().ToDictionary(d => d.Key, d => d.Value.Select(r => r.DeepClone().AsObject()).ToList());
        // Real persons' documents come in every shape and type (FINDINGS §3): give six of the demo's persons these.
        var registry = rows["qmzu-gj57"].Where(r => (string?)r["tipo_empresa"] == "Persona Natural")
            .Where(r => rows["jbjy-vk9h"].Any(c => (string?)c["codigo_proveedor"] == (string?)r["codigo"])).Take(6).ToList();
        Assert.Equal(6, registry.Count);
        var changes = new (string Document, string Tipo, bool KeepCode, bool BidsByCodeOnly)[]
        {
            ("731205", "Cédula de Ciudadanía", true, false), // 6 digits
            ("52345678", "NIT", true, false), // 8 digits, wrongly typed NIT
            ("9123456780", "NIT", true, false), // 10 digits starting with 9 (its last digit is not a check digit), typed NIT
            ("1098765", "Cédula de Ciudadanía", false, false), // no SECOP code anywhere
            ("94512307", "NIT", false, false), // 8 digits starting with 9, typed NIT, no code
            ("1144055123", "Cédula de Ciudadanía", true, true), // bids carry only the code, the contract code and document
        };
        var persons = new List<(string Document, string? Code)>();
        for (var i = 0; i < changes.Length; i++)
        {
            var (document, tipo, keepCode, byCodeOnly) = changes[i];
            var code = (string)registry[i]["codigo"]!;
            var old = (string)registry[i]["nit"]!;
            foreach (var (dataset, list) in rows)
            {
                if (dataset == "qmzu-gj57" && (!keepCode || byCodeOnly)) list.RemoveAll(r => (string?)r["codigo"] == code);
                foreach (var row in list)
                {
                    var ours = row.Any(p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) && (s == old || s == code));
                    if (!ours) continue;
                    foreach (var (key, value) in row.ToList())
                    {
                        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                        if (text == old) row[key] = byCodeOnly && dataset is "hgi6-6wh3" or "wi7w-2nvm" ? "No Definido" : document;
                        if (text == code && !keepCode) row[key] = "No Definido";
                    }
                    if (row.ContainsKey("tipodocproveedor")) row["tipodocproveedor"] = tipo;
                }
            }
            persons.Add((document, keepCode ? code : null));
        }
        // A slice of the demo keeps the sync short; every row that names one of the six persons stays.
        var theirs = persons.Select(p => p.Document).Concat(registry.Select(r => (string)r["codigo"]!)).ToHashSet();
        foreach (var dataset in (string[])["p6dx-8zbt", "jbjy-vk9h", "hgi6-6wh3", "wi7w-2nvm", "qmzu-gj57"])
            rows[dataset] = rows[dataset].Where((r, i) => i < 300 || r.Any(p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) && theirs.Contains(s))).ToList();

        await using var fake = await FakeSodaServer.StartAsync();
        foreach (var (dataset, list) in rows) fake.Put(dataset, list);
        using var testDb = new TestDb();
        using (var host = await TestHost.StartAsync(testDb, new Dictionary<string, string?>
               {
                   ["Sync:Source"] = "socrata", ["Sync:BaseUrl"] = fake.BaseUrl, ["Sync:PageSize"] = "50000", ["Sync:RetryBaseDelayMs"] = "10",
               }))
            Assert.All(await host.Services.GetRequiredService<SecopSync>().RunAllAsync(CancellationToken.None), r => Assert.True(r.Succeeded, r.Error));

        await using var api = await ApiHost.StartAsync(testDb);
        var documents = await PersonDocumentsAsync(testDb);
        Assert.All(persons, p => Assert.Contains(p.Document, documents));
        var published = await WalkAsync(api, documents);

        await using var db = testDb.CreateDbContext();
        var secret = await db.InstallationSecrets.Select(s => s.Value).SingleAsync();
        foreach (var (document, code) in persons)
        {
            var id = code is null ? "p-" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(document)))[..16] : "p-" + code;
            Assert.Contains(id, published);
            await SearchAsync(api, document, id, documents);
        }
        // The person whose bids name only the code is one supplier, not a second "c-" one.
        var bridged = persons[^1].Code!;
        Assert.DoesNotContain("c-" + bridged, published);
        Assert.Contains("p-" + bridged, published);
    }

    /// <summary>Every natural person's document stored in the database (what the sync kept from SECOP).</summary>
    private static async Task<HashSet<string>> PersonDocumentsAsync(TestDb testDb)
    {
        await using var db = testDb.CreateDbContext();
        var all = (await db.Contratos.Select(c => c.DocumentoProveedor).ToListAsync())
            .Concat(await db.Proveedores.Select(p => p.Nit).ToListAsync())
            .Concat(await db.Proponentes.Select(p => p.NitProveedor).ToListAsync())
            .Concat(await db.Ofertas.Select(o => o.NitDelProveedor).ToListAsync())
            .Concat(await db.Procesos.Select(p => p.NitProveedorAdjudicado).ToListAsync());
        return all.OfType<string>().Where(d => d.Length >= 5 && !Nit.IsCompany(d)).ToHashSet();
    }

    /// <summary>
    /// Walks every published surface and fails on any person's document in it; returns the supplier ids of natural
    /// persons, each of which must be opaque.
    /// </summary>
    private static async Task<HashSet<string>> WalkAsync(ApiHost api, HashSet<string> documents)
    {
        foreach (var list in (string[])["/api/v1/monitor/proveedores", "/api/v1/monitor/alertas", "/api/v1/licitaciones", "/api/v1/contratos",
                     "/api/v1/proveedores", "/api/v1/procesos", "/api/v1/paa",
                     // The rows behind the indicators name suppliers: contracts, suppliers, bidders and bids.
                     "/api/v1/indicadores/g1/detalle?anio=2025", "/api/v1/indicadores/g3/detalle?anio=2025",
                     "/api/v1/indicadores/g4/detalle?anio=2025", "/api/v1/indicadores/g5/detalle?anio=2025"])
        {
            var y = list.Contains('?') ? '&' : '?';
            for (var page = 1; ; page++)
            {
                var json = await GetAsync(api, $"{list}{y}pageSize=1000&page={page}", documents);
                if (page * 1000 >= JsonDocument.Parse(json).RootElement.GetProperty("total").GetInt32()) break;
            }
            await GetAsync(api, $"{list}{y}format=csv", documents);
            await GetAsync(api, $"{list}{y}format=xlsx", documents);
        }

        var suppliers = JsonDocument.Parse(await GetAsync(api, "/api/v1/monitor/proveedores?pageSize=1000", documents)).RootElement
            .GetProperty("items").EnumerateArray().Select(i => (Id: i.GetProperty("id").GetString()!, Tipo: i.GetProperty("tipo").GetString(),
                Nombre: i.GetProperty("nombre").GetString()!)).ToList();
        foreach (var (id, tipo, _) in suppliers)
            Assert.True(id.StartsWith("p-", StringComparison.Ordinal) ? tipo == "Persona natural" || tipo == "Consorcio o unión temporal"
                : id.StartsWith("c-", StringComparison.Ordinal) || Nit.IsCompany(id), $"{id} ({tipo}) is neither opaque, a SECOP code nor a company NIT");
        var persons = suppliers.Where(s => s.Tipo == "Persona natural").ToList();
        Assert.All(persons, p => Assert.Matches("^p-([0-9]+|[0-9a-f]{16})$", p.Id));

        // The Monitor's pages (every page of the table, so every supplier link), a name search and persons' profiles.
        var total = suppliers.Count;
        for (var page = 1; page <= (total + 49) / 50; page++)
            Assert.All(Links(await GetAsync(api, $"/proveedores?page={page}", documents)).Where(l => l.StartsWith("/proveedores/", StringComparison.Ordinal)),
                l => Assert.Contains(l["/proveedores/".Length..], suppliers.Select(s => s.Id)));
        var someone = persons[0];
        var byName = await GetAsync(api, $"/proveedores?q={Uri.EscapeDataString(someone.Nombre)}", documents);
        Assert.Contains($"/proveedores/{someone.Id}", Links(byName));
        foreach (var person in persons.Take(12))
        {
            var profile = await GetAsync(api, $"/proveedores/{person.Id}", documents);
            Assert.DoesNotContain("No encontramos este proveedor", profile);
            Assert.Contains("Persona natural", profile);
            await GetAsync(api, $"/api/v1/monitor/proveedores/{person.Id}", documents);
        }

        // The Banco: its page, and the detail pages of purchases contracted with persons (they show the masked document).
        var banco = JsonDocument.Parse(await GetAsync(api, "/api/v1/licitaciones?pageSize=1000", documents)).RootElement.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("proveedor").GetString() is { } p && persons.Any(x => x.Nombre == p)).Select(i => i.GetProperty("id").GetString()!).Take(5).ToList();
        await GetAsync(api, "/licitaciones", documents);
        foreach (var id in banco)
            Assert.Contains("*****", await GetAsync(api, $"/licitaciones/{Uri.EscapeDataString(id)}", documents));
        return persons.Select(p => p.Id).ToHashSet();
    }

    /// <summary>The whole document finds exactly that person; parts of it find no person; the old cédula link finds nothing.</summary>
    private static async Task SearchAsync(ApiHost api, string document, string id, HashSet<string> documents)
    {
        var others = documents.Where(d => d != document).ToHashSet();
        var hits = Ids(await GetAsync(api, $"/api/v1/monitor/proveedores?q={document}", others));
        Assert.Equal([id], hits);
        // The search box repeats what the visitor typed; no other person's document may be on the page.
        Assert.Contains($"/proveedores/{id}", Links(await GetAsync(api, $"/proveedores?q={document}", others)));
        foreach (var part in new[] { document[..^1], document[1..], document[2..^2] })
            Assert.DoesNotContain(Ids(await GetAsync(api, $"/api/v1/monitor/proveedores?q={part}", documents)), i => i.StartsWith("p-", StringComparison.Ordinal));

        // The API's 404 does not repeat the number; the friendly page repeats only the visitor's own address (its
        // skip link), never states it, and no other person's document is on it.
        using (var api404 = await api.Client.GetAsync($"/api/v1/monitor/proveedores/{document}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, api404.StatusCode);
            Assert.DoesNotContain(document, await api404.Content.ReadAsStringAsync());
        }
        using var page404 = await api.Client.GetAsync($"/proveedores/{document}");
        Assert.Equal(HttpStatusCode.NotFound, page404.StatusCode);
        var page = await page404.Content.ReadAsStringAsync();
        Assert.Contains("No encontramos este proveedor", page);
        Assert.DoesNotContain(others, page.Contains);
        Assert.DoesNotContain(document, page.Replace($"proveedores/{document}#contenido", ""));
    }

    /// <summary>The body of a successful GET (an XLSX unzipped into its XML parts), checked for every document.</summary>
    private static async Task<string> GetAsync(ApiHost api, string url, HashSet<string> documents)
    {
        using var response = await api.Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        string body;
        if (url.EndsWith("format=xlsx", StringComparison.Ordinal))
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var parts = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                parts.Append(await reader.ReadToEndAsync());
            }
            body = parts.ToString();
            Assert.Contains("<sheetData", body);
        }
        else body = Encoding.UTF8.GetString(bytes);
        var leaked = Digits().Matches(body).Select(m => m.Value).Where(documents.Contains).Distinct().ToList();
        Assert.True(leaked.Count == 0, $"{url} publishes the document(s) {string.Join(", ", leaked)}");
        return body;
    }

    private static List<string> Ids(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

    private static List<string> Links(string html) => Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
