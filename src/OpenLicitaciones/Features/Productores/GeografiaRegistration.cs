using Microsoft.Extensions.Options;

namespace OpenLicitaciones.Features.Productores;

public static class GeografiaRegistration
{
    /// <summary>The municipality's boundary and centros poblados, from the "Geografia" settings, read once.</summary>
    public static IHostApplicationBuilder AddGeografia(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => !d.IsKeyedService && d.ImplementationType == typeof(GeografiaOptionsValidator))) return builder;
        builder.Services.AddOptions<GeografiaOptions>().Bind(builder.Configuration.GetSection(GeografiaOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GeografiaOptions>, GeografiaOptionsValidator>();
        builder.Services.AddSingleton(sp => Geografia.Cargar(sp.GetRequiredService<IOptions<GeografiaOptions>>().Value));
        return builder;
    }
}
