using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Sync;

/// <summary>Serves the demo generator's rows with the API's filter, keyset and paging semantics.</summary>
public sealed class DemoSource(IOptions<EntitiesOptions> entities, TimeProvider time) : IRowSource
{
    private readonly Lazy<IReadOnlyDictionary<string, List<JsonObject>>> _rows =
        new(() => new DemoGenerator(entities.Value.Items, time.GetLocalNow().DateTime).Generate());

    public string Name => "demo";

    public Task<IReadOnlyList<JsonObject>> FetchPageAsync(SodaQuery query, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var values = query.Filter.Values.ToHashSet(StringComparer.Ordinal);
        var page = _rows.Value.GetValueOrDefault(query.Dataset, [])
            .Where(row => row[query.Filter.Column] is JsonValue v && values.Contains(v.GetValue<string>()))
            .Where(row => query.After is null || After(row, query.After))
            .Take(query.Limit)
            .Select(row => row.DeepClone().AsObject())
            .ToList();
        return Task.FromResult<IReadOnlyList<JsonObject>>(page);
    }

    private static bool After(JsonObject row, SodaCursor cursor)
    {
        var c = string.CompareOrdinal((string?)row[":updated_at"], cursor.UpdatedAt);
        return c > 0 || (c == 0 && string.CompareOrdinal((string?)row[":id"], cursor.RowId) > 0);
    }
}
