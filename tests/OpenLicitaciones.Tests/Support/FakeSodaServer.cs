using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Tests.Support;

/// <summary>What the fake answers to one scripted request instead of (or before) the normal page.</summary>
public abstract record Fault
{
    /// <summary>An error status (429, 500, 503…) with Socrata's JSON error body and an optional Retry-After.</summary>
    public sealed record Status(int Code, int? RetryAfterSeconds = null) : Fault;

    /// <summary>A 400 whose body carries Socrata's errorCode, as for a wrong column or a type mismatch.</summary>
    public sealed record SoqlError(string ErrorCode, string Message) : Fault;

    /// <summary>Waits before answering normally; ends early when the client gives up.</summary>
    public sealed record Delay(TimeSpan Duration) : Fault;

    /// <summary>Holds the answer until the test completes <paramref name="Until"/>, then answers normally.</summary>
    public sealed record Hold(Task Until) : Fault;

    /// <summary>A 200 whose JSON body stops halfway, as when a connection is cut mid-page.</summary>
    public sealed record TruncatedJson : Fault;

    /// <summary>Sends half of the page, then drops the connection without finishing the response.</summary>
    public sealed record CutConnection : Fault;

    /// <summary>Sends half of the page, signals <paramref name="Sent"/>, and waits until the client goes away.</summary>
    public sealed record Stall(TaskCompletionSource Sent) : Fault;

    /// <summary>The normal page with one more column in every row (schema drift).</summary>
    public sealed record ExtraColumn(string Column, string Value) : Fault;
}

/// <summary>One request as the fake received it; <see cref="After"/> is the keyset cursor of its $where.</summary>
public sealed record SodaRequest(int Number, string Dataset, IReadOnlyList<string> FilterValues, SodaCursor? After, int Limit, TimeSpan ReceivedAt);

/// <summary>
/// A SODA 2.1 server on 127.0.0.1 (Kestrel, free port) serving /resource/{id}.json from in-memory rows with the
/// semantics the sync relies on: `column in (…)`, the (:updated_at, :id) keyset condition, that order, $limit.
/// Anything else in a query is answered with a 400, so a client that drifts from the contract fails loudly.
/// </summary>
public sealed class FakeSodaServer : IAsyncDisposable
{
    private const string Literal = "'(?:[^']|'')*'";
    private static readonly Regex Where = new(
        $@"^(?<column>\w+) in \((?<values>{Literal}(?:,{Literal})*)\)" +
        $@"(?: AND \(:updated_at > (?<after>{Literal}) OR \(:updated_at = (?<same>{Literal}) AND :id > (?<id>{Literal})\)\))?$");
    private static readonly Regex Literals = new(Literal);
    // Socrata writes UTF-8 text as is; escaping "í" as \u00ED would hide decoding bugs in the client.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(2);

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<JsonObject>> _rows = [];
    private readonly Dictionary<int, Fault> _script = [];
    private readonly List<SodaRequest> _requests = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _selfStop = new(MaxLifetime);

    private FakeSodaServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Called on the server's thread when a request arrives, before it is answered.</summary>
    public Action<SodaRequest>? OnRequest { get; set; }

    public IReadOnlyList<SodaRequest> Requests
    {
        get { lock (_gate) return _requests.ToList(); }
    }

    public static async Task<FakeSodaServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeSodaServer(app);
        app.MapGet("/resource/{id}.json", (RequestDelegate)server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        // A test that forgets to dispose must not leave a server behind.
        server._selfStop.Token.Register(() => _ = app.StopAsync());
        return server;
    }

    /// <summary>Adds rows to a dataset, replacing any with the same :id (a row republished by the portal).</summary>
    public void Put(string dataset, params IEnumerable<JsonObject> rows)
    {
        lock (_gate)
        {
            var stored = _rows.TryGetValue(dataset, out var list) ? list : _rows[dataset] = [];
            foreach (var row in rows)
            {
                stored.RemoveAll(r => Id(r) == Id(row));
                stored.Add(row.DeepClone().AsObject());
            }
        }
    }

