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

/// <summary>The app's API endpoints on a real loopback port, over a test database.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    public HttpClient Client { get; }

    private ApiHost(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address };
    }

    public static async Task<ApiHost> StartAsync(TestDb db)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:OpenLicitaciones"] = db.ConnectionString,
            ["Sync:ScheduleEnabled"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddData().AddSync(hosted: false).AddLicitaciones().AddProveedores();
        builder.Services.AddSingleton<TimeProvider>(new FixedTime(TestHost.Today));
        var app = builder.Build();
        await app.Services.InitializeDatabaseAsync();
        app.MapApi();
        app.MapLicitacionesApi();
        app.MapProveedoresApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApiHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
