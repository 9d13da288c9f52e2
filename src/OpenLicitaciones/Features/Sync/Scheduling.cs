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
                q.AddJob<DatasetSyncJob>(j => j.WithIdentity(new JobKey(dataset)).UsingJobData(DatasetSyncJob.DatasetKey, dataset));
                q.AddTrigger(t => t.ForJob(new JobKey(dataset)).WithIdentity(dataset).WithCronSchedule(cron, Cron));
            }
        });
        // An instance that starts must not replace the triggers the cluster already runs: a replaced trigger starts its
        // schedule over and fires again a slot another instance has just fired. Changed schedules are applied below.
        services.Configure<QuartzOptions>(o =>
        {
            o.Scheduling.OverwriteExistingData = false;
            o.Scheduling.IgnoreDuplicates = true;
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService(sp => new ScheduleReconciler(sp.GetRequiredService<ISchedulerFactory>(), schedules));
        return services;
    }

    private static void Cron(CronScheduleBuilder c) => c.InTimeZone(ColombiaTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing);

    /// <summary>
    /// Brings the stored triggers in line with the settings once the scheduler runs: a dataset whose cron changed is
    /// rescheduled, one no longer scheduled is removed; a trigger that matches is left alone.
    /// </summary>
    private sealed class ScheduleReconciler(ISchedulerFactory factory, IReadOnlyDictionary<string, string> schedules) : IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            var scheduler = await factory.GetScheduler(ct);
            foreach (var dataset in SecopDatasets.All.Select(d => d.Id))
            {
                var key = new TriggerKey(dataset);
                var stored = await scheduler.GetTrigger(key, ct);
                var configured = schedules.TryGetValue(dataset, out var cron) && CronExpression.TryParse(cron, out _) ? cron : null;
                if (stored is not null && configured is null) await scheduler.UnscheduleJob(key, ct);
                else if (stored is ICronTrigger c && configured is not null && c.CronExpressionString != configured)
                    await scheduler.RescheduleJob(key,
                        TriggerBuilder.Create().ForJob(new JobKey(dataset)).WithIdentity(dataset).WithCronSchedule(configured, Cron).Build(), ct);
            }
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
