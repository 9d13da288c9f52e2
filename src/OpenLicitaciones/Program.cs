using System.Globalization;
using OpenLicitaciones;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Sync;

var colombia = CultureInfo.GetCultureInfo("es-CO");
CultureInfo.DefaultThreadCurrentCulture = colombia;
CultureInfo.DefaultThreadCurrentUICulture = colombia;

// `sync` and `benchmark` are commands; anything else starts the dashboard with the arguments as they came.
return await Cli.InvokeAsync(Cli.Create(_ => RunDashboardAsync(args)), args, Console.Out, Console.Error);

static async Task<int> RunDashboardAsync(string[] args)
{
    var app = AppComposition.CreateBuilder(args).Build();
    try
    {
        // Bad settings fail here, before the first load, with the options' own messages.
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
    }
    catch (Microsoft.Extensions.Options.OptionsValidationException e)
    {
        await Console.Error.WriteLineAsync($"Configuración inválida: {string.Join(" ", e.Failures)}");
        return 1;
    }
    await app.Services.InitializeDatabaseAsync();
    await app.Services.PrepareDataProtectionAsync();
    await app.Services.LoadMissingDatasetsAsync(app.Lifetime.ApplicationStopping);

    app.MapEverything();
    await app.RunAsync();
    return 0;
}
