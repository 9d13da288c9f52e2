using System.Text.Json.Nodes;

namespace OpenLicitaciones.Features.Sync;

/// <summary>A keyset position in a dataset ordered by (:updated_at, :id).</summary>
public sealed record SodaCursor(string UpdatedAt, string RowId);

/// <summary>One page request: the rows of a filter after a cursor, in (:updated_at, :id) order.</summary>
public sealed record SodaQuery(string Dataset, RowFilter Filter, SodaCursor? After, int Limit)
{
    /// <summary>The SoQL parameters of this query, before URL encoding.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToSoql()
    {
        var where = $"{Filter.Column} in ({string.Join(",", Filter.Values.Select(Literal))})";
        if (After is not null)
            where += $" AND (:updated_at > {Literal(After.UpdatedAt)} OR (:updated_at = {Literal(After.UpdatedAt)} AND :id > {Literal(After.RowId)}))";
        return
        [
            new("$select", ":*,*"),
            new("$where", where),
            new("$order", ":updated_at,:id"),
            new("$limit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
    }

    private static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
}

/// <summary>Where rows come from: datos.gov.co, or the deterministic demo generator. Both give the API's JSON shape.</summary>
public interface IRowSource
{
    /// <summary>"socrata" or "demo": stored on every row.</summary>
    string Name { get; }
    Task<IReadOnlyList<JsonObject>> FetchPageAsync(SodaQuery query, CancellationToken ct);
}

/// <summary>A sync that cannot go on: the message is shown to operators as it is.</summary>
public sealed class SyncFailedException(string message, Exception? inner = null) : Exception(message, inner);
