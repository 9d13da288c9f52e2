using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Impl;
using Quartz.Spi;

namespace OpenLicitaciones.Features.Sync;

/// <summary>A thin Quartz adapter: one scheduled run of one dataset through <see cref="SecopSync"/>.</summary>
[DisallowConcurrentExecution]
public sealed class DatasetSyncJob(SecopSync sync) : IJob
{
    public const string DatasetKey = "dataset";

    public async Task Execute(IJobExecutionContext context)
    {
        var dataset = SecopDatasets.Find(context.MergedJobDataMap.GetString(DatasetKey) ?? "")
            ?? throw new JobExecutionException($"Conjunto de datos desconocido: {context.MergedJobDataMap.GetString(DatasetKey)}");
        try
        {
            await sync.RunAsync(dataset, context.CancellationToken);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // Shutdown or interruption: the run was recorded as cancelled and resumes from its checkpoint.
        }
    }
}

/// <summary>Creates each job in its own DI scope, disposed when the job ends (Quartz 3 has no DI package here).</summary>
public sealed class ScopedJobFactory(IServiceProvider services) : IJobFactory
{
    private readonly Dictionary<IJob, IServiceScope> _scopes = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _gate = new();

    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler)
    {
        var scope = services.CreateScope();
        var job = (IJob)ActivatorUtilities.CreateInstance(scope.ServiceProvider, bundle.JobDetail.JobType);
        lock (_gate) _scopes[job] = scope;
        return job;
    }

    public void ReturnJob(IJob job)
    {
        IServiceScope? scope;
        lock (_gate) _scopes.Remove(job, out scope);
        scope?.Dispose();
    }
}

/// <summary>Runs the Quartz scheduler for the app's lifetime: one cron trigger per configured dataset.</summary>
public sealed class QuartzHostedService(IServiceProvider services, IOptions<SyncOptions> options, ILogger<QuartzHostedService> log)
    : IHostedService
{
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken ct)
    {
        var factory = new StdSchedulerFactory(new System.Collections.Specialized.NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = $"OpenLicitaciones-{Guid.NewGuid():N}",
            ["quartz.threadPool.maxConcurrency"] = "2",
        });
        _scheduler = await factory.GetScheduler(ct);
        _scheduler.JobFactory = new ScopedJobFactory(services);
        foreach (var (dataset, cron) in options.Value.Schedules)
        {
            var job = JobBuilder.Create<DatasetSyncJob>().WithIdentity(dataset).UsingJobData(DatasetSyncJob.DatasetKey, dataset).Build();
            var trigger = TriggerBuilder.Create().WithIdentity(dataset)
                .WithCronSchedule(cron, c => c.InTimeZone(Colombia).WithMisfireHandlingInstructionDoNothing()).Build();
            await _scheduler.ScheduleJob(job, trigger, ct);
            log.LogInformation("Sincronización de {Dataset} programada: {Cron}", dataset, cron);
        }
        await _scheduler.Start(ct);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (_scheduler is null) return;
        // Interrupt running syncs (they stop after their current page and resume from the checkpoint), then wait.
        foreach (var running in await _scheduler.GetCurrentlyExecutingJobs(ct))
            await _scheduler.Interrupt(running.FireInstanceId, ct);
        await _scheduler.Shutdown(waitForJobsToComplete: true, ct);
    }

    private static TimeZoneInfo Colombia => TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");
}
