using OpenLicitaciones.Components;
using OpenLicitaciones.Data;
using Quartz;

namespace OpenLicitaciones.Features.Sync;

/// <summary>A thin Quartz adapter: one scheduled run of one dataset through <see cref="SecopSync"/>.</summary>
[DisallowConcurrentExecution]
public sealed class DatasetSyncJob(SecopSync sync, ILogger<DatasetSyncJob> log) : IJob
{
    public const string DatasetKey = "dataset";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var dataset = SecopDatasets.Find(context.MergedJobDataMap.GetString(DatasetKey) ?? "")
            ?? throw new JobExecutionException($"Conjunto de datos desconocido: {context.MergedJobDataMap.GetString(DatasetKey)}");
        // Which instance ran which firing: with several instances on one database, each firing runs on one of them.
        log.LogInformation("Sincronización programada de {Dataset} (disparo {FireTime:yyyy-MM-ddTHH:mm:ssZ}) en {Instance}",
            dataset.Id, context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId);
        try
        {
            await sync.RunAsync(dataset, cancellationToken); // it logs its own outcome
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown or interruption: the run was recorded as cancelled and resumes from its checkpoint.
        }
    }
}

public static class Scheduling
{
    /// <summary>The scheduler's name: on PostgreSQL, every instance on one database shares it, which makes them one cluster.</summary>
    public const string ClusterName = "OpenLicitaciones";

    /// <summary>
    /// Quartz's own scheduler and hosted service: one cron trigger per scheduled dataset, in Bogotá time. On shutdown
    /// running syncs are interrupted (they stop after their current page, recorded as cancelled) and waited for.
    /// On SQLite (one machine, one instance) the schedule lives in memory; on PostgreSQL it lives in the database's qrtz_
    /// tables, clustered, so that with several instances each trigger fires on exactly one of them.
    /// </summary>
    public static IServiceCollection AddSyncScheduler(this IServiceCollection services, IReadOnlyDictionary<string, string> schedules,
        DatabaseSettings database)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
                if (database.Provider == DatabaseProvider.Sqlite)
                {
                    // Quartz keeps one scheduler per name in a process, and the tests host several apps in one process.
                    s.InstanceName = $"{ClusterName}-{Guid.NewGuid():N}";
                    return;
                }
                s.InstanceName = ClusterName; // UseClustering gives each instance its own id within the cluster
            });
            if (database.Provider == DatabaseProvider.Postgresql)
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering();
                    store.UseSystemTextJsonSerializer();
                    store.ConfigureStore(o =>
                    {
                        o.StoreJobDataAsStrings = true; // the job data is the dataset id, a plain string
                        o.SchemaProvisioning = SchemaProvisioning.Validate; // the tables come from our QuartzJobStore migration
                    });
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
