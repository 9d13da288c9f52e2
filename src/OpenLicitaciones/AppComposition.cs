using OpenLicitaciones.Components;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Features.Api;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Indicadores;
using OpenLicitaciones.Features.Kiosco;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones;

/// <summary>The app's one composition root, used by Program.cs (which the integration tests start through WebApplicationFactory).</summary>
public static class AppComposition
{
    /// <summary>A builder with every area registered.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args, ContentRootPath = AppContext.BaseDirectory,
            // Tests host this app from their own process: the static asset manifests carry the app's name, not the host's.
            ApplicationName = typeof(AppComposition).Assembly.GetName().Name,
        });
        // Serve MudBlazor's and the app's static files from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        builder.AddData().AddSync(hosted: true).AddShell().AddBanco().AddMonitor().AddProductores().AddIndicadores().AddKiosco().AddAdmin();
        return builder;
    }

    /// <summary>The middleware pipeline and every endpoint: pages, the open-data API and the health check.</summary>
    public static WebApplication MapEverything(this WebApplication app)
    {
        app.UseShell();
        app.MapApi();
        app.MapBancoApi();
        app.MapMonitorApi();
        app.MapCapacidadApi();
        app.MapIndicadoresApi();
        app.MapAdmin();
        return app;
    }
}
