using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared.Listing;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Admin;

/// <summary>The quarantine list's filters, read from the URL (the page and the CSV export share them) and written back to one.</summary>
public sealed record FiltroCuarentena
{
    public static readonly string[] Parametros = ["conjunto", "q"];

    /// <summary>A dataset id (p6dx-8zbt …); null for all.</summary>
    public string? Conjunto { get; init; }

    /// <summary>Text searched in the reason and the row's key, ignoring case.</summary>
    public string? Texto { get; init; }

    public static FiltroCuarentena Parse(QueryReader query) => new()
    {
        Conjunto = query.Code("conjunto", id => SecopDatasets.Find(id) is not null, "un conjunto de datos de SECOP conocido"),
        Texto = query.Text("q"),
    };

    public string ToQuery() =>
        string.Join("&", new[] { ("conjunto", Conjunto), ("q", Texto) }.Where(p => !string.IsNullOrEmpty(p.Item2))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    public IQueryable<QuarantinedRow> Aplicar(IQueryable<QuarantinedRow> filas)
    {
        if (Conjunto is not null) filas = filas.Where(q => q.Dataset == Conjunto);
        if (Texto is not null)
        {
            var texto = Texto.ToLower();
            filas = filas.Where(q => q.Reason.ToLower().Contains(texto) || (q.RowKey != null && q.RowKey.ToLower().Contains(texto)));
        }
        return filas;
    }
}

/// <summary>A quarantined row as the staff see it; <see cref="Cuando"/> in UTC.</summary>
public sealed record FilaCuarentena(long Id, string Conjunto, string? Clave, string Motivo, DateTime Cuando, string FilaOriginal)
{
    private static readonly JsonSerializerOptions Legible = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The source row indented, one column a line, with accents and symbols as they are (it is shown as text, which the
    /// page encodes); a row that is not JSON is shown as stored.
    /// </summary>
    public string FilaLegible()
    {
        try
        {
            return JsonNode.Parse(FilaOriginal)?.ToJsonString(Legible) ?? FilaOriginal;
        }
        catch (JsonException)
        {
            return FilaOriginal;
        }
    }
}

/// <summary>One line of the quarantine CSV: the list's columns (dataset, key, reason, when) and the raw row.</summary>
public sealed record FilaCuarentenaCsv(string Conjunto, string? Clave, string Motivo, DateTime Cuando, string FilaOriginal);

/// <summary>Reads the quarantine: a page of it, how many rows each dataset has, and every row of a filter for the export.</summary>
public sealed class CuarentenaConsulta(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<(int Total, IReadOnlyList<FilaCuarentena> Filas)> PaginaAsync(FiltroCuarentena filtro, int saltar, int tomar,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filas = filtro.Aplicar(db.Quarantine.AsNoTracking());
        var total = await filas.CountAsync(ct);
        var pagina = await Proyectar(filas.OrderByDescending(q => q.Id).Skip(saltar).Take(tomar)).ToListAsync(ct);
        return (total, pagina);
    }

    /// <summary>Rows in quarantine per dataset id; datasets with none are absent.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PorConjuntoAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Quarantine.GroupBy(q => q.Dataset).Select(g => new { g.Key, Filas = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Filas, ct);
    }

    /// <summary>Every row of the filter, newest first, as the CSV writes them.</summary>
    public async Task<IReadOnlyList<FilaCuarentenaCsv>> TodasAsync(FiltroCuarentena filtro, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filas = await Proyectar(filtro.Aplicar(db.Quarantine.AsNoTracking()).OrderByDescending(q => q.Id)).ToListAsync(ct);
        return filas.Select(f => new FilaCuarentenaCsv(f.Conjunto, f.Clave, f.Motivo, f.Cuando, f.FilaOriginal)).ToList();
    }

    // Quarantine times are stored in UTC; SQLite hands them back unmarked.
    private static IQueryable<FilaCuarentena> Proyectar(IQueryable<QuarantinedRow> filas) =>
        filas.Select(q => new FilaCuarentena(q.Id, q.Dataset, q.RowKey, q.Reason, DateTime.SpecifyKind(q.QuarantinedAt, DateTimeKind.Utc), q.RawJson));
}
