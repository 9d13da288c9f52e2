using Microsoft.Extensions.Options;
using OpenLicitaciones.Components;

namespace OpenLicitaciones.Features.Kiosco;

public static class KioscoRegistration
{
    public const string SinDireccionPublica =
        "Kiosco:Habilitado está activo pero falta Site:PublicBaseUrl: los códigos QR del kiosco deben abrir el sitio público " +
        "(p. ej. https://licitaciones.alcaldia.gov.co). Configure la dirección o desactive el kiosco.";

    public static IHostApplicationBuilder AddKiosco(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KioscoOptions>().Bind(builder.Configuration.GetSection(KioscoOptions.Section))
            .Validate(o => o.SegundosPorDiapositiva is >= 2 and <= 600, "Kiosco:SegundosPorDiapositiva debe estar entre 2 y 600 segundos.")
            .Validate(o => o.SegundosInactividad is >= 5 and <= 3600, "Kiosco:SegundosInactividad debe estar entre 5 y 3600 segundos.")
            .Validate<IOptions<SiteOptions>>((o, site) => !o.Habilitado || !string.IsNullOrWhiteSpace(site.Value.PublicBaseUrl), SinDireccionPublica)
            .ValidateOnStart();
        builder.Services.AddSingleton<CodigosQr>();
        return builder;
    }
}
