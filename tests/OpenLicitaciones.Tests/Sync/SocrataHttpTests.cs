using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using OpenLicitaciones.Features.Sync;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OpenLicitaciones.Tests.Sync;

/// <summary>The rules of the SODA client's resilience pipeline; SyncPipelineTests runs them against the fake server.</summary>
public sealed class SocrataHttpTests
{
    [Theory]
    [InlineData(429, "", true)]
    [InlineData(500, "", true)]
    [InlineData(503, "", true)]
    [InlineData(202, "", true)] // Socrata: the query is still being prepared
    [InlineData(200, "[{\"a\":\"1\"},{\"a\":\"2\"}]", false)]
    [InlineData(200, "[]", false)]
    [InlineData(200, "[{\"a\":\"1\"},{\"a\"", true)] // cut halfway
    [InlineData(200, "{\"error\":true}", true)] // not a page of rows
    [InlineData(200, "", true)]
    [InlineData(400, "{\"errorCode\":\"query.soql.no-such-column\"}", false)] // a bad query stays bad
    [InlineData(403, "", false)]
    [InlineData(404, "", false)]
    public async Task A_response_is_retried_only_when_another_attempt_may_succeed(int status, string body, bool retried)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        Assert.Equal(retried, await SocrataHttp.IsWorthRetryingAsync(Outcome.FromResult(response)));
    }

    [Fact]
    public async Task Network_errors_and_timeouts_are_retried_but_a_cancelled_run_is_not()
    {
        Assert.True(await SocrataHttp.IsWorthRetryingAsync(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset"))));
        Assert.True(await SocrataHttp.IsWorthRetryingAsync(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException())));
        Assert.False(await SocrataHttp.IsWorthRetryingAsync(Outcome.FromException<HttpResponseMessage>(new OperationCanceledException())));
    }

    [Fact]
    public void Retries_take_their_count_and_delays_from_the_sync_options_with_exponential_backoff_and_jitter()
    {
        var retry = SocrataHttp.RetryOptions(new SyncOptions { MaxRetries = 4, RetryBaseDelayMs = 250, RetryMaxDelayMs = 9_000 }, NullLogger.Instance);

        Assert.Equal((4, 250.0, 9_000.0), (retry.MaxRetryAttempts, retry.Delay.TotalMilliseconds, retry.MaxDelay!.Value.TotalMilliseconds));
        Assert.Equal((DelayBackoffType.Exponential, true), (retry.BackoffType, retry.UseJitter));
    }

    [Theory]
    // Retry-After in seconds (-1 = none) → the wait in ms (-1 = the backoff decides)
    [InlineData(-1, -1)]
    [InlineData(0, 0)]
    [InlineData(2, 2_000)] // the server's wait is honoured
    [InlineData(600, 10_000)] // never beyond the longest delay
    public async Task Retry_after_is_honoured_up_to_the_longest_delay(int retryAfterSeconds, int expectedMs)
    {
        var retry = SocrataHttp.RetryOptions(new SyncOptions { RetryBaseDelayMs = 100, RetryMaxDelayMs = 10_000 }, NullLogger.Instance);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (retryAfterSeconds >= 0) response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds));
        var context = ResilienceContextPool.Shared.Get();

        var wait = await retry.DelayGenerator!(new RetryDelayGeneratorArguments<HttpResponseMessage>(context, Outcome.FromResult(response), 0));

        ResilienceContextPool.Shared.Return(context);
        Assert.Equal(expectedMs < 0 ? null : TimeSpan.FromMilliseconds(expectedMs), wait);
    }

    [Theory]
    [InlineData("[]", null)]
    [InlineData("[{\"a\":[1,2,{\"b\":\"]\"}]}]", null)]
    [InlineData("  [ ]  ", null)]
    [InlineData("[{\"a\":1}", "JSON incompleto o inválido")]
    [InlineData("[] []", "JSON incompleto o inválido")]
    [InlineData("", "JSON incompleto o inválido")]
    [InlineData("{\"a\":1}", "la respuesta no es una lista JSON")]
    [InlineData("<html>", "JSON incompleto o inválido")]
    public void A_page_is_a_complete_json_array(string body, string? problem)
    {
        Assert.Equal(problem, SocrataHttp.PageProblem(Encoding.UTF8.GetBytes(body)));
    }
}
