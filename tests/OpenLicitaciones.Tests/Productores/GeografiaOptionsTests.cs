using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Features.Productores;

namespace OpenLicitaciones.Tests.Productores;

public sealed class GeografiaOptionsTests
{
    private const string Municipios = "data/geo/valle_del_cauca_municipios_mgn2018.geojson";

    [Fact]
    public void The_shipped_settings_are_valid_and_name_palmira()
    {
        using var host = Build();

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("76520", host.Services.GetRequiredService<IOptions<GeografiaOptions>>().Value.CodigoMunicipio);
        Assert.Equal("Palmira", host.Services.GetRequiredService<Geografia>().NombreMunicipio);
    }

    [Theory]
    [InlineData("Geografia:CodigoMunicipio", "7652", "Geografia:CodigoMunicipio debe ser el código DANE de 5 dígitos del municipio (p. ej. 76520 para Palmira).")]
    [InlineData("Geografia:CodigoMunicipio", "76999", "Geografia:CodigoMunicipio: el municipio 76999 no está en " + Municipios + " (ningún MPIO_CCNCT = 76999).")]
    [InlineData("Geografia:CodigoMunicipio", "05001", "Geografia:CodigoMunicipio: el municipio 05001 no está en " + Municipios + " (ningún MPIO_CCNCT = 05001).")]
    [InlineData("Geografia:Limites", "data/geo/no_existe.geojson", "Geografia:Limites: no existe el archivo data/geo/no_existe.geojson")]
    [InlineData("Geografia:Limites", "data/modalidades.csv", "Geografia:Limites: data/modalidades.csv no es una colección GeoJSON válida")]
    [InlineData("Geografia:CentrosPoblados", Municipios, "Geografia:CentrosPoblados: " + Municipios + " no tiene centros poblados del municipio 76520 (ningún cod_mpio = 76520).")]
    [InlineData("Geografia:CentrosPoblados", "", "Geografia:CentrosPoblados: indique la ruta del GeoJSON de centros poblados.")]
    [InlineData("Geografia:AtribucionLimites", " ", "Geografia:AtribucionLimites: indique la fuente y la licencia del archivo de límites; se muestran bajo el mapa.")]
    public void A_bad_setting_fails_at_start_naming_the_setting_and_the_file_or_code(string key, string value, string message)
    {
        using var host = Build(new Dictionary<string, string?> { [key] = value });

        var e = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(e.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_app_registers_the_geography_of_its_settings()
    {
        using var app = AppComposition.CreateBuilder([]).Build();

        app.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("Palmira", app.Services.GetRequiredService<Geografia>().NombreMunicipio);
        Assert.Same(app.Services.GetRequiredService<Geografia>(), app.Services.GetRequiredService<Geografia>()); // read once
    }

    [Fact]
    public void The_app_checks_the_geography_at_start()
    {
        var builder = AppComposition.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Geografia:CodigoMunicipio"] = "76999" });
        using var app = builder.Build();

        var e = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(e.Failures, f => f.Contains("el municipio 76999 no está", StringComparison.Ordinal));
    }

    private static IHost Build(Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGeografia();
        return builder.Build();
    }
}
