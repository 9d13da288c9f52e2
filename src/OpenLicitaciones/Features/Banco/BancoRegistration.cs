using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Banco;

public static class BancoRegistration
{
    public static IHostApplicationBuilder AddBanco(this IHostApplicationBuilder builder)
    {
        builder.AddSharedRules();
        builder.Services.AddSingleton<BancoSnapshot>();
        return builder;
    }
}
