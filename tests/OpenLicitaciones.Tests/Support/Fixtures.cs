using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper;

namespace OpenLicitaciones.Tests.Support;

/// <summary>Real SECOP rows copied into Fixtures/ (see Fixtures/README.md).</summary>
public static class Fixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static IReadOnlyList<JsonObject> JsonRows(string name) =>
        JsonNode.Parse(File.ReadAllText(PathOf(name)))!.AsArray().Select(n => n!.AsObject()).ToList();

    /// <summary>Rows of a CSV sample as API-shaped objects: every value a string, empty cells omitted like the API's nulls.</summary>
    public static IReadOnlyList<JsonObject> CsvRows(string name)
    {
        using var reader = new StreamReader(PathOf(name));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<JsonObject>();
        foreach (IDictionary<string, object> record in csv.GetRecords<dynamic>())
        {
            var row = new JsonObject();
            foreach (var (key, value) in record)
                if (value is string text && text.Length > 0) row[key] = text;
            rows.Add(row);
        }
        return rows;
    }
}
