using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Features.Indicadores;

namespace OpenLicitaciones.Tests.Indicadores;

public sealed class IndicadoresOptionsTests
{
    [Fact]
    public void The_shipped_settings_set_no_target_and_g10_is_the_laws_30_percent()
    {
        using var app = AppComposition.CreateBuilder([]).Build();
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        var options = app.Services.GetRequiredService<IOptions<IndicadoresOptions>>().Value;

        var metas = MetasIndicadores.Combinar(options, []);
        Assert.Empty(options.Metas);
        Assert.Null(metas.Meta("g1", 2026));
        Assert.Equal(0.30, metas.Meta("g10", 2026));
    }

    [Fact]
    public void A_target_set_for_a_code_and_year_is_read_back()
    {
        var builder = AppComposition.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Indicadores:Metas:g2:2026"] = "0.4" });
        using var app = builder.Build();

        var metas = MetasIndicadores.Combinar(app.Services.GetRequiredService<IOptions<IndicadoresOptions>>().Value, []);

        Assert.Equal(0.4, metas.Meta("g2", 2026));
        Assert.Null(metas.Meta("g2", 2025));
    }

    [Fact]
    public void A_target_staff_keep_overrides_the_settings_for_its_year_only_and_g10_stays_the_laws()
    {
        var opciones = new IndicadoresOptions { Metas = { ["g2"] = new() { [2025] = 0.4, [2026] = 0.45 } } };

        var metas = MetasIndicadores.Combinar(opciones, [("g2", 2026, 0.5), ("g3", 2026, 0.2), ("g10", 2026, 0.9)]);

        Assert.Equal(0.4, metas.Meta("g2", 2025));
        Assert.Equal(0.5, metas.Meta("g2", 2026));
        Assert.Equal(0.2, metas.Meta("g3", 2026));
        Assert.Null(metas.Meta("g3", 2025));
        Assert.Equal(0.30, metas.Meta("g10", 2026));
    }

    [Theory]
    [InlineData("Indicadores:Metas:g14:2026", "0.3", "«g14» no es un indicador")]
    [InlineData("Indicadores:Metas:G1:2026", "0.3", "«G1» no es un indicador")]
    [InlineData("Indicadores:Metas:g10:2026", "0.5", "la fija la ley")]
    [InlineData("Indicadores:Metas:g1:2026", "35", "proporción mayor que 0 y hasta 1")]
    [InlineData("Indicadores:Metas:g1:1999", "0.3", "el año debe estar entre 2000 y 2100")]
    public void A_bad_target_fails_at_start_with_a_clear_message(string key, string value, string message)
    {
        var builder = AppComposition.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        using var app = builder.Build();

        var e = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(e.Failures, f => f.Contains(message, StringComparison.Ordinal));
    }
}
