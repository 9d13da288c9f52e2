using OpenLicitaciones.Components;
using Quartz;

namespace OpenLicitaciones.Features.Sync;

/// <summary>A thin Quartz adapter: one scheduled run of one dataset through <see cref="SecopSync"/>.</summary>
[DisallowConcurrentExecution]
public sealed class DatasetSyncJob(SecopSync sync) : IJob
{
    public const string DatasetKey = "dataset";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var dataset = SecopDatasets.Find(context.MergedJobDataMap.GetString(DatasetKey) ?? "")
            ?? throw new JobExecutionException($"Conjunto de datos desconocido: {context.MergedJobDataMap.GetString(DatasetKey)}");
        try
        {
            await sync.RunAsync(dataset, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown or interruption: the run was recorded as cancelled and resumes from its checkpoint.
        }
    }
}

public static class Scheduling
{
    /// <summary>
    /// Quartz's own scheduler and hosted service: one cron trigger per scheduled dataset, in Bogotá time. On shutdown
    /// running syncs are interrupted (they stop after their current page, recorded as cancelled) and waited for.
    /// </summary>
    public static IServiceCollection AddSyncScheduler(this IServiceCollection services, IReadOnlyDictionary<string, string> schedules)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                // Quartz keeps one scheduler per name in a process, and the tests host several apps in one process.
                s.InstanceName = $"OpenLicitaciones-{Guid.NewGuid():N}";
                s.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            q.UseDefaultThreadPool(2);
            foreach (var (dataset, cron) in schedules)
            {
                // A bad entry is left to SyncOptionsValidator, which fails the start with its own message.
                if (SecopDatasets.Find(dataset) is null || !CronExpression.TryParse(cron, out _)) continue;
                var job = new JobKey(dataset);
                q.AddJob<DatasetSyncJob>(j => j.WithIdentity(job).UsingJobData(DatasetSyncJob.DatasetKey, dataset));
                q.AddTrigger(t => t.ForJob(job).WithIdentity(dataset)
                    .WithCronSchedule(cron, c => c.InTimeZone(ColombiaTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
