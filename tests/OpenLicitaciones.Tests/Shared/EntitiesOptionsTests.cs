using AngleSharp.Html.Parser;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Shared;

/// <summary>The entities' NITs and names come from the settings (CONTRACTS §1); nothing names a place in code.</summary>
public sealed class EntitiesOptionsTests
{
    [Fact]
    public void The_shipped_settings_name_Palmira_its_municipality_and_department()
    {
        using var db = new TestDb();
        using var host = Build(db);

        var entity = Assert.Single(host.Services.GetRequiredService<IOptions<EntitiesOptions>>().Value.Items);
        var entities = host.Services.GetRequiredService<IOptions<EntitiesOptions>>().Value;

        Assert.Equal(("891380007", "Alcaldía de Palmira", "Palmira", "Valle del Cauca"), (entity.Nit, entity.Nombre, entity.Municipio, entity.Departamento));
        Assert.Equal("Palmira · Valle del Cauca", entities.Lugar);
        Assert.Equal(["Palmira"], host.Services.GetRequiredService<IOptions<MonitorOptions>>().Value.Municipios);
    }

    [Fact]
    public void Several_entities_bind_in_order_and_the_monitor_takes_their_municipalities_once_each()
    {
        using var db = new TestDb();
        using var host = Build(db, new Dictionary<string, string?>
        {
            ["Entities:1:Nit"] = "891380089", ["Entities:1:Nombre"] = "Instituto de Deportes", ["Entities:1:Municipio"] = "PALMIRA",
            ["Entities:1:Departamento"] = "Valle del Cauca",
            ["Entities:2:Nit"] = "800012345", ["Entities:2:Nombre"] = "Hospital de Candelaria", ["Entities:2:Municipio"] = "Candelaria",
            ["Entities:2:Departamento"] = "Valle del Cauca",
        });

        var entities = host.Services.GetRequiredService<IOptions<EntitiesOptions>>().Value;
        var monitor = host.Services.GetRequiredService<IOptions<MonitorOptions>>().Value;

        Assert.Equal(["891380007", "891380089", "800012345"], entities.Nits);
        Assert.Equal(["Palmira", "Candelaria"], entities.Municipios); // "PALMIRA" is the same municipality
        Assert.Equal("Palmira y Candelaria", entities.MunicipiosTexto);
        Assert.Equal(["Palmira", "Candelaria"], monitor.Municipios);
        Assert.Equal("Palmira y Candelaria", monitor.MunicipiosTexto);
    }

    [Theory]
    [InlineData("Entities:0:Nombre", "", "Entities (891380007): Cada entidad necesita su nombre (Nombre), como se muestra al público.")]
    [InlineData("Entities:0:Municipio", "", "Entities (891380007): Cada entidad necesita su municipio (Municipio): los proveedores de ese municipio cuentan como locales.")]
    [InlineData("Entities:0:Departamento", " ", "Entities (891380007): Cada entidad necesita su departamento (Departamento).")]
    [InlineData("Entities:0:Nit", "89138", "Entities (89138): Cada entidad necesita un NIT de 6 a 10 dígitos, sin dígito de verificación.")]
    public void A_missing_name_fails_at_start_with_a_clear_message(string key, string value, string message)
    {
        using var db = new TestDb();
        using var host = Build(db, new Dictionary<string, string?> { [key] = value });

        var e = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(message, e.Failures);
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "Buga" }, "Buga")]
    [InlineData(new[] { "Buga", "Tuluá" }, "Buga y Tuluá")]
    [InlineData(new[] { "Cali", "Jamundí", "Yumbo" }, "Cali, Jamundí y Yumbo")] // "y" before a consonant y
    [InlineData(new[] { "Cali", "Ibagué" }, "Cali e Ibagué")] // "e" before an i sound
    [InlineData(new[] { "Cali", "Hispania" }, "Cali e Hispania")]
    [InlineData(new[] { "Cali", "Hielo" }, "Cali y Hielo")] // "hie" is not an i sound
    public void Municipalities_read_as_a_spanish_list(string[] municipios, string expected) =>
        Assert.Equal(expected, EntitiesOptions.SpanishList(municipios));

    [Fact]
    public async Task Pages_name_the_configured_place_not_a_fixed_one()
    {
        using var db = new TestDb();
        // Tuluá's own geography and producer registry, from the settings alone (its registry is empty so far).
        var registro = Path.Combine(Path.GetTempPath(), $"ol-registro-tulua-{Guid.NewGuid():N}.json");
        File.WriteAllText(registro, """{ "source": "Registro de productores de Tuluá (prueba)", "associations": [] }""");
        await using var app = await ApiHost.StartAsync(db, new Dictionary<string, string?>
        {
            ["Entities:0:Nombre"] = "Alcaldía de Tuluá", ["Entities:0:Municipio"] = "Tuluá", ["Entities:0:Departamento"] = "Valle del Cauca",
            ["Geografia:CodigoMunicipio"] = "76834", ["Capacidad:Registro"] = registro,
        });
        var parser = new HtmlParser();

        var home = parser.ParseDocument(await app.Client.GetStringAsync("/"));
        var capacidad = parser.ParseDocument(await app.Client.GetStringAsync("/capacidad"));
        var monitor = parser.ParseDocument(await app.Client.GetStringAsync("/proveedores"));

        Assert.Equal("Tuluá · Valle del Cauca", home.QuerySelector(".brand-place")!.TextContent);
        Assert.Contains("organizaciones de productores de Tuluá,", capacidad.QuerySelector("main")!.TextContent);
        Assert.Contains("Locales (Tuluá)", monitor.QuerySelector("[data-testid=monitor-filtros]")!.TextContent);
        Assert.DoesNotContain("Palmira", home.Body!.TextContent + capacidad.Body!.TextContent + monitor.Body!.TextContent);
        File.Delete(registro);
    }

    private static IHost Build(TestDb db, Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:OpenLicitaciones"] = db.ConnectionString });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddData().AddSync(hosted: false).AddMonitor();
        return builder.Build();
    }
}
