using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Api;

public sealed record ProcesoItem(
    string IdDelProceso, string? IdDelPortafolio, string? Referencia, string? Entidad, string NitEntidad, string? CodigoEntidad,
    string? Descripcion, string? Modalidad, string? Estado, string? Fase, DateTime? FechaPublicacion, DateTime? FechaRecepcion,
    long? PrecioBase, bool? Adjudicado, long? ValorAdjudicado, string? ProveedorAdjudicado, string? CodigoProveedor,
    string? Unspsc, string? Unidad, string? UrlProceso, string Fuente);

public sealed record ContratoItem(
    string IdContrato, string? ProcesoDeCompra, string? Referencia, string? Entidad, string NitEntidad, string? Estado,
    string? Objeto, string? Modalidad, string? TipoDeContrato, DateTime? FechaDeFirma, DateTime? FechaDeInicio, DateTime? FechaDeFin,
    long? ValorDelContrato, long? ValorPagado, string? Proveedor, string? TipoDocProveedor, string? DocumentoProveedor,
    string? CodigoProveedor, bool? EsPyme, bool? EsGrupo, string? GeneroRepresentanteLegal, string? Unspsc, string? UrlProceso, string Fuente);

public sealed record PaaItem(
    string Id, int Annio, int Version, string Descripcion, int? MesEsperadoInicio, int? MesEsperadoRecepcion, long? ValorTotalEsperado,
    string? Modalidad, string CategoriasUnspsc, string? ProcesosRelacionados, string CodigoEntidad, string? NombreEntidad, string Fuente);

public sealed record ProveedorRegistradoItem(
    string Codigo, string? Nombre, string? Nit, string? TipoEmpresa, bool? EsPyme, bool? EsGrupo, string? Municipio, string? Departamento,
    string? CategoriaPrincipal, DateTime? FechaCreacion, string Fuente);

