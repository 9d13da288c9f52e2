using OpenLicitaciones.Components;
using OpenLicitaciones.Features.Api;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Features.Indicadores;

/// <summary>
/// One indicator in one period as the API and its exports publish it. <c>valor</c> is a share (0–1) for most, a ratio
/// around 1 for g5 and g6, and bidders per process for g8 (<c>tipoValor</c> says which). Coverage is known ÷ all.
/// </summary>
public sealed record IndicadorItem(
    string Indicador, string Nombre, string TipoValor, string Periodo, string Granularidad, int Anio, int? Trimestre,
    double? Valor, double? Numerador, double? Denominador, string? SegundaCifra, double? ValorSegundaCifra,
    int Conocidos, int Todos, long ValorConocido, long ValorTotal, double? CoberturaConteo, double? CoberturaValor, bool CoberturaBaja,
    double? Meta, string? Motivo, string Metodologia)
{
    public static IndicadorItem From(ResultadoIndicador r)
    {
        var d = r.Definicion;
        var c = r.Cifra;
        return new IndicadorItem(r.Codigo, d.Nombre, d.Tipo switch { Indicadores.TipoValor.Razon => "razon", Indicadores.TipoValor.Promedio => "promedio", _ => "proporcion" },
            r.Periodo.Codigo, r.Periodo.Trimestre is null ? "anio" : "trimestre", r.Periodo.Anio, r.Periodo.Trimestre,
            c.Valor, c.Numerador, c.Denominador, r.Segunda is null ? null : d.PorValor, r.Segunda?.Valor,
            c.Cobertura.Conocidos, c.Cobertura.Todos, c.Cobertura.ValorConocido, c.Cobertura.ValorTotal, c.Cobertura.PorConteo, c.Cobertura.PorValor,
            c.CoberturaBaja, r.Meta, c.Motivo, d.Ancla);
    }
}

/// <summary>A row behind an indicator's numerator or base, as the detail export publishes it.</summary>
public sealed record DetalleItem(
    string Indicador, string Periodo, string Tipo, string Id, DateTime? Fecha, string? Descripcion, string? ProveedorId, string? Proveedor,
    long? Valor, string Clasificacion, string Cuenta, string? UrlSecop, string? UrlMonitor)
{
    public static DetalleItem From(string codigo, Periodo periodo, FilaDetalle f) =>
        new(codigo, periodo.Codigo, f.Tipo, f.Id, f.Fecha, f.Descripcion, f.ProveedorId, f.Proveedor, f.Valor, f.Clasificacion, f.Cuenta,
            SourceUrl.Http(f.UrlSecop), f.ProveedorId is { } id ? $"/proveedores/{Uri.EscapeDataString(id)}" : null);
}

public static class IndicadoresApi
{
    public static WebApplication MapIndicadoresApi(this WebApplication app)
    {
        app.MapGet("/api/v1/indicadores", async (HttpRequest http, IndicadoresSnapshot snapshot, CancellationToken ct) =>
        {
            var list = ListRequest.From(http, FiltroIndicadores.Parametros);
            var datos = await snapshot.GetAsync(ct);
            var filtro = FiltroIndicadores.Parse(list.Query, datos);
            var orden = filtro.Codigos.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
            var items = datos.Resultados(filtro.Trimestral)
                .Where(r => orden.ContainsKey(r.Codigo) && r.Periodo.Anio >= filtro.Desde && r.Periodo.Anio <= filtro.Hasta)
                .OrderBy(r => orden[r.Codigo]).ThenBy(r => r.Periodo.Inicio)
                .ToList();
            return ApiList.Respond(items, IndicadorItem.From, list, "indicadores");
        });
        app.MapGet("/api/v1/indicadores/{codigo}/detalle", async (string codigo, HttpRequest http, IndicadoresSnapshot snapshot, CancellationToken ct) =>
        {
            var definicion = CatalogoIndicadores.De(codigo.ToLowerInvariant());
            if (definicion is null)
                return HttpHardening.Problem(StatusCodes.Status404NotFound, codigo.Equals("g11", StringComparison.OrdinalIgnoreCase)
                    ? "La cobertura de la demanda (g11) se calcula por producto: está en /api/v1/capacidad/demanda."
                    : $"No hay un indicador con ese código. Los códigos son {string.Join(", ", CatalogoIndicadores.Todos.Select(d => d.Codigo))}.");
            var list = ListRequest.From(http, "anio", "trimestre");
            var datos = await snapshot.GetAsync(ct);
            var periodo = FiltroIndicadores.Periodo(list.Query, datos);
            return ApiList.Respond(datos.Detalle(definicion.Codigo, periodo), f => DetalleItem.From(definicion.Codigo, periodo, f), list,
                $"indicador-{definicion.Codigo}-{periodo.Codigo}");
        });
        return app;
    }
}
