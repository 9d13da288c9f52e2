using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OpenLicitaciones.Features.Sync;

public static class SyncRegistration
{
    /// <summary>Options, sources and the sync service; the scheduler and watcher only when <paramref name="hosted"/>.</summary>
    public static IHostApplicationBuilder AddSync(this IHostApplicationBuilder builder, bool hosted)
    {
        var services = builder.Services;
        services.AddOptions<SyncOptions>().Bind(builder.Configuration.GetSection(SyncOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>();
        services.AddOptions<EntitiesOptions>().Configure(o => builder.Configuration.GetSection(EntitiesOptions.Section).Bind(o.Items)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EntitiesOptions>, EntitiesOptionsValidator>();

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
                services.AddSyncScheduler(section.GetSection(nameof(SyncOptions.Schedules)).Get<Dictionary<string, string>>() ?? []);
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

public sealed class EntitiesOptionsValidator : IValidateOptions<EntitiesOptions>
{
    public ValidateOptionsResult Validate(string? name, EntitiesOptions options)
    {
        if (options.Items.Count == 0)
            return ValidateOptionsResult.Fail("Entities: configure al menos una entidad con su NIT (p. ej. 891380007 para Palmira).");
        var errors = new List<string>();
        foreach (var entity in options.Items)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(entity, new ValidationContext(entity), results, validateAllProperties: true))
                errors.AddRange(results.Select(r => $"Entities ({entity.Nit}): {r.ErrorMessage}"));
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
