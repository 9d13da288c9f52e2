using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Features.Api;

/// <summary>The one shape of every JSON list (CONTRACTS §5).</summary>
public sealed record ListResponse<T>(
    long Total, int Page, int PageSize, IReadOnlyList<T> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Warnings);

public static class ApiList
{
    /// <summary>Web defaults (camelCase) with Spanish letters written as they are, not as \u escapes.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new PublicTime.JsonConverter() },
    };

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Orders by orden=field or orden=-field among the allowed fields, then by the key for stable pages.</summary>
    public static IQueryable<T> Order<T>(IQueryable<T> query, ListRequest request, IReadOnlyDictionary<string, Expression<Func<T, object?>>> fields,
        string defaultOrden, Expression<Func<T, object?>> key)
    {
        var orden = request.Query.Order("orden", fields.Keys.ToList(), defaultOrden);
        var field = fields[orden.TrimStart('-')];
        var ordered = orden.StartsWith('-') ? query.OrderByDescending(field) : query.OrderBy(field);
        return ordered.ThenBy(key);
    }

    /// <summary>JSON page, or every matching row as CSV (UTF-8 with BOM so Excel in Spanish reads accents) or XLSX.</summary>
    public static async Task<IResult> RespondAsync<T>(IQueryable<T> query, ListRequest request, string fileName, CancellationToken ct,
        Func<T, T>? publish = null)
    {
        publish ??= row => row;
        if (request.Format is "csv" or "xlsx") return Respond(await query.ToListAsync(ct), publish, request, fileName);
        var total = await query.LongCountAsync(ct);
        var page = await query.Skip((int)Math.Min(int.MaxValue, (long)(request.Page - 1) * request.PageSize)).Take(request.PageSize).ToListAsync(ct);
        var items = page.Select(publish).ToList();
        return Results.Json(new ListResponse<T>(total, request.Page, request.PageSize, items, request.Warnings.Count > 0 ? request.Warnings : null), Json);
    }

    /// <summary>The same response for rows already in memory (filtered and ordered by the caller).</summary>
    public static IResult Respond<T>(IReadOnlyList<T> rows, ListRequest request, string fileName) => Respond(rows, row => row, request, fileName);

    /// <summary>The same, publishing each row with <paramref name="publish"/>: only the requested page for JSON, every row for exports.</summary>
    public static IResult Respond<TRow, T>(IReadOnlyList<TRow> rows, Func<TRow, T> publish, ListRequest request, string fileName)
    {
        if (request.Format == "csv") return Results.File(Csv(rows.Select(publish)), "text/csv; charset=utf-8", $"{fileName}.csv");
        if (request.Format == "xlsx")
            return Results.Stream(body => Xlsx.WriteAsync(body, rows.Select(publish), rows.Count, fileName), XlsxContentType, $"{fileName}.xlsx");
        var page = rows.Skip((int)Math.Min(int.MaxValue, (long)(request.Page - 1) * request.PageSize)).Take(request.PageSize).Select(publish).ToList();
        return Results.Json(new ListResponse<T>(rows.Count, request.Page, request.PageSize, page, request.Warnings.Count > 0 ? request.Warnings : null), Json);
    }

    /// <summary>RFC 4180 CSV with a header of the JSON field names; values formatted invariantly (ISO dates, plain numbers).</summary>
    public static byte[] Csv<T>(IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)
               {
                   NewLine = "\r\n",
                   // RFC 4180: a lone CR or LF inside a field must be quoted too, not only the whole CRLF.
                   ShouldQuote = args => args.Field.AsSpan().IndexOfAny("\",\r\n") >= 0,
               }))
        {
            foreach (var p in properties) csv.WriteField(Json.PropertyNamingPolicy!.ConvertName(p.Name));
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var p in properties) csv.WriteField(CsvValue(p.GetValue(row)));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    private static string CsvValue(object? value) => value switch
    {
        null => "",
        DateTime d => PublicTime.Iso(d),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => SafeText(value.ToString() ?? ""),
    };

    /// <summary>Text a spreadsheet would run as a formula (SECOP names can start with = + - @) gets a leading apostrophe.</summary>
    private static string SafeText(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
