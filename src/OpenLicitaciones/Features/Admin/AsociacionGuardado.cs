using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Admin;

/// <summary>An association as the staff list shows it.</summary>
public sealed record AsociacionFila(
    int Id, string Nombre, string? Nit, string? Lugar, bool Ubicada, IReadOnlyList<string> Productos, bool EsDemo, string Origen,
    string? ActualizadaPor, DateTime? ActualizadaEn)
{
    /// <summary>Whether <paramref name="buscar"/> (folded) appears in its name, NIT, place or products.</summary>
    public bool Coincide(string? buscar)
    {
        if (string.IsNullOrWhiteSpace(buscar)) return true;
        var texto = PlainText.Fold(buscar);
        return new[] { Nombre, Nit ?? "", Lugar ?? "" }.Concat(Productos).Any(t => PlainText.Fold(t).Contains(texto, StringComparison.Ordinal));
    }
}

/// <summary>An association loaded into the form, with the version the save will be checked against.</summary>
public sealed record AsociacionCargada(int Id, AsociacionDatos Datos, Guid Version, bool EsDemo, string Origen, string? ActualizadaPor, DateTime? ActualizadaEn);

public enum EstadoGuardado
{
    Guardada,
    /// <summary>The input failed a check: nothing was written; the errors say where.</summary>
    Invalida,
    /// <summary>Someone else changed or deleted it since it was loaded: nothing was written.</summary>
    CambiadaPorOtro,
}

public sealed record ResultadoGuardado(EstadoGuardado Estado, int? Id, IReadOnlyList<ErrorCampo> Errores)
{
    public static ResultadoGuardado Conflicto { get; } = new(EstadoGuardado.CambiadaPorOtro, null, []);
}

/// <summary>The values an audit entry records for an association: everything staff can change.</summary>
public sealed record AsociacionAuditada(
    string Nombre, string? Nit, double? Latitud, double? Longitud, string? Lugar, bool? RepresentanteMujer, double? ProporcionMujeres, string? Zona,
    bool? IncluyeVictimas, string? GruposEtnicos, IReadOnlyList<ProductoValido> Productos);

/// <summary>
/// Reading and writing the producer associations for the staff area. Every write re-validates what it is given, is
/// checked against the version the form loaded (optimistic concurrency: a save based on an older version is refused and
/// overwrites nothing), and adds its audit entry in the same transaction — the entry is what makes the public pages
/// refresh (the sync-run watcher notices it).
/// </summary>
public static class AsociacionGuardado
{
    public const string FuenteSecretaria = "Registro de asociaciones de productores que lleva la Secretaría (área de la Secretaría de OpenLicitaciones).";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<IReadOnlyList<AsociacionFila>> ListarAsync(AppDbContext db, CancellationToken ct = default) =>
        (await db.Asociaciones.AsNoTracking()
            .Select(a => new
            {
                a.Id, a.Nombre, a.Nit, a.Lugar, Ubicada = a.Latitud != null && a.Longitud != null, a.EsDemo, a.Origen, a.ActualizadaPor, a.ActualizadaEn,
                Productos = a.Productos.OrderBy(p => p.Id).Select(p => p.Producto).ToList(),
            })
            .ToListAsync(ct))
        // Ordered here, not by the engine: SQLite and PostgreSQL collate accents and case differently.
        .Select(a => new AsociacionFila(a.Id, a.Nombre, a.Nit, a.Lugar, a.Ubicada, a.Productos, a.EsDemo, a.Origen, a.ActualizadaPor, a.ActualizadaEn))
        .OrderBy(a => PlainText.Fold(a.Nombre), StringComparer.Ordinal).ThenBy(a => a.Id)
        .ToList();

    public static async Task<AsociacionCargada?> CargarAsync(AppDbContext db, int id, CancellationToken ct = default)
    {
        var a = await db.Asociaciones.AsNoTracking().Include(x => x.Productos).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var datos = new AsociacionDatos(
            a.Nombre,
            a.Nit is { } nit ? $"{nit}-{Nit.CheckDigit(nit)}" : null,
            a.Productos.OrderBy(p => p.Id).Select(p => new ProductoDatos(p.Producto, p.Familia, p.Cantidad, p.Unidad, p.Periodo)).ToList(),
            a.Latitud,
            a.Longitud,
            a.Lugar,
            a.RepresentanteMujer,
            a.ProporcionMujeres is { } p ? Math.Round(p * 100, 4) : null,
            a.Zona,
            a.IncluyeVictimas,
            EnfoqueDiferencial.LeerGrupos(a.GruposEtnicos));
        return new AsociacionCargada(a.Id, datos, a.Version, a.EsDemo, a.Origen, a.ActualizadaPor, a.ActualizadaEn);
    }

