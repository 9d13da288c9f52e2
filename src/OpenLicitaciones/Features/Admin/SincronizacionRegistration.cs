using OpenLicitaciones.Features.Api;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Features.Admin;

/// <summary>The staff area's sync section: the "sincronizar ahora" queue, the quarantine and its export.</summary>
public static class SincronizacionRegistration
{
    /// <summary>The queue is a hosted service: only the web app (AddAdmin) runs it.</summary>
    public static IHostApplicationBuilder AddSincronizacionAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ColaSincronizacion>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ColaSincronizacion>());
        builder.Services.AddSingleton<CuarentenaConsulta>();
        builder.Services.AddSingleton<CuarentenaReintento>();
        return builder;
    }

    /// <summary>GET /admin/sincronizacion/cuarentena.csv?conjunto=…&amp;q=…: the filtered quarantine, admins only.</summary>
    public static WebApplication MapSincronizacionAdmin(this WebApplication app)
    {
        app.MapGet(SincronizacionCuarentenaPage.CsvRuta, async (HttpContext context, PersonalActual personal, CuarentenaConsulta consulta, CancellationToken ct) =>
        {
            try
            {
                await personal.ExigirAsync(context.User, Politicas.Administracion);
            }
            catch (SinPermisoException)
            {
                return Results.Forbid();
            }
            var filtro = FiltroCuarentena.Parse(QueryReader.FromQueryString(context.Request.QueryString.Value ?? ""));
            return Results.File(ApiList.Csv(await consulta.TodasAsync(filtro, ct)), "text/csv; charset=utf-8", "cuarentena.csv");
        }).RequireAuthorization(Politicas.Administracion);
        return app;
    }
}
