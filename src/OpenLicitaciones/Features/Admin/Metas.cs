using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Indicadores;

namespace OpenLicitaciones.Features.Admin;

/// <summary>What staff type to set a target: a percentage for shares, a plain number for ratios and averages.</summary>
public sealed class FormMeta
{
    public string Codigo { get; set; } = "";
    public int? Anio { get; set; }
    public decimal? Valor { get; set; }
}

public sealed record MetaFila(string Codigo, string Nombre, int Anio, double Valor, string Origen, string? RegistradaPor, DateTime? RegistradaEn);

/// <summary>The indicator targets staff keep (they override Indicadores:Metas); G10's is the law's and is not editable.</summary>
public static class MetasPersonal
{
    /// <summary>The board's indicators that take a target: every G code but G10 (30 % by law).</summary>
    public static readonly IReadOnlyList<DefinicionIndicador> ConMeta =
        CatalogoIndicadores.Todos.Where(d => d.Codigo.StartsWith('g') && d.Codigo != "g10").ToList();

    public static DefinicionIndicador? Definicion(string codigo) => ConMeta.FirstOrDefault(d => d.Codigo == codigo);

    /// <summary>Field → message; empty when valid. Shares are typed as a percentage (35 = 35 %).</summary>
    public static Dictionary<string, string> Validar(FormMeta f)
    {
        var errores = new Dictionary<string, string>();
        var definicion = Definicion(f.Codigo);
        if (definicion is null) errores[nameof(f.Codigo)] = "Elija un indicador (la meta de G10, 30 %, la fija la Ley 2046).";
        if (f.Anio is not (>= 2000 and <= 2100)) errores[nameof(f.Anio)] = "Escriba un año entre 2000 y 2100.";
        if (f.Valor is not { } v) errores[nameof(f.Valor)] = "Escriba la meta.";
        else if (definicion?.Tipo == TipoValor.Proporcion && v is <= 0 or > 100) errores[nameof(f.Valor)] = "Una meta en porcentaje va de más de 0 a 100.";
        else if (v is <= 0 or > 1000) errores[nameof(f.Valor)] = "La meta debe ser mayor que 0 y hasta 1.000.";
        return errores;
    }

    /// <summary>The stored value: shares as a proportion (35 % → 0.35), the rest as typed.</summary>
    public static double Almacenado(FormMeta f) =>
        Definicion(f.Codigo)?.Tipo == TipoValor.Proporcion ? (double)(f.Valor!.Value / 100m) : (double)f.Valor!.Value;

    public static string Texto(string codigo, double valor) => Definicion(codigo)?.Tipo == TipoValor.Proporcion
        ? (valor * 100).ToString("0.#", CultureInfo.GetCultureInfo("es-CO")) + " %"
        : valor.ToString("0.##", CultureInfo.GetCultureInfo("es-CO"));

    /// <summary>Every target in force, the staff's over the settings', by indicator and year.</summary>
    public static async Task<IReadOnlyList<MetaFila>> ListarAsync(AppDbContext db, IndicadoresOptions opciones, CancellationToken ct = default)
    {
        var personal = await db.Metas.AsNoTracking().ToListAsync(ct);
        var filas = personal.Select(m => new MetaFila(m.Codigo, Definicion(m.Codigo)?.Nombre ?? m.Codigo, m.Anio, m.Valor, "Secretaría", m.RegistradaPor, m.RegistradaEn)).ToList();
        foreach (var (codigo, porAnio) in opciones.Metas)
            foreach (var (anio, valor) in porAnio)
                if (!personal.Any(m => m.Codigo == codigo && m.Anio == anio))
                    filas.Add(new MetaFila(codigo, Definicion(codigo)?.Nombre ?? codigo, anio, valor, "configuración", null, null));
        return filas.OrderBy(f => ConMeta.ToList().FindIndex(d => d.Codigo == f.Codigo)).ThenByDescending(f => f.Anio).ToList();
    }

    public static async Task GuardarAsync(AppDbContext db, Actor actor, FormMeta f, DateTime ahora, CancellationToken ct = default)
    {
        var valor = Almacenado(f);
        var fila = await db.Metas.FirstOrDefaultAsync(m => m.Codigo == f.Codigo && m.Anio == f.Anio, ct);
        var antes = fila is null ? null : new { fila.Valor };
        if (fila is null) db.Metas.Add(fila = new MetaIndicador { Codigo = f.Codigo, Anio = f.Anio!.Value });
        fila.Valor = valor;
        fila.RegistradaPor = actor.Email;
        fila.RegistradaEn = ahora;
        Auditoria.Registrar(db, actor.Email, antes is null ? "crear" : "editar", Auditoria.Meta, $"{f.Codigo} {f.Anio}", antes, new { Valor = valor }, ahora);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<bool> EliminarAsync(AppDbContext db, Actor actor, string codigo, int anio, DateTime ahora, CancellationToken ct = default)
    {
        if (await db.Metas.FirstOrDefaultAsync(m => m.Codigo == codigo && m.Anio == anio, ct) is not { } fila) return false;
        db.Metas.Remove(fila);
        Auditoria.Registrar(db, actor.Email, "eliminar", Auditoria.Meta, $"{codigo} {anio}", new { fila.Valor }, null, ahora);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
