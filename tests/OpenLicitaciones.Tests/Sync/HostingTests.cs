using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;
using Quartz;

namespace OpenLicitaciones.Tests.Sync;

public sealed class HostingTests
{
    [Theory]
    [InlineData("Sync:Source", "ftp", "Sync:Source debe ser 'demo' o 'socrata'.")]
    [InlineData("Sync:PageSize", "0", "Sync:PageSize debe estar entre 1 y 50000.")]
    [InlineData("Sync:BaseUrl", "datos.gov.co", "Sync:BaseUrl debe ser una URL absoluta, p. ej. https://www.datos.gov.co.")]
    [InlineData("Sync:Schedules:p6dx-8zbt", "cada hora", "Sync:Schedules:p6dx-8zbt: 'cada hora' no es una expresión cron de Quartz válida (p. ej. '0 0 3 * * ?').")]
    [InlineData("Sync:Schedules:xxxx-yyyy", "0 0 3 * * ?", "Sync:Schedules: 'xxxx-yyyy' no es un conjunto conocido")]
    [InlineData("Entities:0:Nit", "abc", "Cada entidad necesita un NIT de 6 a 10 dígitos, sin dígito de verificación.")]
    public async Task A_bad_setting_fails_at_start_with_a_clear_message(string key, string value, string message)
    {
        using var testDb = new TestDb();
        using var host = await TestHost.StartAsync(testDb, new Dictionary<string, string?> { [key] = value });

        var e = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(e.Failures, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_shipped_settings_are_valid()
    {
        using var testDb = new TestDb();
        using var host = await TestHost.StartAsync(testDb);
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var schedules = host.Services.GetRequiredService<IOptions<SyncOptions>>().Value.Schedules;
        Assert.Equal(SecopDatasets.All.Select(d => d.Id).Order(), schedules.Keys.Order()); // every dataset is scheduled
        Assert.Equal(["891380007"], host.Services.GetRequiredService<IOptions<EntitiesOptions>>().Value.Nits);
    }

    [Fact]
    public void Sync_jobs_never_run_concurrently_with_themselves() =>
        Assert.NotNull(typeof(DatasetSyncJob).GetCustomAttributes(typeof(DisallowConcurrentExecutionAttribute), false).SingleOrDefault());

    [Fact]
    public async Task The_scheduler_runs_a_dataset_job_from_its_cron_through_the_DI_job_factory()
    {
        using var testDb = new TestDb();
        using var host = await TestHost.StartAsync(testDb, new Dictionary<string, string?>
        {
            ["Sync:ScheduleEnabled"] = "true",
            ["Sync:Schedules:b6m4-qgqv"] = "* * * * * ?", // every second; the others stay on their nightly crons
        }, hosted: true);

        await Eventually(async () =>
        {
            await using var db = testDb.CreateDbContext();
            return await db.SyncRuns.AnyAsync(r => r.Dataset == "b6m4-qgqv" && r.FinishedAt != null);
        });
        await host.StopAsync(); // graceful: the scheduler shuts down and waits for running jobs

        await using var read = testDb.CreateDbContext();
        Assert.DoesNotContain(await read.SyncRuns.Select(r => r.Dataset).Distinct().ToListAsync(), d => d != "b6m4-qgqv");
    }

    [Fact]
    public async Task Stopping_the_app_interrupts_a_running_sync_which_is_recorded_as_cancelled()
    {
        using var testDb = new TestDb();
        var source = new EndlessSource();
        using var host = await TestHost.StartAsync(testDb, new Dictionary<string, string?>
        {
            ["Sync:ScheduleEnabled"] = "true",
            ["Sync:Schedules:p6dx-8zbt"] = "* * * * * ?",
        }, services => services.AddSingleton<IRowSource>(source), hosted: true);
        await source.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await host.StopAsync();

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"shutdown took {stopping.Elapsed}");
        await using var db = testDb.CreateDbContext();
        var run = await db.SyncRuns.SingleAsync(r => r.Dataset == "p6dx-8zbt");
        Assert.NotNull(run.FinishedAt);
        Assert.StartsWith("Sincronización cancelada", run.Error);
        Assert.Empty(await db.SyncLeases.ToListAsync());
    }

    private sealed class EndlessSource : IRowSource
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string Name => "socrata";

        public async Task<IReadOnlyList<System.Text.Json.Nodes.JsonObject>> FetchPageAsync(SodaQuery query, CancellationToken ct)
        {
            Started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return [];
        }
    }

    [Fact]
    public async Task A_run_written_by_another_process_raises_the_data_changed_notification()
    {
        using var testDb = new TestDb();
        using var host = await TestHost.StartAsync(testDb, hosted: true);
        var notified = new TaskCompletionSource();
        host.Services.GetRequiredService<DataChangedNotifier>().Changed += () =>
        {
            notified.TrySetResult();
            return Task.CompletedTask;
        };
        await Task.Delay(SyncRunWatcher.Interval * 1.5); // let the watcher read the current state first

        await using (var db = testDb.CreateDbContext()) // as the CLI would, through its own connection
        {
            db.SyncRuns.Add(new SyncRun { Dataset = "p6dx-8zbt", Source = "demo", StartedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow, RowsUpserted = 3 });
            await db.SaveChangesAsync();
        }

        await notified.Task.WaitAsync(TimeSpan.FromSeconds(5)); // CONTRACTS §6: noticed within 2 s
        await host.StopAsync();
    }

    [Fact]
    public async Task Each_job_gets_its_own_scope_which_is_disposed_when_the_job_returns()
    {
        var services = new ServiceCollection().AddScoped<Probe>().BuildServiceProvider();
        var factory = new ScopedJobFactory(services);
        var bundle = new Quartz.Spi.TriggerFiredBundle(JobBuilder.Create<ProbeJob>().Build(), null!, null, false, DateTimeOffset.UtcNow, null, null, null);

        var job1 = (ProbeJob)factory.NewJob(bundle, null!);
        var job2 = (ProbeJob)factory.NewJob(bundle, null!);
        factory.ReturnJob(job1);

        Assert.NotSame(job1.Probe, job2.Probe);
        Assert.True(job1.Probe.Disposed);
        Assert.False(job2.Probe.Disposed);
        await services.DisposeAsync();
    }

    public sealed class Probe : IDisposable
    {
        public bool Disposed { get; private set; }
        public void Dispose() => Disposed = true;
    }

    public sealed class ProbeJob(Probe probe) : IJob
    {
        public Probe Probe { get; } = probe;
        public Task Execute(IJobExecutionContext context) => Task.CompletedTask;
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true within 20 s");
            await Task.Delay(100);
        }
    }
}
