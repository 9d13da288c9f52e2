using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Features.Kiosco;

namespace OpenLicitaciones.Tests.Kiosco;

public sealed class KioscoOptionsTests
{
    private static WebApplication Construir(IDictionary<string, string?> ajustes)
    {
        var builder = AppComposition.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(ajustes);
        return builder.Build();
    }

    [Fact]
    public void The_shipped_settings_keep_the_kiosk_off_with_ten_seconds_a_slide_and_ninety_idle()
    {
        using var app = Construir(new Dictionary<string, string?>());
        app.Services.GetRequiredService<IStartupValidator>().Validate();

        var opciones = app.Services.GetRequiredService<IOptions<KioscoOptions>>().Value;
        Assert.False(opciones.Habilitado);
        Assert.Equal(10, opciones.SegundosPorDiapositiva);
        Assert.Equal(90, opciones.SegundosInactividad);
    }

    [Theory]
    [InlineData("Kiosco:SegundosPorDiapositiva", "1", "Kiosco:SegundosPorDiapositiva debe estar entre 2 y 600 segundos.")]
    [InlineData("Kiosco:SegundosPorDiapositiva", "601", "Kiosco:SegundosPorDiapositiva debe estar entre 2 y 600 segundos.")]
    [InlineData("Kiosco:SegundosInactividad", "4", "Kiosco:SegundosInactividad debe estar entre 5 y 3600 segundos.")]
    [InlineData("Kiosco:Habilitado", "true", KioscoRegistration.SinDireccionPublica)]
    public void A_bad_setting_fails_at_start_with_a_clear_message(string clave, string valor, string mensaje)
    {
        using var app = Construir(new Dictionary<string, string?> { [clave] = valor });

        var e = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(mensaje, e.Failures);
    }

    [Fact]
    public void An_enabled_kiosk_with_a_public_address_starts()
    {
        using var app = Construir(new Dictionary<string, string?>
        {
            ["Kiosco:Habilitado"] = "true", ["Kiosco:SegundosPorDiapositiva"] = "2", ["Kiosco:SegundosInactividad"] = "5",
            ["Site:PublicBaseUrl"] = "https://licitaciones.palmira.gov.co",
        });

        app.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.True(app.Services.GetRequiredService<IOptions<KioscoOptions>>().Value.Habilitado);
    }
}
