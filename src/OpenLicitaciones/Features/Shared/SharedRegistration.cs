using Microsoft.Extensions.Options;

namespace OpenLicitaciones.Features.Shared;

public static class SharedRegistration
{
    /// <summary>
    /// The entities followed (NITs and names) and the catalogs every feature reads (modalities, UNSPSC family names).
    /// Each feature that needs them calls this, so a feature never depends on another having been registered first;
    /// the services are still added only once.
    /// </summary>
    public static IHostApplicationBuilder AddSharedRules(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => !d.IsKeyedService && d.ImplementationType == typeof(EntitiesOptionsValidator))) return builder;
        builder.Services.AddOptions<EntitiesOptions>().Configure(o => o.Items = EntitiesOptions.From(builder.Configuration).Items).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EntitiesOptions>, EntitiesOptionsValidator>();
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        builder.Services.AddSingleton(sp => Modalidades.Load(Path.Combine(data, "modalidades.csv"), sp.GetRequiredService<ILogger<Modalidades>>()));
        builder.Services.AddSingleton(_ => UnspscFamilias.Load(Path.Combine(data, "unspsc_familias_es.csv")));
        builder.Services.AddOptions<CertificacionesOptions>().Bind(builder.Configuration.GetSection(CertificacionesOptions.Section))
            .Validate(o => Existe(o.Archivo), "Certificaciones:Archivo: no existe el archivo (puede tener solo el encabezado nit,desde,hasta,evidencia).")
            .Validate(o => Existe(o.ArchivoDemo), "Certificaciones:ArchivoDemo: no existe el archivo de certificaciones de demostración.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CertificacionesMujer>();
        builder.Services.AddSingleton<Data.IStartupSeed>(sp => sp.GetRequiredService<CertificacionesMujer>());
        return builder;
    }

    private static bool Existe(string? ruta) => !string.IsNullOrWhiteSpace(ruta) && File.Exists(Path.Combine(AppContext.BaseDirectory, ruta));
}
