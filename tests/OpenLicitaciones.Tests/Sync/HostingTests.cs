using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;
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
    public async Task The_scheduler_runs_a_dataset_job_when_its_cron_comes_due_in_Bogota_time()
    {
        using var testDb = new TestDb();
        var clock = TestClock.At(TestHost.Today); // 09:00 in Bogotá
        using var host = await TestHost.StartAsync(testDb, new Dictionary<string, string?>
        {
            ["Sync:ScheduleEnabled"] = "true",
            ["Sync:Schedules:b6m4-qgqv"] = "0 15 9 * * ?", // 09:15; the shipped crons of the others come due later
        }, services => services.AddSingleton<TimeProvider>(clock), hosted: true);

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 14, 15, 0, TimeSpan.Zero), await NextFireTimeAsync(host, "b6m4-qgqv"));
        clock.Advance(TimeSpan.FromMinutes(15));

        await Eventually(async () =>
        {
            await using var db = testDb.CreateDbContext();
            return await db.SyncRuns.AnyAsync(r => r.Dataset == "b6m4-qgqv" && r.FinishedAt != null);
        });
        await host.StopAsync(); // graceful: the scheduler shuts down and waits for running jobs

        await using var read = testDb.CreateDbContext();
        var run = await read.SyncRuns.SingleAsync();
        Assert.Equal(("b6m4-qgqv", null), (run.Dataset, run.Error));
    }

    [Fact]
    public async Task Stopping_the_app_interrupts_a_running_sync_which_is_recorded_as_cancelled()
    {
        using var testDb = new TestDb();
        var source = new EndlessSource();
        var clock = TestClock.At(TestHost.Today);
        using var host = await TestHost.StartAsync(testDb, new Dictionary<string, string?>
        {
            ["Sync:ScheduleEnabled"] = "true",
            ["Sync:Schedules:p6dx-8zbt"] = "0 5 9 * * ?",
        }, services => services.AddSingleton<IRowSource>(source).AddSingleton<TimeProvider>(clock), hosted: true);
        await NextFireTimeAsync(host, "p6dx-8zbt");
        clock.Advance(TimeSpan.FromMinutes(5));
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

    [Theory]
    [InlineData(false, "true", false)] // the CLI's sync: no scheduler, whatever the settings say
    [InlineData(true, "false", false)]
    [InlineData(true, "true", true)]
    public async Task Only_the_hosted_app_with_scheduling_enabled_runs_a_scheduler(bool hosted, string scheduleEnabled, bool expected)
    {
        using var testDb = new TestDb();
        using var host = await TestHost.StartAsync(testDb, new Dictionary<string, string?> { ["Sync:ScheduleEnabled"] = scheduleEnabled }, hosted: hosted);

        Assert.Equal(expected, host.Services.GetServices<IHostedService>().OfType<QuartzHostedService>().Any());
        Assert.Equal(expected, host.Services.GetService<ISchedulerFactory>() is not null);
        if (hosted) await host.StopAsync();
    }

    /// <summary>Waits for the hosted scheduler to hold the dataset's trigger, and returns when it fires next.</summary>
    private static async Task<DateTimeOffset?> NextFireTimeAsync(IHost host, string dataset)
    {
        var scheduler = host.Services.GetRequiredService<IScheduler>();
        ITrigger? trigger = null;
        await Eventually(async () => (trigger = await scheduler.GetTrigger(new TriggerKey(dataset))) is not null);
        return trigger!.NextFireTimeUtc;
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
            db.SyncRuns.Add(new SyncRun { Dataset = "p6dx-8zbt", Source = "demo", StartedAt = TestHost.Today.UtcDateTime, FinishedAt = TestHost.Today.UtcDateTime, RowsUpserted = 3 });
            await db.SaveChangesAsync();
        }

        await notified.Task.WaitAsync(TimeSpan.FromSeconds(5)); // CONTRACTS §6: noticed within 2 s
        await host.StopAsync();
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "the condition did not become true within 20 s");
            await Task.Delay(100);
        }
    }
}
