using System.Globalization;
using OpenLicitaciones;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Licitaciones;
using OpenLicitaciones.Features.Proveedores;
using OpenLicitaciones.Features.Sync;

var colombia = CultureInfo.GetCultureInfo("es-CO");
CultureInfo.DefaultThreadCurrentCulture = colombia;
CultureInfo.DefaultThreadCurrentUICulture = colombia;

if (args is ["sync", .. var syncArgs])
    return await SyncCommand.RunAsync(syncArgs, Console.Out, Console.Error);
if (args is ["benchmark", "banco", .. var bancoArgs])
    return await BancoBenchmark.RunAsync(bancoArgs, Console.Out, Console.Error);
if (args is ["benchmark", "monitor", .. var monitorArgs])
    return await MonitorBenchmark.RunAsync(monitorArgs, Console.Out, Console.Error);

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
await app.Services.LoadMissingDatasetsAsync(app.Lifetime.ApplicationStopping);

app.MapEverything();
await app.RunAsync();
return 0;
