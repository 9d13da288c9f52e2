using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Monitor;

public static class MonitorRegistration
{
    public static IHostApplicationBuilder AddMonitor(this IHostApplicationBuilder builder)
    {
        builder.AddSharedRules();
        builder.Services.AddOptions<MonitorOptions>().Bind(builder.Configuration.GetSection(MonitorOptions.Section))
            // From the settings themselves: bad entity settings are reported once, by the entities' own check.
            .Configure(o => o.Municipios = EntitiesOptions.From(builder.Configuration).Municipios)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MonitorSnapshot>();
        return builder;
    }
}
