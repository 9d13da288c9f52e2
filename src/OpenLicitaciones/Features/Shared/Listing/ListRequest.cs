namespace OpenLicitaciones.Features.Shared.Listing;

/// <summary>
/// An API list request: the endpoint's own parameters read through a <see cref="QueryReader"/>, plus paging and format,
/// which every list shares. Unknown and repeated parameters are reported here; all warnings end in one list.
/// </summary>
public sealed class ListRequest
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public int Page { get; }
    public int PageSize { get; }
    public string Format { get; }

    /// <summary>The endpoint's parameters; a name it does not declare reads as absent.</summary>
    public QueryReader Query { get; }

    public List<string> Warnings => Query.Warnings;

    /// <param name="parameters">The endpoint's own parameters (filters, and "orden" where it sorts); paging and format are common.</param>
    public ListRequest(IQueryCollection query, IEnumerable<string> parameters)
    {
        var known = new HashSet<string>(["page", "pageSize", "format", .. parameters], StringComparer.OrdinalIgnoreCase);
        var warnings = new List<string>();
        foreach (var (name, values) in query)
        {
            if (name.Length == 0) continue;
            if (!known.Contains(name)) warnings.Add($"{PlainText.Clip(name)}: no es un parámetro de esta consulta; se ignora");
            else if (values.Count > 1) warnings.Add($"{name}: aparece {values.Count} veces; se usa el primer valor");
        }
        Query = new QueryReader(name => known.Contains(name) ? query[name].FirstOrDefault() : null, warnings);
        Page = Query.PositiveInt("page", 1);
        PageSize = Query.PositiveInt("pageSize", DefaultPageSize, MaxPageSize);
        Format = Query.Raw("format")?.ToLowerInvariant() switch
        {
            null or "json" => "json",
            "csv" => "csv",
            "xlsx" => "xlsx",
            var other => Query.Warn($"format: '{PlainText.Clip(other)}' no es un formato disponible (json, csv, xlsx); se responde en JSON", "json"),
        };
    }

    public static ListRequest From(HttpRequest request, params string[] parameters) => new(request.Query, parameters);
}
