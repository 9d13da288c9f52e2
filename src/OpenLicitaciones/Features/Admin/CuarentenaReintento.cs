using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Components;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Admin;

/// <summary>What a retry did: rows retried, stored, dropped because a newer version was already stored, and still failing.</summary>
public sealed record ResultadoReintento(int Reintentadas, int Guardadas, int Superadas, int SiguenFallando)
{
    public static readonly ResultadoReintento Ninguno = new(0, 0, 0, 0);

    public static ResultadoReintento operator +(ResultadoReintento a, ResultadoReintento b) =>
        new(a.Reintentadas + b.Reintentadas, a.Guardadas + b.Guardadas, a.Superadas + b.Superadas, a.SiguenFallando + b.SiguenFallando);

    /// <summary>The snackbar's sentence.</summary>
    public string Resumen() => Reintentadas == 0
        ? "No había filas para reintentar."
        : $"{N(Reintentadas)} {(Reintentadas == 1 ? "fila reintentada" : "filas reintentadas")}: {N(Guardadas)} guardada{S(Guardadas)}"
          + (Superadas > 0 ? $", {N(Superadas)} ya tenía{(Superadas == 1 ? "" : "n")} una versión más reciente" : "")
          + $", {N(SiguenFallando)} sigue{(SiguenFallando == 1 ? "" : "n")} fallando.";

    private static string N(int n) => Format.Number(n);
    private static string S(int n) => n == 1 ? "" : "s";
}

/// <summary>
/// "Reintentar" after a mapper fix: each quarantined row's raw JSON goes through its dataset's current mapper (as the
/// sync maps a row, <see cref="SecopSync.MapRow"/>). A row that now maps is stored through the dataset's own upsert and
/// leaves the quarantine; one that still fails stays, with the new reason. Each batch is one transaction with one audit
/// entry per row it changed.
/// </summary>
public sealed class CuarentenaReintento(IDbContextFactory<AppDbContext> dbFactory, IOptions<SyncOptions> sync, TimeProvider time)
{
    /// <summary>Rows per transaction when a whole filter is retried.</summary>
    public const int Lote = 200;

    public const string Accion = "reintentar";

    /// <summary>Retries the rows <paramref name="ids"/>, in one transaction (ids no longer in quarantine are skipped).</summary>
    public async Task<ResultadoReintento> ReintentarAsync(Actor actor, IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var total = ResultadoReintento.Ninguno;
        foreach (var lote in ids.Distinct().Chunk(Lote)) total += await LoteAsync(actor, lote, ct);
        return total;
    }

    /// <summary>Retries every row of <paramref name="filtro"/>, oldest first, batch by batch.</summary>
    public async Task<ResultadoReintento> ReintentarFiltroAsync(Actor actor, FiltroCuarentena filtro, CancellationToken ct = default)
    {
        var total = ResultadoReintento.Ninguno;
        // Keyset over the id: rows that still fail stay behind the cursor and are not tried twice.
        for (long despues = 0; ;)
        {
            List<long> ids;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                ids = await filtro.Aplicar(db.Quarantine.AsNoTracking()).Where(q => q.Id > despues).OrderBy(q => q.Id).Select(q => q.Id).Take(Lote)
                    .ToListAsync(ct);
            if (ids.Count == 0) return total;
            total += await LoteAsync(actor, ids, ct);
            despues = ids[^1];
        }
    }

    private sealed record Mapeada(QuarantinedRow Fila, SyncedRow Row);

    private async Task<ResultadoReintento> LoteAsync(Actor actor, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filas = await db.Quarantine.Where(q => ids.Contains(q.Id)).OrderBy(q => q.Id).ToListAsync(ct);
        if (filas.Count == 0) return ResultadoReintento.Ninguno;
        var corridas = filas.Select(f => f.SyncRunId).Distinct().ToList();
        var fuentes = await db.SyncRuns.AsNoTracking().Where(r => corridas.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Source, ct);
        var fuenteActual = sync.Value.Source;
        var ahora = time.GetUtcNow().UtcDateTime;

        var mapeadas = new List<(SecopDataset Dataset, Mapeada Fila)>();
        var fallan = 0;
        foreach (var fila in filas)
        {
            var fuente = fuentes.GetValueOrDefault(fila.SyncRunId) ?? fuenteActual;
            var (row, motivo) = Mapear(fila, fuente, fuenteActual);
            if (row is not null)
            {
                mapeadas.Add((SecopDatasets.Find(fila.Dataset)!, new Mapeada(fila, row)));
                continue;
            }
            fallan++;
            if (motivo == fila.Reason) continue;
            Auditoria.Registrar(db, actor.Email, Accion, Auditoria.Cuarentena, Clave(fila), new { Motivo = fila.Reason }, new { Motivo = motivo }, ahora);
            fila.Reason = motivo!;
        }

        var (guardadas, superadas) = (0, 0);
        await using var tx = await RowUpsert.BeginPageAsync(db, ct);
        foreach (var grupo in mapeadas.GroupBy(m => m.Dataset, m => m.Fila))
        {
            var dataset = grupo.Key;
            var viejas = await dataset.OlderThanStoredAsync(db, grupo.Select(m => m.Row).ToList(), ct);
            // The dataset's upsert keeps the last row of a repeated key: the newest version goes last.
            var nuevas = grupo.Where(m => !viejas.Contains(m.Row)).OrderBy(m => m.Row.SodaUpdatedAt, StringComparer.Ordinal).ThenBy(m => m.Fila.Id).ToList();
            if (nuevas.Count > 0)
            {
                // As the sync stores a page: live rows replace the demo ones in the same transaction.
                await dataset.RemoveOtherSourcesAsync(db, nuevas[0].Row.Source, ct);
                await dataset.UpsertAsync(db, nuevas.Select(m => m.Row).ToList(), ct);
            }
            foreach (var m in grupo)
            {
                var vieja = viejas.Contains(m.Row);
                if (vieja) superadas++;
                else guardadas++;
                db.Quarantine.Remove(m.Fila);
                Auditoria.Registrar(db, actor.Email, Accion, Auditoria.Cuarentena, Clave(m.Fila), new { Motivo = m.Fila.Reason },
                    new { Resultado = vieja ? "descartada: ya estaba guardada una versión más reciente de la fila" : "guardada" }, ahora);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ResultadoReintento(filas.Count, guardadas, superadas, fallan);
    }

    /// <summary>The row mapped again, or why it still cannot be stored.</summary>
    private static (SyncedRow? Row, string? Motivo) Mapear(QuarantinedRow fila, string fuente, string fuenteActual)
    {
        if (SecopDatasets.Find(fila.Dataset) is not { } dataset) return (null, $"«{fila.Dataset}» no es un conjunto de datos que la sincronización conozca.");
        // A row read from another source (demo data before the switch to live data) would bring that source's rows back.
        if (fuente != fuenteActual)
            return (null, $"La fila vino de la fuente «{fuente}» y la sincronización ahora lee «{fuenteActual}»: no se guarda.");
        JsonObject json;
        try
        {
            json = JsonNode.Parse(fila.RawJson) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return (null, "La fila guardada no es un objeto JSON.");
        }
        try
        {
            return (SecopSync.MapRow(dataset, new RawRow(json), fuente), null);
        }
        catch (RowRejectedException e)
        {
            return (null, e.Message);
        }
    }

    private static string Clave(QuarantinedRow fila) => $"{fila.Dataset} {fila.RowKey ?? $"#{fila.Id}"}";
}
