using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Features.Productores;

namespace OpenLicitaciones.Tests.Productores;

/// <summary>The municipality's boundary and DANE places, read from the files the settings name.</summary>
public sealed class GeografiaTests
{
    [Fact]
    public void Palmiras_boundary_loads_with_its_name_its_box_and_about_its_official_area()
    {
        var palmira = GeografiaDePrueba.DePalmira;
        var caja = palmira.Limite.EnvelopeInternal;

        Assert.Equal(("76520", "Palmira"), (palmira.CodigoMunicipio, palmira.NombreMunicipio));
        // README of the geodata: bbox lon -76.4918..-75.9502, lat 3.4503..3.7180.
        Assert.Equal(-76.4918, caja.MinX, 0.0001);
        Assert.Equal(-75.9502, caja.MaxX, 0.0001);
        Assert.Equal(3.4503, caja.MinY, 0.0001);
        Assert.Equal(3.7180, caja.MaxY, 0.0001);
        // Square degrees to km²: 111.195 km per degree of latitude, times cos(latitude) for longitude. DANE: 1,005.2 km².
        var km2 = palmira.Limite.Area * 111.195 * 111.195 * Math.Cos(caja.Centre.Y * Math.PI / 180);
        Assert.InRange(km2, 990, 1025);
    }

    [Fact]
    public void Every_one_of_palmiras_43_DANE_places_falls_inside_its_boundary()
    {
        var palmira = GeografiaDePrueba.DePalmira;

        Assert.Equal(43, palmira.CentrosPoblados.Count);
        Assert.All(palmira.CentrosPoblados, c => Assert.True(palmira.Contiene(c.Latitud, c.Longitud), $"{c.Codigo} {c.Nombre} queda fuera"));
        Assert.Equal(("76520000", "Palmira", "CM"), (palmira.Cabecera!.Codigo, palmira.Cabecera.Nombre, palmira.Cabecera.Tipo));
        Assert.Equal(42, palmira.CentrosPoblados.Count(c => c.Tipo == CentroPoblado.TipoCentroPoblado));
        Assert.Contains(palmira.CentrosPoblados, c => c is { Codigo: "76520026", Nombre: "Rozo" });
        Assert.All(palmira.CentrosPoblados, c => Assert.StartsWith("76520", c.Codigo));
    }

    [Theory]
    [InlineData(3.414414, -76.521565)]  // Cali's centre, west across the Cauca river
    [InlineData(3.9011, -76.2978)]      // Buga's centre, to the north
    [InlineData(double.NaN, -76.2986)]
    public void A_point_of_another_municipality_is_not_inside(double latitud, double longitud) =>
        Assert.False(GeografiaDePrueba.DePalmira.Contiene(latitud, longitud));

    [Fact]
    public void Another_municipality_loads_from_the_settings_alone_with_all_its_places_inside()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Geografia:CodigoMunicipio"] = "76834" });
        builder.AddGeografia();
        using var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        var tulua = host.Services.GetRequiredService<Geografia>();

        Assert.Equal(("76834", "Tuluá"), (tulua.CodigoMunicipio, tulua.NombreMunicipio));
        Assert.Equal(20, tulua.CentrosPoblados.Count);
        Assert.All(tulua.CentrosPoblados, c => Assert.True(tulua.Contiene(c.Latitud, c.Longitud), $"{c.Codigo} {c.Nombre} queda fuera"));
        Assert.Equal("76834000", tulua.Cabecera!.Codigo);
        Assert.False(tulua.Contiene(3.5324, -76.2986)); // Palmira's centre
    }

    [Fact]
    public void The_attribution_names_the_source_and_licence_of_both_files()
    {
        var atribucion = GeografiaDePrueba.DePalmira.Atribucion;

        Assert.Equal(2, atribucion.Count);
        Assert.Contains("Marco Geoestadístico Nacional 2018", atribucion[0]);
        Assert.Contains("no publica licencia", atribucion[0]);
        Assert.Contains("DIVIPOLA 2022-07", atribucion[1]);
        Assert.Contains("licencia ISC", atribucion[1]);
    }

    [Theory]
    [InlineData("PALMIRA", "Palmira")]
    [InlineData("GUADALAJARA DE BUGA", "Guadalajara de Buga")]
    [InlineData("TULUÁ", "Tuluá")]
    [InlineData("SAN ANTONIO DE LAS PALMAS", "San Antonio de Las Palmas")]
    [InlineData("LA BOCANA (VISTA HERMOSA)", "La Bocana (Vista Hermosa)")]
    [InlineData("EL PLACER II", "El Placer II")]
    [InlineData("CAMINO VIEJO - KM 40", "Camino Viejo - Km 40")]
    [InlineData("  BOLO  ITALIA 1 ", "Bolo Italia 1")]
    public void Names_in_capitals_read_as_people_write_them(string dane, string expected) =>
        Assert.Equal(expected, Geografia.NombrePropio(dane));
}
