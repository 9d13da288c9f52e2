using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace OpenLicitaciones.Features.Sync;

/// <summary>SODA 2.1 over HttpClient: {base}/resource/{id}.json, retries with backoff on 429/5xx/timeouts, never on 400.</summary>
public sealed class SocrataSource(HttpClient http, IOptions<SyncOptions> options, ILogger<SocrataSource> log, TimeProvider time) : IRowSource
{
    private readonly SyncOptions _options = options.Value;

    public string Name => "socrata";

    public async Task<IReadOnlyList<JsonObject>> FetchPageAsync(SodaQuery query, CancellationToken ct)
    {
        var url = BuildUrl(_options.BaseUrl, query);
        for (var attempt = 0; ; attempt++)
        {
            var failure = await TryFetchAsync(url, ct);
            if (failure.Rows is not null) return failure.Rows;
            if (attempt >= _options.MaxRetries)
                throw new SyncFailedException($"{query.Dataset}: {failure.Problem} (tras {attempt + 1} intentos)");
            var delay = Backoff.Delay(attempt, failure.RetryAfter, _options.RetryBaseDelayMs, _options.RetryMaxDelayMs, Random.Shared.NextDouble());
            log.LogWarning("{Dataset}: {Problem}; reintento {Attempt} en {Delay} ms", query.Dataset, failure.Problem, attempt + 1, (int)delay.TotalMilliseconds);
            await Task.Delay(delay, time, ct);
        }
    }

    public static string BuildUrl(string baseUrl, SodaQuery query) =>
        $"{baseUrl.TrimEnd('/')}/resource/{query.Dataset}.json?" +
        string.Join("&", query.ToSoql().Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    private sealed record Attempt(IReadOnlyList<JsonObject>? Rows, string Problem = "", TimeSpan? RetryAfter = null);

    private async Task<Attempt> TryFetchAsync(string url, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.RequestTimeoutSeconds));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("application/json");
            if (!string.IsNullOrWhiteSpace(_options.AppToken)) request.Headers.Add("X-App-Token", _options.AppToken);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK) return Parse(body);
            var status = (int)response.StatusCode;
            if (status == 429 || status >= 500 || status == 202)
                return new Attempt(null, $"HTTP {status}", RetryAfter(response, time.GetUtcNow()));
            throw new SyncFailedException(RejectedMessage(status, body));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Attempt(null, $"sin respuesta en {_options.RequestTimeoutSeconds} s");
        }
        catch (HttpRequestException e)
        {
            return new Attempt(null, $"error de red: {e.Message}");
        }
    }

    // A 200 whose body is not a complete JSON array (a cut connection) is retried like a server error.
    private static Attempt Parse(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonArray array) return new Attempt(null, "la respuesta no es una lista JSON");
            var rows = new List<JsonObject>(array.Count);
            foreach (var node in array)
                if (node is JsonObject row) rows.Add(row);
            return new Attempt(rows);
        }
        catch (JsonException)
        {
            return new Attempt(null, "JSON incompleto o inválido");
        }
    }

    /// <summary>A 4xx other than 429: Socrata explains it with an errorCode; retrying would not help.</summary>
    public static string RejectedMessage(int status, string body)
    {
        string? code = null, message = null;
        try
        {
            if (JsonNode.Parse(body) is JsonObject error)
            {
                code = error["errorCode"]?.GetValue<string>() ?? error["code"]?.GetValue<string>();
                message = error["message"]?.GetValue<string>();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { }
        return $"datos.gov.co rechazó la consulta (HTTP {status}{(code is null ? "" : ", " + code)}){(message is null ? "" : ": " + message)}";
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date > now ? date - now : TimeSpan.Zero;
        return null;
    }
}

public static class Backoff
{
    /// <summary>
    /// Exponential backoff with jitter: base·2^attempt plus up to one base of jitter, capped; a server's
    /// Retry-After wins when it asks for longer.
    /// </summary>
    public static TimeSpan Delay(int attempt, TimeSpan? retryAfter, int baseMs, int maxMs, double jitter01)
    {
        var exponential = Math.Min(maxMs, baseMs * Math.Pow(2, Math.Min(attempt, 20)) + baseMs * jitter01);
        var ms = retryAfter is { } ra ? Math.Max(exponential, Math.Min(ra.TotalMilliseconds, maxMs)) : exponential;
        return TimeSpan.FromMilliseconds(ms);
    }
}
