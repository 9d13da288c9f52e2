using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Admin;

/// <summary>What staff type to record a women-led certification (Decreto 1860 de 2021).</summary>
public sealed class FormCertificacion
{
    public int? Id { get; set; }
    public string Nit { get; set; } = "";
    public DateTime? Desde { get; set; }
    public DateTime? Hasta { get; set; }
    public string Evidencia { get; set; } = "";
}

/// <summary>What staff type to mark a supplier as a small producer or ACFC organisation (Ley 2046 de 2020).</summary>
public sealed class FormMarca
{
    public string Nit { get; set; } = "";
    public bool PequenoProductor { get; set; } = true;
    public bool Acfc { get; set; }
    public string Evidencia { get; set; } = "";
}

/// <summary>A certification as the staff list shows it, with the supplier's name when SECOP knows the NIT.</summary>
public sealed record CertificacionFila(int Id, string Nit, string? Proveedor, DateOnly Desde, DateOnly? Hasta, string Evidencia, string RegistradaPor,
    DateTime RegistradaEn, bool EsDemo)
{
    public string Estado(DateOnly hoy) => Desde > hoy ? "Desde el " + Components.Format.Date(Desde.ToDateTime(TimeOnly.MinValue))
        : Hasta < hoy ? "Vencida" : "Vigente";
}

public sealed record MarcaFila(string Nit, string? Proveedor, bool PequenoProductor, bool Acfc, string Evidencia, string RegistradaPor, DateTime RegistradaEn);

/// <summary>Validation of the staff's certification and producer forms: field → message, empty when valid.</summary>
public static class ValidacionCertificaciones
{
    public const int EvidenciaMaxima = 300;

    public static Dictionary<string, string> Validar(FormCertificacion f)
    {
        var errores = new Dictionary<string, string>();
        if (Nit.ValidarOrganizacion(f.Nit).Error is { } nit) errores[nameof(f.Nit)] = nit;
        if (f.Desde is null) errores[nameof(f.Desde)] = "Escriba desde cuándo rige la certificación.";
        if (f.Desde is { } desde && f.Hasta is { } hasta && hasta.Date < desde.Date) errores[nameof(f.Hasta)] = "La certificación no puede vencer antes de empezar.";
        Evidencia(f.Evidencia, errores);
        return errores;
    }

    public static Dictionary<string, string> Validar(FormMarca f)
    {
        var errores = new Dictionary<string, string>();
        if (Nit.ValidarOrganizacion(f.Nit).Error is { } nit) errores[nameof(f.Nit)] = nit;
        if (!f.PequenoProductor && !f.Acfc) errores[nameof(f.PequenoProductor)] = "Marque al menos una: pequeño productor u organización ACFC.";
        Evidencia(f.Evidencia, errores);
        return errores;
    }

    private static void Evidencia(string texto, Dictionary<string, string> errores)
    {
        if (string.IsNullOrWhiteSpace(texto)) errores[nameof(FormCertificacion.Evidencia)] = "Escriba la referencia de la evidencia (acta, resolución o documento).";
        else if (texto.Trim().Length > EvidenciaMaxima) errores[nameof(FormCertificacion.Evidencia)] = $"La referencia puede tener hasta {EvidenciaMaxima} caracteres.";
    }
}

/// <summary>Reads and writes the certifications and producer marks; every write carries its audit entry in the same SaveChanges.</summary>
public static class CertificacionesPersonal
{
    public static async Task<IReadOnlyList<CertificacionFila>> ListarAsync(AppDbContext db, CancellationToken ct = default)
    {
        var filas = await db.Certificaciones.AsNoTracking().OrderByDescending(c => c.Desde).ThenBy(c => c.Id).ToListAsync(ct);
        var nombres = await NombresAsync(db, filas.Select(f => f.Nit), ct);
        return filas.Select(c => new CertificacionFila(c.Id, c.Nit, nombres.GetValueOrDefault(c.Nit), c.Desde, c.Hasta, c.Evidencia, c.RegistradaPor,
            c.RegistradaEn, c.EsDemo)).ToList();
    }

    public static async Task<IReadOnlyList<MarcaFila>> MarcasAsync(AppDbContext db, CancellationToken ct = default)
    {
        var filas = await db.MarcasProductor.AsNoTracking().OrderBy(m => m.Nit).ToListAsync(ct);
        var nombres = await NombresAsync(db, filas.Select(f => f.Nit), ct);
        return filas.Select(m => new MarcaFila(m.Nit, nombres.GetValueOrDefault(m.Nit), m.PequenoProductor, m.Acfc, m.Evidencia, m.RegistradaPor, m.RegistradaEn))
            .ToList();
    }

