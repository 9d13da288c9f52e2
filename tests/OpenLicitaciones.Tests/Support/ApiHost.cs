using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenLicitaciones.Tests.Support;

/// <summary>
/// The app as Program.cs starts it (its composition root, database set-up and endpoints), on Kestrel on a loopback
/// port, over a test database with the clock pinned and no schedules.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly Factory _factory;
    public HttpClient Client { get; }

    private ApiHost(Factory factory, Uri address)
    {
        _factory = factory;
        Client = new HttpClient { BaseAddress = address };
    }

    public static Task<ApiHost> StartAsync(TestDb db, IDictionary<string, string?>? settings = null)
    {
        var factory = new Factory(db.AppSettings.Concat(new Dictionary<string, string?>
        {
            ["Sync:ScheduleEnabled"] = "false",
            ["Sync:LoadOnFirstStart"] = "false",
        }).Concat(settings ?? new Dictionary<string, string?>()));
        // Kestrel rather than the in-memory test server: the HTTP rules under test (HEAD without a body, request-line
        // limits, no Server header) are Kestrel's behaviour as much as ours.
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return Task.FromResult(new ApiHost(factory, new Uri(address)));
    }

    public IServiceProvider Services => _factory.Services;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed class Factory(IEnumerable<KeyValuePair<string, string?>> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Settings given this way reach Program.cs before its services are registered, where AddData and AddSync read them.
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            // As the app runs when deployed (the factory's default is Development), from its build output.
            builder.UseEnvironment("Production");
            builder.UseContentRoot(AppContext.BaseDirectory);
            builder.ConfigureLogging(logging => logging.ClearProviders());
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(TestClock.At(TestHost.Today)));
        }
    }
}
