using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Api;
using OpenLicitaciones.Features.Licitaciones;
using OpenLicitaciones.Features.Proveedores;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Tests.Support;

/// <summary>The app (pages and API) on a real loopback port, over a test database.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    public HttpClient Client { get; }

    private ApiHost(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address };
    }

    /// <summary>The whole app, built by its own composition root, over <paramref name="db"/> with the clock pinned and no schedules.</summary>
    public static async Task<ApiHost> StartAsync(TestDb db, IDictionary<string, string?>? settings = null)
    {
        var builder = AppComposition.CreateBuilder([], b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:OpenLicitaciones"] = db.ConnectionString,
                ["Sync:ScheduleEnabled"] = "false",
                ["Sync:LoadOnFirstStart"] = "false",
            });
            if (settings is not null) b.Configuration.AddInMemoryCollection(settings);
            b.Logging.ClearProviders();
            b.WebHost.UseUrls("http://127.0.0.1:0");
        });
        builder.Services.AddSingleton<TimeProvider>(TestClock.At(TestHost.Today));
        var app = builder.Build();
        await app.Services.InitializeDatabaseAsync();
        app.MapEverything();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApiHost(app, new Uri(address));
    }

    public IServiceProvider Services => _app.Services;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
