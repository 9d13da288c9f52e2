using Microsoft.Extensions.Options;
using OpenLicitaciones.Components;
using OpenLicitaciones.Features.Api;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Features.Monitor;

public static class MonitorApi
{
    /// <summary>The Monitor's list, profiles and red flags in the open-data API.</summary>
    public static WebApplication MapMonitorApi(this WebApplication app)
    {
        app.MapGet("/api/v1/monitor/proveedores", async (HttpRequest http, MonitorSnapshot snapshot, Modalidades modalidades,
            IOptions<MonitorOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            var list = ListRequest.From(http, MonitorFilter.Parameters);
            var filter = MonitorFilter.Parse(list.Query, modalidades, ColombiaTime.Now(time).Year);
            return ApiList.Respond(MonitorQuery.Items(await snapshot.GetAsync(ct), filter, options.Value), list, "proveedores-monitor");
        });
        app.MapGet("/api/v1/monitor/proveedores/{id}", async (string id, HttpRequest http, MonitorSnapshot snapshot, Modalidades modalidades,
            IOptions<MonitorOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            var data = await snapshot.GetAsync(ct);
            // A profile is not a list, but reads its window through the same parameter rules.
            var list = ListRequest.From(http, "desde", "hasta");
            var filter = MonitorFilter.Parse(list.Query, modalidades, ColombiaTime.Now(time).Year);
            return data.Proveedor(id) is { } h
                ? Results.Json(new { perfil = PerfilProveedor.Of(h, filter, options.Value, data), warnings = list.Warnings.Count > 0 ? list.Warnings : null }, ApiList.Json)
                : HttpHardening.Problem(StatusCodes.Status404NotFound, "No hay un proveedor con ese identificador en los datos de la entidad.");
        });
        app.MapGet("/api/v1/monitor/alertas", async (HttpRequest http, MonitorSnapshot snapshot, Modalidades modalidades,
            IOptions<MonitorOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            // The red flags depend only on the window; they are not sorted.
            var list = ListRequest.From(http, "desde", "hasta");
            var filter = MonitorFilter.Parse(list.Query, modalidades, ColombiaTime.Now(time).Year);
            var alertas = (await snapshot.GetAsync(ct)).Alertas(filter.Desde, filter.Hasta, options.Value);
            return ApiList.Respond(alertas.Select(AlertaItem.From).ToList(), list, "alertas");
        });
        return app;
    }
}
