using OpenLicitaciones.Components;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Api;
using OpenLicitaciones.Features.Licitaciones;
using OpenLicitaciones.Features.Proveedores;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones;

/// <summary>The app's one composition root: Program.cs and the integration tests build the same web app from here.</summary>
public static class AppComposition
{
    /// <summary>A builder with every area registered; callers may add configuration or replace services before building.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args, ContentRootPath = AppContext.BaseDirectory,
            // Tests host this app from their own process: the static asset manifests carry the app's name, not the host's.
            ApplicationName = typeof(AppComposition).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        // Serve MudBlazor's and the app's static files from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        builder.AddData().AddSync(hosted: true).AddShell().AddLicitaciones().AddProveedores();
        return builder;
    }

    /// <summary>The middleware pipeline and every endpoint: pages, the open-data API and the health check.</summary>
    public static WebApplication MapEverything(this WebApplication app)
    {
        app.UseShell();
        app.MapApi();
        app.MapLicitacionesApi();
        app.MapProveedoresApi();
        return app;
    }
}
