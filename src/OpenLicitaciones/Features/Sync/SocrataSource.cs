using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace OpenLicitaciones.Features.Sync;

/// <summary>
/// SODA 2.1 over HttpClient: {base}/resource/{id}.json. Retries and timeouts are the client's pipeline
/// (<see cref="SocrataHttp"/>); what reaches here is a page, a rejected query, or the last of the failed attempts.
/// </summary>
public sealed class SocrataSource(HttpClient http, IOptions<SyncOptions> options) : IRowSource
{
    private readonly SyncOptions _options = options.Value;

    public string Name => "socrata";

    public async Task<IReadOnlyList<JsonObject>> FetchPageAsync(SodaQuery query, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BuildUrl(_options.BaseUrl, query));
        request.Headers.Accept.ParseAdd("application/json");
        if (!string.IsNullOrWhiteSpace(_options.AppToken)) request.Headers.Add("X-App-Token", _options.AppToken);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            throw Failed(query, request, SocrataHttp.Problem(Outcome.FromException<HttpResponseMessage>(e), _options));
        }
        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (response.StatusCode == HttpStatusCode.OK)
                return SocrataHttp.PageProblem(body) is { } problem ? throw Failed(query, request, problem) : Rows(body);
            if (SocrataHttp.IsRetryableStatus(response.StatusCode))
                throw Failed(query, request, SocrataHttp.Problem(Outcome.FromResult(response), _options));
            throw new SyncFailedException(RejectedMessage((int)response.StatusCode, System.Text.Encoding.UTF8.GetString(body)));
        }
    }

    public static string BuildUrl(string baseUrl, SodaQuery query) =>
        $"{baseUrl.TrimEnd('/')}/resource/{query.Dataset}.json?" +
        string.Join("&", query.ToSoql().Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    private static SyncFailedException Failed(SodaQuery query, HttpRequestMessage request, string problem)
    {
        var attempts = request.Options.TryGetValue(SocrataHttp.Attempts, out var n) ? n : 1;
        return new SyncFailedException($"{query.Dataset}: {problem} (tras {attempts} {(attempts == 1 ? "intento" : "intentos")})");
    }

    private static List<JsonObject> Rows(byte[] body) =>
        JsonNode.Parse(body)!.AsArray().OfType<JsonObject>().ToList();

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
}
