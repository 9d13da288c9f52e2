using OpenLicitaciones.Components;
using OpenLicitaciones.Features.Api;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Features.Banco;

public static class BancoApi
{
    /// <summary>The Banco's list in the open-data API, at the route it has always had.</summary>
    public static WebApplication MapBancoApi(this WebApplication app)
    {
        app.MapGet("/api/v1/licitaciones", async (HttpRequest http, BancoSnapshot snapshot, Modalidades modalidades, UnspscFamilias familias,
            TimeProvider time, CancellationToken ct) =>
        {
            var list = ListRequest.From(http, BancoFilter.Parameters);
            var filter = BancoFilter.Parse(list.Query, modalidades);
            var rows = BancoQuery.Apply(await snapshot.GetAsync(ct), filter, ColombiaTime.Now(time));
            return ApiList.Respond(rows, r => BancoItem.From(r, familias), list, "licitaciones");
        });
        return app;
    }
}