/// <summary>The read-only open-data API (CONTRACTS §5). Later modules add their endpoints in the same style.</summary>
public static class ApiV1
{
    public static WebApplication MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/procesos", Procesos);
        api.MapGet("/contratos", Contratos);
        api.MapGet("/paa", Paa);
        api.MapGet("/proveedores", Proveedores);
        api.MapGet("/sync/estado", SyncEstado);
        app.MapGet("/health", Health);
        return app;
    }

    private static async Task<IResult> Procesos(HttpRequest http, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        var request = ListRequest.From(http, "anio", "unspsc", "orden");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Procesos.AsNoTracking();
        if (request.Query.Year("anio") is { } year)
            query = query.Where(p => p.FechaPublicacion >= new DateTime(year, 1, 1) && p.FechaPublicacion < new DateTime(year + 1, 1, 1));
        if (request.Query.UnspscPrefix("unspsc") is { } prefix) query = query.Where(p => p.CodigoPrincipalCategoria!.StartsWith(prefix));
        query = ApiList.Order(query, request, new Dictionary<string, Expression<Func<Proceso, object?>>>
        {
            ["fechaPublicacion"] = p => p.FechaPublicacion, ["precioBase"] = p => p.PrecioBase,
            ["valorAdjudicado"] = p => p.ValorTotalAdjudicacion, ["idDelProceso"] = p => p.IdDelProceso,
        }, "-fechaPublicacion", p => p.IdDelProceso);
        var items = query.Select(p => new ProcesoItem(p.IdDelProceso, p.IdDelPortafolio, p.ReferenciaDelProceso, p.Entidad, p.NitEntidad,
            p.CodigoEntidad, p.Descripcion, p.Modalidad, p.EstadoDelProcedimiento, p.Fase, p.FechaPublicacion, p.FechaRecepcion, p.PrecioBase,
            p.Adjudicado, p.ValorTotalAdjudicacion, p.NombreProveedor, p.CodigoProveedor, p.CodigoPrincipalCategoria, p.NombreUnidad,
            p.UrlProceso, p.Source));
        return await ApiList.RespondAsync(items, request, "procesos", ct);
    }

    private static async Task<IResult> Contratos(HttpRequest http, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        var request = ListRequest.From(http, "anio", "unspsc", "orden");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Contratos.AsNoTracking();
        if (request.Query.Year("anio") is { } year)
            query = query.Where(c => c.FechaDeFirma >= new DateTime(year, 1, 1) && c.FechaDeFirma < new DateTime(year + 1, 1, 1));
        if (request.Query.UnspscPrefix("unspsc") is { } prefix) query = query.Where(c => c.CodigoCategoriaPrincipal!.StartsWith(prefix));
        query = ApiList.Order(query, request, new Dictionary<string, Expression<Func<Contrato, object?>>>
        {
            ["fechaDeFirma"] = c => c.FechaDeFirma, ["valorDelContrato"] = c => c.ValorDelContrato, ["idContrato"] = c => c.IdContrato,
        }, "-fechaDeFirma", c => c.IdContrato);
        var rows = query.Select(c => new ContratoItem(c.IdContrato, c.ProcesoDeCompra, c.ReferenciaDelContrato, c.NombreEntidad, c.NitEntidad,
            c.EstadoContrato, c.ObjetoDelContrato ?? c.DescripcionDelProceso, c.Modalidad, c.TipoDeContrato, c.FechaDeFirma, c.FechaDeInicio,
            c.FechaDeFin, c.ValorDelContrato, c.ValorPagado, c.ProveedorAdjudicado, c.TipoDocProveedor, c.DocumentoProveedor, c.CodigoProveedor,
            c.EsPyme, c.EsGrupo, c.GeneroRepresentanteLegal, c.CodigoCategoriaPrincipal, c.UrlProceso, c.Source));
        return await ApiList.RespondAsync(rows, request, "contratos", ct, MaskContrato);
    }

    private static async Task<IResult> Paa(HttpRequest http, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        var request = ListRequest.From(http, "anio", "unspsc", "orden");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Only the current version of each entity-year's plan (CONTRACTS §2).
        var query = db.PaaLines.AsNoTracking()
            .Where(l => db.PaaVigentes.Any(v => v.CodigoEntidad == l.CodigoEntidad && v.Annio == l.Annio && v.Version == l.VersionDelPaa));
        if (request.Query.Year("anio") is { } year) query = query.Where(l => l.Annio == year);
        if (request.Query.UnspscPrefix("unspsc") is { } prefix) query = query.Where(l => l.CategoriasUnspsc.Contains(";" + prefix));
        query = ApiList.Order(query, request, new Dictionary<string, Expression<Func<PaaLine, object?>>>
        {
            ["annio"] = l => l.Annio, ["mesEsperadoInicio"] = l => l.MesEsperadoInicio, ["valorTotalEsperado"] = l => l.ValorTotalEsperado,
            ["id"] = l => l.Id,
        }, "-annio", l => l.Id);
        var rows = query.Select(l => new PaaItem(l.Id, l.Annio, l.VersionDelPaa, l.Descripcion, l.MesEsperadoInicio, l.MesEsperadoRecepcion,
            l.ValorTotalEsperado, l.Modalidad, l.CategoriasUnspsc.Trim(';'), l.ProcesosRelacionados, l.CodigoEntidad, l.NombreEntidad, l.Source));
        return await ApiList.RespondAsync(rows, request, "paa", ct);
    }

    private static async Task<IResult> Proveedores(HttpRequest http, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        var request = ListRequest.From(http, "anio", "unspsc", "orden");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Proveedores.AsNoTracking();
        if (request.Query.Year("anio") is { } year)
            query = query.Where(p => p.FechaCreacion >= new DateTime(year, 1, 1) && p.FechaCreacion < new DateTime(year + 1, 1, 1));
        if (request.Query.UnspscPrefix("unspsc") is { } prefix) query = query.Where(p => p.CodigoCategoriaPrincipal!.StartsWith(prefix));
        query = ApiList.Order(query, request, new Dictionary<string, Expression<Func<ProveedorRegistrado, object?>>>
        {
            ["nombre"] = p => p.Nombre, ["fechaCreacion"] = p => p.FechaCreacion, ["codigo"] = p => p.Codigo,
        }, "nombre", p => p.Codigo);
        var rows = query.Select(p => new ProveedorRegistradoItem(p.Codigo, p.Nombre, p.Nit, p.TipoEmpresa, p.EsPyme, p.EsGrupo, p.Municipio, p.Departamento,
            p.CodigoCategoriaPrincipal, p.FechaCreacion, p.Source));
        return await ApiList.RespondAsync(rows, request, "proveedores", ct, MaskProveedor);
    }

    private static async Task<IResult> SyncEstado(HttpRequest http, SyncStatusQuery status, CancellationToken ct)
    {
        var request = ListRequest.From(http);
        return ApiList.Respond(Publish(await status.LastRunsAsync(ct)), request, "sync-estado");
    }

    private static async Task<IResult> Health(SyncStatusQuery status, ILoggerFactory logs, CancellationToken ct)
    {
        try
        {
            var runs = await status.LastRunsAsync(ct);
            return Results.Json(new { status = "ok", database = "ok", datasets = Publish(runs) }, ApiList.Json);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            logs.CreateLogger(typeof(ApiV1)).LogError(e, "/health: no se pudo leer la base de datos");
            return Results.Json(new { status = "error", database = "No se pudo leer la base de datos; el detalle está en el registro del servidor." },
                ApiList.Json, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static List<DatasetStatus> Publish(IEnumerable<DatasetStatus> runs) =>
        runs.Select(r => r with { Error = SecopSync.PublicError(r.Error) }).ToList();

    // Cédulas of natural persons are published masked except the last three digits (Ley 1581 de 2012, CONTRACTS §1).
    private static ContratoItem MaskContrato(ContratoItem c) =>
        c with { DocumentoProveedor = SupplierDocument.Mask(c.DocumentoProveedor) };

    private static ProveedorRegistradoItem MaskProveedor(ProveedorRegistradoItem p) =>
        p with { Nit = SupplierDocument.Mask(p.Nit) };
}