    /// <summary>Scripts the answer to the n-th request this server receives (1-based, counted across runs).</summary>
    public FakeSodaServer On(int request, Fault fault)
    {
        lock (_gate) _script[request] = fault;
        return this;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var dataset = (string)context.Request.RouteValues["id"]!;
        var (query, problem) = ParseQuery(context.Request.Query);
        SodaRequest request;
        Fault? fault;
        List<JsonObject>? rows;
        lock (_gate)
        {
            request = new SodaRequest(_requests.Count + 1, dataset, query?.Values ?? [], query?.After, query?.Limit ?? 0, _clock.Elapsed);
            _requests.Add(request);
            _script.Remove(request.Number, out fault);
            rows = _rows.GetValueOrDefault(dataset)?.ToList();
        }
        OnRequest?.Invoke(request);

        if (rows is null)
        {
            await WriteAsync(context, 404, new JsonObject { ["code"] = "not_found", ["error"] = true, ["message"] = $"Dataset {dataset} not found" });
            return;
        }
        if (query is null)
        {
            await WriteError(context, 400, "query.compiler.malformed", problem!);
            return;
        }
        if (rows.Count > 0 && !rows.Any(r => r.ContainsKey(query.Column)))
        {
            await WriteError(context, 400, "query.soql.no-such-column", $"No such column: {query.Column}");
            return;
        }

        switch (fault)
        {
            case Fault.Status s:
                if (s.RetryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteError(context, s.Code, s.Code == 429 ? "too-many-requests" : "internal-error", $"Fake failure {s.Code}");
                return;
            case Fault.SoqlError e:
                await WriteError(context, 400, e.ErrorCode, e.Message);
                return;
            case Fault.Delay d:
                if (!await WaitAsync(context, stop => Task.Delay(d.Duration, stop))) return;
                break;
            case Fault.Hold h:
                if (!await WaitAsync(context, h.Until.WaitAsync)) return;
                break;
        }

        var page = new JsonArray();
        foreach (var row in Page(rows, query))
        {
            var copy = row.DeepClone().AsObject();
            if (fault is Fault.ExtraColumn extra) copy[extra.Column] = extra.Value;
            page.Add(copy);
        }
        var body = page.ToJsonString(Json);
        if (fault is Fault.TruncatedJson or Fault.CutConnection or Fault.Stall) body = body[..(body.Length / 2)];
        context.Response.ContentType = "application/json; charset=utf-8";
        if (fault is Fault.Stall stall)
        {
            await context.Response.WriteAsync(body, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            stall.Sent.TrySetResult();
            await WaitAsync(context, stop => Task.Delay(Timeout.Infinite, stop));
            return;
        }
        await context.Response.WriteAsync(body, context.RequestAborted);
        if (fault is Fault.CutConnection)
        {
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
        }
    }

    /// <summary>False when the client went away (or the server is stopping) before the wait ended.</summary>
    private async Task<bool> WaitAsync(HttpContext context, Func<CancellationToken, Task> wait)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _app.Lifetime.ApplicationStopping);
        try
        {
            await wait(stop.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static IEnumerable<JsonObject> Page(List<JsonObject> rows, ParsedQuery query)
    {
        var values = query.Values.ToHashSet(StringComparer.Ordinal);
        return rows
            .Where(r => r[query.Column] is JsonValue v && v.TryGetValue<string>(out var s) && values.Contains(s))
            .Where(r => query.After is null || Compare(r, query.After) > 0)
            .OrderBy(UpdatedAt, StringComparer.Ordinal).ThenBy(Id, StringComparer.Ordinal)
            .Take(query.Limit);
    }

    private static int Compare(JsonObject row, SodaCursor cursor)
    {
        var c = string.CompareOrdinal(UpdatedAt(row), cursor.UpdatedAt);
        return c != 0 ? c : string.CompareOrdinal(Id(row), cursor.RowId);
    }

    private static string Id(JsonObject row) => (string?)row[":id"] ?? throw new ArgumentException("Fake rows need an :id");
    private static string UpdatedAt(JsonObject row) => (string?)row[":updated_at"] ?? throw new ArgumentException("Fake rows need an :updated_at");

    private sealed record ParsedQuery(string Column, IReadOnlyList<string> Values, SodaCursor? After, int Limit);

    private static (ParsedQuery? Query, string? Problem) ParseQuery(IQueryCollection query)
    {
        if (query["$select"] != ":*,*") return (null, $"fake supports only $select=:*,*, got '{query["$select"]}'");
        if (query["$order"] != ":updated_at,:id") return (null, $"fake supports only $order=:updated_at,:id, got '{query["$order"]}'");
        if (!int.TryParse(query["$limit"], out var limit) || limit < 1) return (null, $"bad $limit '{query["$limit"]}'");
        if (query.ContainsKey("$offset")) return (null, "the sync pages by keyset and must not send $offset");
        var match = Where.Match(query["$where"].ToString());
        if (!match.Success) return (null, $"fake cannot parse $where '{query["$where"]}'");
        var values = Literals.Matches(match.Groups["values"].Value).Select(m => Unquote(m.Value)).ToList();
        SodaCursor? after = null;
        if (match.Groups["after"].Success)
        {
            if (match.Groups["after"].Value != match.Groups["same"].Value) return (null, "keyset condition compares two different :updated_at values");
            after = new SodaCursor(Unquote(match.Groups["after"].Value), Unquote(match.Groups["id"].Value));
        }
        return (new ParsedQuery(match.Groups["column"].Value, values, after, limit), null);
    }

    private static string Unquote(string literal) => literal[1..^1].Replace("''", "'");

    private static Task WriteError(HttpContext context, int status, string code, string message) =>
        WriteAsync(context, status, new JsonObject { ["code"] = code, ["error"] = true, ["message"] = message, ["errorCode"] = code });

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(Json), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        _selfStop.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
