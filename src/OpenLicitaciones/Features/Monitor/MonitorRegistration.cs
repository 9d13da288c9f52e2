using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Components;
using OpenLicitaciones.Features.Api;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Monitor;

public sealed class MonitorOptions
{
    public const string Section = "Monitor";

    /// <summary>A supplier is new without a contract with the entity in this many years before (Palmira measured 3).</summary>
    [Range(1, 20, ErrorMessage = "Monitor:AniosNuevo debe estar entre 1 y 20.")]
    public int AniosNuevo { get; set; } = 3;

    /// <summary>The entity's municipality: suppliers located there are local.</summary>
    [Required(ErrorMessage = "Monitor:Municipio es obligatorio (p. ej. Palmira).")]
    public string Municipio { get; set; } = "Palmira";

    /// <summary>R003: fewer days than this between publication and the offers deadline is a short period, per modality code.</summary>
    public Dictionary<string, int> PlazoMinimoDias { get; set; } = [];

    [Range(1, 90, ErrorMessage = "Monitor:PlazoMinimoPorDefecto debe estar entre 1 y 90 días.")]
    public int PlazoMinimoPorDefecto { get; set; } = 15;

    /// <summary>R048 compares only suppliers with at least this many awards.</summary>
    [Range(1, 1000, ErrorMessage = "Monitor:MinimoProcesosMultiobjeto debe estar entre 1 y 1000.")]
    public int MinimoProcesosMultiobjeto { get; set; } = 20;
}

/// <summary>One supplier as the Monitor API and exports publish it (CONTRACTS §4).</summary>
public sealed record ProveedorItem(
    string Id, string? Nit, string Nombre, string Tipo, int Participaciones, int Adjudicaciones, double? TasaExito, int Contratos,
    long ValorContratado, int? PrimerAnio, int? UltimoAnio, string Nuevo, string Pyme, string Local, string Mujer, string FuenteMujer)
{
    public static ProveedorItem From(ResumenProveedor r) => new(r.Id,
        SupplierDocument.Mask(r.Nit),
        r.Nombre, SupplierIdentity.Label(r.Tipo), r.Participaciones, r.Adjudicaciones, r.TasaExito is { } t ? Math.Round(t, 4) : null, r.Contratos,
        r.ValorContratado, r.PrimerAnio, r.UltimoAnio, r.Nuevo, r.Pyme, r.Local, r.Mujer, r.FuenteMujer);
}

public sealed record AnioProveedor(int Anio, int Participaciones, int Adjudicaciones);

public sealed record PerfilProveedor(ProveedorItem Proveedor, IReadOnlyList<AnioProveedor> PorAnio, IReadOnlyList<string> Modalidades,
    IReadOnlyList<ContratoProveedor> Contratos)
{
    /// <summary>The UNSPSC families (4 digits) the supplier was contracted for, most contracts first.</summary>
    public IReadOnlyList<string> Familias => Contratos.Where(c => c.Vigente && c.Unspsc is { Length: >= 4 })
        .GroupBy(c => c.Unspsc![..4]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
}

public static class MonitorRegistration
{
    public static IHostApplicationBuilder AddMonitor(this IHostApplicationBuilder builder)
    {
        builder.AddSharedRules();
        builder.Services.AddOptions<MonitorOptions>().Bind(builder.Configuration.GetSection(MonitorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MonitorSnapshot>();
        return builder;
    }

    /// <summary>The Monitor's list as the API and its exports publish it (the benchmark times this same call).</summary>
    public static IReadOnlyList<ProveedorItem> Lista(MonitorSnapshot.Built data, MonitorFilter f, MonitorOptions o) =>
        MonitorQuery.Filas(data, f, o.AniosNuevo, o.Municipio).Select(x => x.Item).ToList();

    public static PerfilProveedor Perfil(ProveedorHistoria h, MonitorFilter f, MonitorOptions o, DateTime? historiaDesde)
    {
        var resumen = MonitorCounts.Resumen(h, f.Desde, f.Hasta, o.AniosNuevo, o.Municipio, historiaDesde);
        var porAnio = Enumerable.Range(f.Desde, f.Hasta - f.Desde + 1)
            .Select(y => new AnioProveedor(y, h.Participaciones.Count(p => p.Anio == y), h.Participaciones.Count(p => p.Anio == y && p.Adjudicado)))
            .ToList();
        var contratos = h.Contratos.Where(c => (c.AnioProceso ?? c.FechaFirma?.Year) is { } y && y >= f.Desde && y <= f.Hasta)
            .OrderByDescending(c => c.FechaFirma).ToList();
        return new PerfilProveedor(ProveedorItem.From(resumen), porAnio, resumen.Modalidades, contratos);
    }

    public static WebApplication MapMonitorApi(this WebApplication app)
    {
        app.MapGet("/api/v1/monitor/proveedores", async (HttpRequest http, MonitorSnapshot snapshot, Modalidades modalidades,
            IOptions<MonitorOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            var list = ListRequest.From(http, MonitorFilter.Parameters);
            var (filter, warnings) = MonitorFilter.Parse(list.Value, modalidades, ColombiaTime.Now(time).Year);
            list.Warnings.AddRange(warnings);
            return ApiList.Respond(Lista(await snapshot.GetAsync(ct), filter, options.Value), list, "proveedores-monitor");
        });
        app.MapGet("/api/v1/monitor/proveedores/{id}", async (string id, HttpRequest http, MonitorSnapshot snapshot, Modalidades modalidades,
            IOptions<MonitorOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            var data = await snapshot.GetAsync(ct);
            // A profile is not a list, but reads its window through the same parameter rules.
            var list = ListRequest.From(http, "desde", "hasta");
            var (filter, warnings) = MonitorFilter.Parse(list.Value, modalidades, ColombiaTime.Now(time).Year);
            list.Warnings.AddRange(warnings);
            return data.Proveedores.FirstOrDefault(p => p.Id == id) is { } h
                ? Results.Json(new { perfil = Perfil(h, filter, options.Value, data.HistoriaDesde), warnings = list.Warnings.Count > 0 ? list.Warnings : null }, ApiList.Json)
                : HttpHardening.Problem(StatusCodes.Status404NotFound, "No hay un proveedor con ese identificador en los datos de la entidad.");
        });
        app.MapGet("/api/v1/monitor/alertas", async (HttpRequest http, MonitorSnapshot snapshot, Modalidades modalidades,
            IOptions<MonitorOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            // The red flags depend only on the window; they are not sorted.
            var list = ListRequest.From(http, "desde", "hasta");
            var (filter, warnings) = MonitorFilter.Parse(list.Value, modalidades, ColombiaTime.Now(time).Year);
            list.Warnings.AddRange(warnings);
            var alertas = MonitorAlertas.Calcular(await snapshot.GetAsync(ct), filter.Desde, filter.Hasta, options.Value);
            return ApiList.Respond(alertas.Select(AlertaItem.From).ToList(), list, "alertas");
        });
        return app;
    }
}

/// <summary>A red flag as the API publishes it, with the reminder that it is a reason to review, not proof.</summary>
public sealed record AlertaItem(string Codigo, string Nombre, string Formula, string Umbral, double? Valor, int Cobertura, string Unidad,
    int NoAplica, int Marcados, string Ejemplos, string Aviso)
{
    public static AlertaItem From(Alerta a) => new(a.Codigo, a.Nombre, a.Formula, a.Umbral, a.Valor is { } v ? Math.Round(v, 4) : null, a.Cobertura,
        a.Unidad, a.NoAplica, a.Marcados, string.Join(";", a.Ejemplos), RedFlags.Aviso);
}
