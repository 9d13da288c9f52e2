using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Productores;

namespace OpenLicitaciones.Features.Admin;

/// <summary>What staff type for one product and month of the declared food demand.</summary>
public sealed class FormDemanda
{
    public int? Id { get; set; }
    public string Familia { get; set; } = "";
    public string Producto { get; set; } = "";
    public decimal? Cantidad { get; set; }
    public string Unidad { get; set; } = "kilogramos";
    public int Mes { get; set; } = 1;
}

/// <summary>The declared food demand staff keep (Capacidad productiva's "cobertura de la demanda" reads it).</summary>
public static class DemandaPersonal
{
    /// <summary>Field → message (from the same rule the file's loader uses), capitalised for a form; empty when valid.</summary>
    public static Dictionary<string, string> Validar(FormDemanda f, IReadOnlyDictionary<string, string> familias)
    {
        var cantidad = f.Cantidad?.ToString(CultureInfo.InvariantCulture);
        if (DemandaDeclarada.Validar(f.Familia, f.Producto, cantidad, f.Unidad, f.Mes.ToString(CultureInfo.InvariantCulture), false, familias, out _) is not { } e)
            return [];
        var campo = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(e.Campo);
        var mensaje = f.Cantidad is null && e.Campo == "cantidad" ? "Escriba la cantidad." : char.ToUpperInvariant(e.Mensaje[0]) + e.Mensaje[1..];
        return new() { [campo] = mensaje };
    }

    public static async Task<IReadOnlyList<DemandaRegistrada>> ListarAsync(AppDbContext db, CancellationToken ct = default) =>
        (await db.Demanda.AsNoTracking().ToListAsync(ct)).OrderBy(d => d.Producto, StringComparer.CurrentCulture).ThenBy(d => d.Mes).ThenBy(d => d.Id).ToList();

    /// <summary>Creates or updates; false when the row to update no longer exists.</summary>
    public static async Task<bool> GuardarAsync(AppDbContext db, Actor actor, FormDemanda f, DateTime ahora, CancellationToken ct = default)
    {
        var fila = f.Id is { } id ? await db.Demanda.FirstOrDefaultAsync(d => d.Id == id, ct) : new DemandaRegistrada();
        if (fila is null) return false;
        var antes = f.Id is null ? null : Resumen(fila);
        (fila.Familia, fila.Producto, fila.Cantidad, fila.Unidad, fila.Mes) = (f.Familia.Trim(), f.Producto.Trim(), (double)f.Cantidad!.Value, f.Unidad.Trim(), f.Mes);
        if (f.Id is null) db.Demanda.Add(fila);
        Auditoria.Registrar(db, actor.Email, f.Id is null ? "crear" : "editar", Auditoria.Demanda, $"{fila.Producto}, mes {fila.Mes}", antes, Resumen(fila), ahora);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static async Task<bool> EliminarAsync(AppDbContext db, Actor actor, int id, DateTime ahora, CancellationToken ct = default)
    {
        if (await db.Demanda.FirstOrDefaultAsync(d => d.Id == id, ct) is not { } fila) return false;
        db.Demanda.Remove(fila);
        Auditoria.Registrar(db, actor.Email, "eliminar", Auditoria.Demanda, $"{fila.Producto}, mes {fila.Mes}", Resumen(fila), null, ahora);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static object Resumen(DemandaRegistrada d) => new { d.Familia, d.Producto, d.Cantidad, d.Unidad, d.Mes };
}
