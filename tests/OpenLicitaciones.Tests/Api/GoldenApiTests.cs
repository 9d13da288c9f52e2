using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.EndToEnd;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Api;

/// <summary>The demo data synced once on the pinned clock, shared by the golden tests of every API list.</summary>
public abstract class DemoApiFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDb _db = new(provider);
    public DatabaseProvider Provider => provider;
    public ApiHost Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await ApiHost.StartAsync(_db);
        foreach (var result in await Api.Services.GetRequiredService<SecopSync>().RunAllAsync(CancellationToken.None))
            if (!result.Succeeded) throw new InvalidOperationException($"The demo sync of {result.Dataset} failed: {result.Error}");
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        _db.Dispose();
    }
}

public sealed class SqliteDemoApiFixture() : DemoApiFixture(DatabaseProvider.Sqlite);

public sealed class PostgresDemoApiFixture() : DemoApiFixture(DatabaseProvider.Postgresql);

public sealed class GoldenApiTestsOnSqlite(SqliteDemoApiFixture demo) : GoldenApiTests(demo), IClassFixture<SqliteDemoApiFixture>;

public sealed class GoldenApiTestsOnPostgresql(PostgresDemoApiFixture demo) : GoldenApiTests(demo), IClassFixture<PostgresDemoApiFixture>;

/// <summary>
/// Every API list's JSON, CSV and XLSX on the demo data must stay exactly as recorded in tests/…/Golden: a change of
/// platform, library or database engine must not change what the open-data API publishes — on PostgreSQL the same
/// bytes as on SQLite. When a change is intended, rerun with GOLDEN_UPDATE=1 (it records from SQLite) and review the
/// diff of the recorded files like any other change.
/// </summary>
public abstract class GoldenApiTests(DemoApiFixture demo)
{
    private static readonly XNamespace S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static readonly TheoryData<string, string> Lists = Combine(
        ["/api/v1/procesos", "/api/v1/contratos", "/api/v1/paa", "/api/v1/proveedores", "/api/v1/licitaciones",
         "/api/v1/monitor/proveedores", "/api/v1/monitor/alertas", "/api/v1/sync/estado", "/api/v1/capacidad", "/api/v1/capacidad/demanda",
         "/api/v1/indicadores", "/api/v1/indicadores/g1/detalle"],
        ["json", "csv", "xlsx"]);

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task List_is_published_exactly_as_recorded(string path, string format)
    {
        // The JSON page holds up to 1000 rows; the exports hold every row.
        using var response = await demo.Api.Client.GetAsync(format == "json" ? $"{path}?pageSize=1000" : $"{path}?format={format}");
        Assert.True(response.IsSuccessStatusCode, $"{path} {format}: {(int)response.StatusCode}");
        var body = await response.Content.ReadAsByteArrayAsync();
        var actual = format switch
        {
            "json" => JsonNode.Parse(body)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n",
            "csv" => Csv(body),
            _ => XlsxCells(body),
        };

        var file = Path.Combine(RepositoryRoot.Path, "tests", "OpenLicitaciones.Tests", "Golden", $"{path["/api/v1/".Length..].Replace('/', '-')}.{format}.txt");
        if (Environment.GetEnvironmentVariable("GOLDEN_UPDATE") == "1" && demo.Provider == DatabaseProvider.Sqlite) await File.WriteAllTextAsync(file, actual);
        Assert.True(File.Exists(file), $"No golden copy at {file}: record it with GOLDEN_UPDATE=1.");
        var expected = await File.ReadAllTextAsync(file);
        if (expected != actual) Assert.Fail($"{path} ({format}) differs from {file} at line {FirstDifferentLine(expected, actual)}.");
    }

    /// <summary>The CSV text after checking its byte-order mark (Excel in Spanish needs it to read accents).</summary>
    private static string Csv(byte[] body)
    {
        Assert.True(body.AsSpan().StartsWith(Encoding.UTF8.Preamble), "the CSV must start with a UTF-8 byte-order mark");
        return Encoding.UTF8.GetString(body.AsSpan(Encoding.UTF8.Preamble.Length));
    }

    /// <summary>
    /// The first sheet as one line per row of "reference kind value" cells: what a reader of the workbook sees (text,
    /// number, date, boolean), not the bytes of one writer, so another XLSX library may write the same workbook.
    /// </summary>
    private static string XlsxCells(byte[] body)
    {
        using var zip = new ZipArchive(new MemoryStream(body));
        XDocument? Part(string name) => zip.GetEntry(name) is { } entry ? XDocument.Load(entry.Open()) : null;
        var shared = Part("xl/sharedStrings.xml")?.Root!.Elements(S + "si").Select(si => string.Concat(si.Descendants(S + "t").Select(t => t.Value))).ToList() ?? [];
        var dateStyles = DateStyles(Part("xl/styles.xml"));
        var json = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var text = new StringBuilder();
        foreach (var row in Part("xl/worksheets/sheet1.xml")!.Descendants(S + "row"))
        {
            // A cell element without a value is no cell to a reader (SpreadCheetah writes one for each null).
            var cells = row.Elements(S + "c").Where(c => c.Element(S + "v") is not null || c.Element(S + "is") is not null).Select(c =>
            {
                var raw = c.Element(S + "v")?.Value;
                var style = int.TryParse(c.Attribute("s")?.Value, out var s) ? s : 0;
                var (kind, value) = (c.Attribute("t")?.Value ?? "n") switch
                {
                    "s" => ("text", shared[int.Parse(raw!, CultureInfo.InvariantCulture)]),
                    "inlineStr" or "str" => ("text", string.Concat(c.Descendants(S + "t").Select(t => t.Value))),
                    "b" => ("bool", raw == "1" ? "true" : "false"),
                    "n" when raw is null => ("empty", ""),
                    "n" when dateStyles.Contains(style) => ("date", DateTime.FromOADate(double.Parse(raw, CultureInfo.InvariantCulture)).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
                    "n" => ("number", double.Parse(raw, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)),
                    var other => (other, raw ?? ""),
                };
                return $"{c.Attribute("r")?.Value} {kind} {JsonSerializer.Serialize(value, json)}";
            });
            text.Append(string.Join('\t', cells)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The cell style indexes whose number format shows a date or time (built-in 14–22, 45–47, or a custom y/m/d/h format).</summary>
    private static HashSet<int> DateStyles(XDocument? styles)
    {
        if (styles?.Root is not { } root) return [];
        var custom = root.Element(S + "numFmts")?.Elements(S + "numFmt")
            .ToDictionary(f => int.Parse(f.Attribute("numFmtId")!.Value, CultureInfo.InvariantCulture), f => f.Attribute("formatCode")!.Value) ?? [];
        bool IsDate(int id) => id is >= 14 and <= 22 or >= 45 and <= 47
            || (custom.TryGetValue(id, out var code) && System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", "").IndexOfAny(['y', 'd', 'h']) >= 0);
        return root.Element(S + "cellXfs")?.Elements(S + "xf")
            .Select((xf, index) => (index, id: int.Parse(xf.Attribute("numFmtId")?.Value ?? "0", CultureInfo.InvariantCulture)))
            .Where(x => IsDate(x.id)).Select(x => x.index).ToHashSet() ?? [];
    }

    private static int FirstDifferentLine(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            if (a[i] != b[i]) return i + 1;
        return Math.Min(a.Length, b.Length) + 1;
    }

    private static TheoryData<string, string> Combine(string[] paths, string[] formats)
    {
        var data = new TheoryData<string, string>();
        foreach (var path in paths)
            foreach (var format in formats) data.Add(path, format);
        return data;
    }
}
