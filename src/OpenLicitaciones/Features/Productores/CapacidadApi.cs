using OpenLicitaciones.Features.Api;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Features.Productores;

/// <summary>One product of one organisation of the registry: capacity as published and per month, and its location when known.</summary>
public sealed record CapacidadItem(
    string Asociacion, string? Nit, bool EsDemo, string? Lugar, double? Latitud, double? Longitud, string? Producto, string? Familia,
    string? NombreFamilia, double? CantidadPublicada, string? UnidadPublicada, string? PeriodoPublicado, double? CapacidadMensual,
    string? UnidadMensual, string? MotivoSinCapacidadMensual, string Fuente);

/// <summary>
/// One food family in one year: what the entity planned (current PAA, plan year only) and contracted, beside the family's
/// local capacity and declared demand per month in each base unit. The PAE operation is its own row (tipo "operacion-pae").
/// </summary>
public sealed record DemandaItem(
    string Tipo, string? Familia, string? NombreFamilia, int Anio, int? LineasPaa, long? ValorPaa, int Contratos, long ValorContratado,
    double? CapacidadKgMes, double? CapacidadHuevosMes, double? CapacidadLitrosMes, double? CapacidadUnidadesMes,
    double? DemandaKgMes, double? DemandaHuevosMes, double? DemandaLitrosMes, double? DemandaUnidadesMes);

public static class CapacidadApi
{
    public static WebApplication MapCapacidadApi(this WebApplication app)
    {
        app.MapGet("/api/v1/capacidad", async (HttpRequest http, CapacidadSnapshot snapshot, UnspscFamilias familias, CancellationToken ct) =>
        {
            var list = ListRequest.From(http, "familia");
            var familia = list.Query.UnspscPrefix("familia");
            var datos = await snapshot.GetAsync(ct);
            return ApiList.Respond(Capacidad(datos, familias).Where(i => familia is null || i.Familia?.StartsWith(familia, StringComparison.Ordinal) == true).ToList(),
                list, "capacidad");
        });
        app.MapGet("/api/v1/capacidad/demanda", async (HttpRequest http, CapacidadSnapshot snapshot, CancellationToken ct) =>
        {
            var list = ListRequest.From(http, "familia", "anio");
            var familia = list.Query.UnspscPrefix("familia");
            var anio = list.Query.Year("anio");
            var datos = await snapshot.GetAsync(ct);
            return ApiList.Respond(Demanda(datos)
                .Where(i => (familia is null || i.Familia?.StartsWith(familia, StringComparison.Ordinal) == true) && (anio is null || i.Anio == anio))
                .ToList(), list, "capacidad-demanda");
        });
        return app;
    }

    public static IEnumerable<CapacidadItem> Capacidad(CapacidadDatos datos, UnspscFamilias familias) =>
        datos.Productores.SelectMany(p => p.Productos.Count == 0
            ? [new CapacidadItem(p.Nombre, p.Nit, p.EsDemo, p.Lugar, p.Latitud, p.Longitud, null, null, null, null, null, null, null, null, null, p.Fuente)]
            : p.Productos.Select(x => new CapacidadItem(p.Nombre, p.Nit, p.EsDemo, p.Lugar, p.Latitud, p.Longitud, x.Producto, x.Familia,
                familias.NameOf(x.Familia), x.Publicada.Cantidad, x.Publicada.Unidad, x.Publicada.Periodo,
                x.Mensual.PorMes is { } m ? Math.Round(m, 2) : null, x.Mensual.Unidad is { } u ? Productores.Capacidad.Nombre(u) : null,
                x.Mensual.Motivo, p.Fuente)));

    public static IEnumerable<DemandaItem> Demanda(CapacidadDatos datos)
    {
        foreach (var f in datos.Familias)
        {
            double? Cap(UnidadBase u) => f.Capacidad.FirstOrDefault(c => c.Unidad == u) is { } c ? Math.Round(c.Cantidad, 2) : null;
            double? Dem(UnidadBase u)
            {
                var declarada = f.Productos.Where(p => p.Demanda?.Unidad == u).Select(p => p.Demanda!.PromedioMensual).ToList();
                return declarada.Count == 0 ? null : Math.Round(declarada.Sum(), 2);
            }
            foreach (var anio in f.Contratado)
            {
                var plan = anio.Anio == datos.AnioPlan;
                yield return new DemandaItem("compra-alimentos", f.Familia, f.Nombre, anio.Anio, plan ? f.LineasPlan : null, plan ? f.ValorPlan : null,
                    anio.Contratos, anio.Valor, Cap(UnidadBase.Kilogramos), Cap(UnidadBase.Huevos), Cap(UnidadBase.Litros), Cap(UnidadBase.Unidades),
                    Dem(UnidadBase.Kilogramos), Dem(UnidadBase.Huevos), Dem(UnidadBase.Litros), Dem(UnidadBase.Unidades));
            }
        }
        foreach (var anio in datos.OperacionPae)
            yield return new DemandaItem("operacion-pae", null, "Operación del PAE (servicio)", anio.Anio, null, null, anio.Contratos, anio.Valor,
                null, null, null, null, null, null, null, null);
    }
}