    /// <summary>
    /// Creates (<paramref name="id"/> null) or updates an association. An update goes through only if the stored version
    /// is still <paramref name="version"/>, the one the form loaded.
    /// </summary>
    public static async Task<ResultadoGuardado> GuardarAsync(AppDbContext db, Actor actor, int? id, AsociacionDatos datos, Guid version,
        ReglasAsociacion reglas, DateTime ahora, CancellationToken ct = default)
    {
        var errores = AsociacionValidacion.Validar(datos, reglas);
        if (errores.Count > 0) return new(EstadoGuardado.Invalida, id, errores);
        var valida = AsociacionValidacion.Normalizar(datos);
        if (valida.Nit is { } nit && await db.Asociaciones.Where(a => a.Nit == nit && a.Id != id).Select(a => a.Nombre).FirstOrDefaultAsync(ct) is { } otra)
            return new(EstadoGuardado.Invalida, id, [new ErrorCampo(CamposAsociacion.Nit, $"Este NIT ya es de otra asociación del registro: «{otra}».")]);

        if (id is null)
        {
            var nueva = new Asociacion { Fuente = FuenteSecretaria, Municipio = reglas.Municipio, Origen = Asociacion.Secretaria };
            Aplicar(db, nueva, valida, actor, ahora);
            db.Asociaciones.Add(nueva);
            // The key is the database's: the entry that names it is written in the same transaction, right after.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            Auditoria.Registrar(db, actor.Email, "crear", Auditoria.Asociacion, nueva.Id.ToString(Inv), null, Foto(valida), ahora);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new(EstadoGuardado.Guardada, nueva.Id, []);
        }

        var a = await db.Asociaciones.Include(x => x.Productos).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return ResultadoGuardado.Conflicto; // deleted meanwhile
        var antes = Foto(a);
        // The UPDATE's WHERE carries the version the form loaded, not the one just read: if anyone saved since the form
        // loaded (before this read or between it and the write), no row matches and EF raises DbUpdateConcurrencyException;
        // the whole SaveChanges (products, audit entry) is rolled back.
        db.Entry(a).Property(x => x.Version).OriginalValue = version;
        Aplicar(db, a, valida, actor, ahora);
        Auditoria.Registrar(db, actor.Email, "editar", Auditoria.Asociacion, a.Id.ToString(Inv), antes, Foto(valida), ahora);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ResultadoGuardado.Conflicto;
        }
        return new(EstadoGuardado.Guardada, a.Id, []);
    }

    /// <summary>Deletes an association (and its products) if it is still at <paramref name="version"/>.</summary>
    public static async Task<ResultadoGuardado> EliminarAsync(AppDbContext db, Actor actor, int id, Guid version, DateTime ahora, CancellationToken ct = default)
    {
        var a = await db.Asociaciones.Include(x => x.Productos).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return ResultadoGuardado.Conflicto; // deleted meanwhile
        db.Entry(a).Property(x => x.Version).OriginalValue = version;
        var antes = Foto(a);
        db.ProductosAsociacion.RemoveRange(a.Productos);
        db.Asociaciones.Remove(a);
        Auditoria.Registrar(db, actor.Email, "eliminar", Auditoria.Asociacion, id.ToString(Inv), antes, null, ahora);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ResultadoGuardado.Conflicto;
        }
        return new(EstadoGuardado.Guardada, id, []);
    }

    private static void Aplicar(AppDbContext db, Asociacion a, AsociacionValida v, Actor actor, DateTime ahora)
    {
        a.Nombre = v.Nombre;
        a.Nit = v.Nit;
        (a.Latitud, a.Longitud, a.Lugar) = (v.Latitud, v.Longitud, v.Lugar);
        a.RepresentanteMujer = v.RepresentanteMujer;
        a.ProporcionMujeres = v.ProporcionMujeres;
        a.Zona = v.Zona;
        a.IncluyeVictimas = v.IncluyeVictimas;
        a.GruposEtnicos = v.GruposEtnicos;
        a.ActualizadaPor = actor.Email;
        a.ActualizadaEn = ahora;
        a.Version = Guid.NewGuid();
        // Rows keep their ids in order (the public card lists products by id); extra rows go, new ones are added.
        var actuales = a.Productos.OrderBy(p => p.Id).ToList();
        for (var i = 0; i < v.Productos.Count; i++)
        {
            var p = i < actuales.Count ? actuales[i] : new ProductoAsociacion();
            (p.Producto, p.Familia, p.Cantidad, p.Unidad, p.Periodo) = (v.Productos[i].Producto, v.Productos[i].Familia, v.Productos[i].Cantidad,
                v.Productos[i].Unidad, v.Productos[i].Periodo);
            if (i >= actuales.Count) a.Productos.Add(p);
        }
        foreach (var sobra in actuales.Skip(v.Productos.Count))
        {
            a.Productos.Remove(sobra);
            db.ProductosAsociacion.Remove(sobra);
        }
    }

    private static AsociacionAuditada Foto(Asociacion a) => new(
        a.Nombre, a.Nit, a.Latitud, a.Longitud, a.Lugar, a.RepresentanteMujer, a.ProporcionMujeres, a.Zona, a.IncluyeVictimas, a.GruposEtnicos,
        a.Productos.OrderBy(p => p.Id).Select(p => new ProductoValido(p.Producto, p.Familia, p.Cantidad, p.Unidad, p.Periodo)).ToList());

    private static AsociacionAuditada Foto(AsociacionValida v) => new(
        v.Nombre, v.Nit, v.Latitud, v.Longitud, v.Lugar, v.RepresentanteMujer, v.ProporcionMujeres, v.Zona, v.IncluyeVictimas, v.GruposEtnicos, v.Productos);
}
