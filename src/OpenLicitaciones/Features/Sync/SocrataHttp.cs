using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OpenLicitaciones.Features.Sync;

/// <summary>
/// The SODA client's HTTP pipeline, from Microsoft.Extensions.Http.Resilience and the sync options: each attempt has
/// its own timeout (headers and body); failed attempts are retried with exponential backoff and jitter, waiting what a
/// Retry-After asks up to the longest delay; a rejected query (400) is never retried.
/// </summary>
public static class SocrataHttp
{
    /// <summary>How many attempts a request took, for the message of a page that failed after all of them.</summary>
    public static readonly HttpRequestOptionsKey<int> Attempts = new("OpenLicitaciones.Attempts");

    public static IHttpClientBuilder AddSocrataClient(this IServiceCollection services)
    {
        var client = services.AddHttpClient<SocrataSource>(http => http.Timeout = Timeout.InfiniteTimeSpan); // the pipeline times each attempt
        client.AddResilienceHandler("soda", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<SyncOptions>>().Value;
            if (options.MaxRetries > 0)
                pipeline.AddRetry(RetryOptions(options, context.ServiceProvider.GetRequiredService<ILogger<SocrataSource>>()));
            pipeline.AddTimeout(TimeSpan.FromSeconds(options.RequestTimeoutSeconds));
        });
        // Inside the retry and the timeout: a page cut halfway fails its own attempt, not the caller's read.
        return client.AddHttpMessageHandler(() => new WholePageHandler());
    }

    public static HttpRetryStrategyOptions RetryOptions(SyncOptions options, ILogger log)
    {
        var maxDelay = TimeSpan.FromMilliseconds(options.RetryMaxDelayMs);
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMs),
            MaxDelay = maxDelay,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => IsWorthRetryingAsync(args.Outcome),
            OnRetry = args =>
            {
                log.LogWarning("{Dataset}: {Problem}; reintento {Attempt} en {Delay} ms", Dataset(args.Context), Problem(args.Outcome, options),
                    args.AttemptNumber + 1, (int)args.RetryDelay.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
        };
        // The library reads Retry-After (seconds or a date); a server asking for hours must not stall the sync.
        var retryAfter = retry.DelayGenerator!;
        retry.DelayGenerator = async args => await retryAfter(args) is { } wait ? (wait > maxDelay ? maxDelay : wait) : null;
        return retry;
    }

    /// <summary>Throttling, server errors, "still processing" (202), an incomplete page, a network error or a timeout.</summary>
    public static async ValueTask<bool> IsWorthRetryingAsync(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { StatusCode: HttpStatusCode.OK } page } => PageProblem(await page.Content.ReadAsByteArrayAsync()) is not null,
        { Result: { } response } => IsRetryableStatus(response.StatusCode),
        _ => false,
    };

    public static bool IsRetryableStatus(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.Accepted || (int)status >= 500;

    /// <summary>Why a 200's body is not a page of rows (a cut connection leaves half an array), or null when it is one.</summary>
    public static string? PageProblem(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return "la respuesta no es una lista JSON";
            reader.Skip();
            return reader.Read() ? "JSON incompleto o inválido" : null;
        }
        catch (JsonException)
        {
            return "JSON incompleto o inválido";
        }
    }

    /// <summary>One short Spanish phrase for a failed attempt, for the log and the run's error.</summary>
    public static string Problem(Outcome<HttpResponseMessage> outcome, SyncOptions options) => outcome switch
    {
        { Exception: TimeoutRejectedException } => $"sin respuesta en {options.RequestTimeoutSeconds} s",
        { Exception: { } e } => $"error de red: {e.Message}",
        { Result: { StatusCode: HttpStatusCode.OK } } => "JSON incompleto o inválido",
        { Result: { } response } => $"HTTP {(int)response.StatusCode}",
        _ => "sin respuesta",
    };

    private static string Dataset(ResilienceContext context) =>
        context.GetRequestMessage()?.RequestUri is { } uri ? Path.GetFileNameWithoutExtension(uri.AbsolutePath) : "?";

    /// <summary>Counts the attempt and reads the whole body within it.</summary>
    private sealed class WholePageHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Options.Set(Attempts, request.Options.TryGetValue(Attempts, out var before) ? before + 1 : 1);
            var response = await base.SendAsync(request, ct);
            try
            {
                await response.Content.LoadIntoBufferAsync(ct);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }
}
