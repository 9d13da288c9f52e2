using Microsoft.Extensions.Configuration;
using OpenLicitaciones.Features.Productores;

namespace OpenLicitaciones.Tests.Productores;

/// <summary>The shipped "Geografia" settings (appsettings.json), optionally for another municipality of the same files.</summary>
internal static class GeografiaDePrueba
{
    public const string Palmira = "76520";

    public static Geografia DePalmira { get; } = Geografia.Cargar(Opciones());

    public static GeografiaOptions Opciones(string codigo = Palmira)
    {
        var settings = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json").Build();
        var options = new GeografiaOptions();
        settings.GetSection(GeografiaOptions.Section).Bind(options);
        options.CodigoMunicipio = codigo;
        return options;
    }
}
