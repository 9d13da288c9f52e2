using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Monitor;

public static class MonitorRegistration
{
    public static IHostApplicationBuilder AddMonitor(this IHostApplicationBuilder builder)
    {
        builder.AddSharedRules();
        builder.Services.AddOptions<MonitorOptions>().Bind(builder.Configuration.GetSection(MonitorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MonitorSnapshot>();
        return builder;
    }
}
