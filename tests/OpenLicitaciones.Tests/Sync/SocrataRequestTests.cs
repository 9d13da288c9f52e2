using System.Net;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Tests.Sync;

public sealed class SocrataRequestTests
{
    [Theory]
    [InlineData("token-de-prueba", "token-de-prueba")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public async Task The_app_token_travels_only_as_a_header_when_configured(string? token, string? expected)
    {
        var handler = new Recorder();
        var source = new SocrataSource(new HttpClient(handler), Options.Create(new SyncOptions { AppToken = token, BaseUrl = "https://datos.example/" }));

        await source.FetchPageAsync(new SodaQuery("p6dx-8zbt", new RowFilter("nit_entidad", ["891380007"]), null, 10), CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(expected, request.Headers.TryGetValues("X-App-Token", out var values) ? values.Single() : null);
        Assert.DoesNotContain("app_token", request.RequestUri!.Query);
        Assert.Equal("https://datos.example/resource/p6dx-8zbt.json", request.RequestUri.GetLeftPart(UriPartial.Path));
        Assert.Equal("nit_entidad in ('891380007')", Uri.UnescapeDataString(request.RequestUri.Query.Split('&').Single(p => p.Contains("%24where") || p.Contains("$where")).Split('=', 2)[1]));
    }

    private sealed class Recorder : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]") });
        }
    }
}
