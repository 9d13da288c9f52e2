using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OpenLicitaciones.Features.Shared;

public static class SharedRegistration
{
    /// <summary>
    /// The catalogs every feature reads (modalities, UNSPSC family names). Each feature that needs them calls this, so
    /// a feature never depends on another having been registered first; the services are still added only once.
    /// </summary>
    public static IHostApplicationBuilder AddSharedRules(this IHostApplicationBuilder builder)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        builder.Services.TryAddSingleton(sp => Modalidades.Load(Path.Combine(data, "modalidades.csv"), sp.GetRequiredService<ILogger<Modalidades>>()));
        builder.Services.TryAddSingleton(_ => UnspscFamilias.Load(Path.Combine(data, "unspsc_familias_es.csv")));
        return builder;
    }
}
