using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Shared;

public sealed class SharedRegistrationTests
{
    [Fact]
    public void The_monitor_registers_on_its_own_without_the_banco()
    {
        using var db = new TestDb();
        var builder = Builder(db);

        builder.AddData().AddSync(hosted: false).AddMonitor();
        using var services = builder.Services.BuildServiceProvider();

        Assert.NotNull(services.GetRequiredService<MonitorSnapshot>());
        Assert.NotEmpty(services.GetRequiredService<Modalidades>().All);
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(BancoSnapshot));
    }

    [Fact]
    public void The_shared_catalogs_are_registered_once_however_many_features_ask()
    {
        using var db = new TestDb();
        var builder = Builder(db);

        builder.AddData().AddSync(hosted: false).AddBanco().AddMonitor().AddSharedRules();

        Assert.Single(builder.Services, d => d.ServiceType == typeof(Modalidades));
        Assert.Single(builder.Services, d => d.ServiceType == typeof(UnspscFamilias));
    }

    private static HostApplicationBuilder Builder(TestDb db)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:OpenLicitaciones"] = db.ConnectionString });
        return builder;
    }
}