    /// <summary>The supplier's name in SECOP's registry or in its contracts, to confirm the NIT typed is the one meant.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NombresAsync(AppDbContext db, IEnumerable<string> nits, CancellationToken ct = default)
    {
        var lista = nits.Distinct().ToList();
        var spellings = lista.SelectMany(Nit.Spellings).ToList();
        var registrados = await db.Proveedores.AsNoTracking().Where(p => p.Nit != null && lista.Contains(p.Nit) && p.Nombre != null)
            .Select(p => new { Nit = p.Nit!, Nombre = p.Nombre! }).ToListAsync(ct);
        var contratados = await db.Contratos.AsNoTracking().Where(c => c.DocumentoProveedor != null && spellings.Contains(c.DocumentoProveedor) && c.ProveedorAdjudicado != null)
            .Select(c => new { Documento = c.DocumentoProveedor!, Nombre = c.ProveedorAdjudicado! }).Distinct().Take(500).ToListAsync(ct);
        var nombres = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in registrados) nombres.TryAdd(r.Nit, r.Nombre);
        foreach (var c in contratados)
            if (Nit.Canonical(c.Documento) is { } nit) nombres.TryAdd(nit, c.Nombre);
        return nombres;
    }

    /// <summary>Creates or updates; null when the certification to update no longer exists.</summary>
    public static async Task<CertificacionRegistrada?> GuardarAsync(AppDbContext db, Actor actor, FormCertificacion f, DateTime ahora, CancellationToken ct = default)
    {
        var nit = Nit.ValidarOrganizacion(f.Nit).Nit ?? throw new ArgumentException("NIT inválido", nameof(f));
        var fila = f.Id is { } id ? await db.Certificaciones.FirstOrDefaultAsync(c => c.Id == id, ct) : new CertificacionRegistrada();
        if (fila is null) return null;
        var antes = f.Id is null ? null : Resumen(fila);
        fila.Nit = nit;
        fila.Desde = DateOnly.FromDateTime(f.Desde!.Value);
        fila.Hasta = f.Hasta is { } h ? DateOnly.FromDateTime(h) : null;
        fila.Evidencia = f.Evidencia.Trim();
        fila.RegistradaPor = actor.Email;
        fila.RegistradaEn = ahora;
        if (f.Id is null) db.Certificaciones.Add(fila);
        Auditoria.Registrar(db, actor.Email, f.Id is null ? "crear" : "editar", Auditoria.Certificacion, $"NIT {nit}", antes, Resumen(fila), ahora);
        await db.SaveChangesAsync(ct);
        return fila;
    }

    public static async Task<bool> EliminarAsync(AppDbContext db, Actor actor, int id, DateTime ahora, CancellationToken ct = default)
    {
        if (await db.Certificaciones.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } fila) return false;
        db.Certificaciones.Remove(fila);
        Auditoria.Registrar(db, actor.Email, "eliminar", Auditoria.Certificacion, $"NIT {fila.Nit}", Resumen(fila), null, ahora);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static async Task GuardarMarcaAsync(AppDbContext db, Actor actor, FormMarca f, DateTime ahora, CancellationToken ct = default)
    {
        var nit = Nit.ValidarOrganizacion(f.Nit).Nit ?? throw new ArgumentException("NIT inválido", nameof(f));
        var fila = await db.MarcasProductor.FirstOrDefaultAsync(m => m.Nit == nit, ct);
        var antes = fila is null ? null : new { fila.PequenoProductor, fila.Acfc, fila.Evidencia };
        if (fila is null) db.MarcasProductor.Add(fila = new MarcaProductor { Nit = nit });
        fila.PequenoProductor = f.PequenoProductor;
        fila.Acfc = f.Acfc;
        fila.Evidencia = f.Evidencia.Trim();
        fila.RegistradaPor = actor.Email;
        fila.RegistradaEn = ahora;
        Auditoria.Registrar(db, actor.Email, antes is null ? "crear" : "editar", Auditoria.Productor, $"NIT {nit}", antes,
            new { fila.PequenoProductor, fila.Acfc, fila.Evidencia }, ahora);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<bool> EliminarMarcaAsync(AppDbContext db, Actor actor, string nit, DateTime ahora, CancellationToken ct = default)
    {
        if (await db.MarcasProductor.FirstOrDefaultAsync(m => m.Nit == nit, ct) is not { } fila) return false;
        db.MarcasProductor.Remove(fila);
        Auditoria.Registrar(db, actor.Email, "eliminar", Auditoria.Productor, $"NIT {nit}", new { fila.PequenoProductor, fila.Acfc, fila.Evidencia }, null, ahora);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static object Resumen(CertificacionRegistrada c) => new { c.Nit, Desde = c.Desde.ToString("yyyy-MM-dd"), Hasta = c.Hasta?.ToString("yyyy-MM-dd"), c.Evidencia };
}
