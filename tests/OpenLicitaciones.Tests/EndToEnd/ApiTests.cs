using System.Net;
using System.Text;
using System.Text.Json;

namespace OpenLicitaciones.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class ApiTests(AppServer server)
{
    [Fact]
    public async Task Procesos_with_page_size_2_returns_the_list_envelope_with_two_items()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/api/v1/procesos?pageSize=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.True(root.GetProperty("total").GetInt64() > 2, "The demo data should hold more than two processes.");
        Assert.Equal(1, root.GetProperty("page").GetInt32());
        Assert.Equal(2, root.GetProperty("pageSize").GetInt32());
        var items = root.GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
            Assert.False(string.IsNullOrEmpty(item.GetProperty("idDelProceso").GetString()));
    }

    [Fact]
    public async Task Procesos_as_csv_is_text_csv_starting_with_a_utf8_bom_and_a_header_row()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/api/v1/procesos?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "The CSV does not start with a UTF-8 byte order mark.");

        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await csv.ReadAsync() && csv.ReadHeader(), "The CSV has no header row.");
        var header = csv.HeaderRecord!;
        Assert.Equal("idDelProceso", header[0]);
        Assert.Contains("fechaPublicacion", header);
        Assert.True(await csv.ReadAsync(), "The CSV has a header but no rows.");
        Assert.False(string.IsNullOrEmpty(csv.GetField("idDelProceso")));
    }
}
