using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Sync;

public static class SyncRegistration
{
    /// <summary>Options, sources and the sync service; the scheduler and watcher only when <paramref name="hosted"/>.</summary>
    public static IHostApplicationBuilder AddSync(this IHostApplicationBuilder builder, bool hosted)
    {
        var services = builder.Services;
        services.AddOptions<SyncOptions>().Bind(builder.Configuration.GetSection(SyncOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>();
        builder.AddSharedRules(); // the entities to sync, by NIT

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DemoSource>();
        services.AddSocrataClient();
        services.AddTransient<IRowSource>(sp => sp.GetRequiredService<IOptions<SyncOptions>>().Value.Source == "socrata"
            ? sp.GetRequiredService<SocrataSource>()
            : sp.GetRequiredService<DemoSource>());
        services.AddTransient<SecopSync>();
        services.AddSingleton<DataChangedNotifier>();
        services.AddSingleton<SyncStatusQuery>();

        if (hosted)
        {
            services.AddHostedService<SyncRunWatcher>();
            // Quartz takes its jobs and triggers at registration, so the schedules are read here, from the section
            // the options bind to.
            var section = builder.Configuration.GetSection(SyncOptions.Section);
            if (section.GetValue(nameof(SyncOptions.ScheduleEnabled), true))
                services.AddSyncScheduler(section.GetSection(nameof(SyncOptions.Schedules)).Get<Dictionary<string, string>>() ?? [],
                    DatabaseSettings.From(builder.Configuration));
        }
        return builder;
    }
}

public sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        var errors = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            errors.AddRange(results.Select(r => r.ErrorMessage ?? "Sync: valor inválido"));
        foreach (var (dataset, cron) in options.Schedules)
        {
            if (SecopDatasets.Find(dataset) is null)
                errors.Add($"Sync:Schedules: '{dataset}' no es un conjunto conocido ({string.Join(", ", SecopDatasets.All.Select(d => d.Id))}).");
            if (!Quartz.CronExpression.TryParse(cron, out _))
                errors.Add($"Sync:Schedules:{dataset}: '{cron}' no es una expresión cron de Quartz válida (p. ej. '0 0 3 * * ?').");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
