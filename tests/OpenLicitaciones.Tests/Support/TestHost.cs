using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Tests.Support;

/// <summary>The app's own registrations (AddData, AddSync) over a test database and settings, without a web server.</summary>
public static class TestHost
{
    public static readonly DateTimeOffset Today = new(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(-5));

    public static async Task<IHost> StartAsync(TestDb db, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, bool hosted = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddInMemoryCollection(db.AppSettings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Sync:ScheduleEnabled"] = "false" });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddData().AddSync(hosted).AddProductores();
        builder.Services.AddSingleton<TimeProvider>(TestClock.At(Today));
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.Services.InitializeDatabaseAsync();
        if (hosted) await host.StartAsync();
        return host;
    }
}
