using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenLicitaciones.Data;
using OpenLicitaciones.Tests.Support;
using Quartz;

namespace OpenLicitaciones.Tests;

public sealed class AppCompositionTests
{
    [Fact]
    public async Task The_test_host_runs_Program_over_the_test_database_in_production_with_the_pinned_clock_and_no_scheduler()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb);

        Assert.Equal(Environments.Production, app.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            Assert.Equal(testDb.ConnectionString, db.Database.GetConnectionString());
        Assert.Equal(TestHost.Today, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        Assert.Empty(app.Services.GetServices<IHostedService>().OfType<QuartzHostedService>());
        // Program.cs created the schema in the test database and mapped the endpoints.
        using var health = await app.Client.GetAsync("/health");
        Assert.True(health.IsSuccessStatusCode, await health.Content.ReadAsStringAsync());
    }
}
