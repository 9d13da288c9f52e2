using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Productores;

public static class ProductoresRegistration
{
    /// <summary>The producer registry (seeded at start), the municipality's geography and Capacidad productiva's view.</summary>
    public static IHostApplicationBuilder AddProductores(this IHostApplicationBuilder builder)
    {
        builder.AddSharedRules();
        builder.AddGeografia();
        builder.Services.AddOptions<CapacidadOptions>().Bind(builder.Configuration.GetSection(CapacidadOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => File.Exists(CapacidadOptions.Ruta(o.Registro)), "Capacidad:Registro: no existe el archivo del registro de productores.")
            .Validate(o => File.Exists(CapacidadOptions.Ruta(o.RegistroDemo)), "Capacidad:RegistroDemo: no existe el archivo de productores de demostración.")
            .Validate(o => File.Exists(CapacidadOptions.Ruta(o.Familias)), "Capacidad:Familias: no existe el archivo de familias UNSPSC de los productos.")
            .Validate(o => File.Exists(CapacidadOptions.Ruta(o.DemandaDeclarada)), "Capacidad:DemandaDeclarada: no existe el archivo de la demanda declarada.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RegistroProductores>();
        builder.Services.AddSingleton<IStartupSeed>(sp => sp.GetRequiredService<RegistroProductores>());
        builder.Services.AddSingleton<CapacidadSnapshot>();
        return builder;
    }
}
