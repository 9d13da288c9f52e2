using Microsoft.AspNetCore.Identity;

namespace OpenLicitaciones.Data;

/// <summary>A member of the Secretaría's staff who signs in to the staff area (ASP.NET Core Identity).</summary>
public sealed class UsuarioStaff : IdentityUser
{
    public string Nombre { get; set; } = "";
    public DateTime CreadoEn { get; set; }
    /// <summary>Disabled by an admin (or `users disable`): cannot sign in, and open sessions stop at their next check.</summary>
    public bool Deshabilitado { get; set; }
}

/// <summary>An admin's invitation for a new editor: only the token's hash is kept; it works once, before it expires.</summary>
public sealed class InvitacionStaff
{
    public int Id { get; set; }
    public string TokenHash { get; set; } = "";
    public string Email { get; set; } = "";
    public string Rol { get; set; } = "";
    public string CreadaPor { get; set; } = "";
    public DateTime CreadaEn { get; set; }
    public DateTime ExpiraEn { get; set; }
    public DateTime? UsadaEn { get; set; }
}

/// <summary>
/// A supplier's women-led certification (Decreto 1860 de 2021) recorded by staff: it wins over the open-data proxy from
/// its effective date (CONTRACTS §7). Seeded once from data/certificaciones.csv (and the demo file in demo mode).
/// </summary>
public sealed class CertificacionRegistrada
{
    public int Id { get; set; }
    /// <summary>An organisation's NIT without check digit (never a person's document).</summary>
    public string Nit { get; set; } = "";
    public DateOnly Desde { get; set; }
    public DateOnly? Hasta { get; set; }
    public string Evidencia { get; set; } = "";
    public string RegistradaPor { get; set; } = "";
    public DateTime RegistradaEn { get; set; }
    public bool EsDemo { get; set; }
}

/// <summary>A supplier staff marked as a small agricultural producer or ACFC organisation (Ley 2046 de 2020): counts in G10.</summary>
public sealed class MarcaProductor
{
    public string Nit { get; set; } = "";
    public bool PequenoProductor { get; set; }
    public bool Acfc { get; set; }
    public string Evidencia { get; set; } = "";
    public string RegistradaPor { get; set; } = "";
    public DateTime RegistradaEn { get; set; }
}

/// <summary>An indicator's target for a year, as a share (0.35 = 35 %), kept by staff; it overrides Indicadores:Metas.</summary>
public sealed class MetaIndicador
{
    public string Codigo { get; set; } = "";
    public int Anio { get; set; }
    public double Valor { get; set; }
    public string RegistradaPor { get; set; } = "";
    public DateTime RegistradaEn { get; set; }
}

/// <summary>A row of the declared food demand (product and month), seeded once from data/demanda_declarada.csv.</summary>
public sealed class DemandaRegistrada
{
    public int Id { get; set; }
    public string Familia { get; set; } = "";
    public string Producto { get; set; } = "";
    public double Cantidad { get; set; }
    public string Unidad { get; set; } = "";
    public int Mes { get; set; }
    public bool EsDemo { get; set; }
}

/// <summary>One staff change: who, when, what, and the values before and after (JSON). Written with the change; never edited.</summary>
public sealed class CambioAuditado
{
    public long Id { get; set; }
    public DateTime Cuando { get; set; }
    public string Usuario { get; set; } = "";
    /// <summary>crear, editar, eliminar, ingresar …</summary>
    public string Accion { get; set; } = "";
    /// <summary>What was changed: asociacion, certificacion, meta, demanda, usuario, cuarentena, sincronizacion.</summary>
    public string Entidad { get; set; } = "";
    public string Clave { get; set; } = "";
    public string? Antes { get; set; }
    public string? Despues { get; set; }
}

/// <summary>Which data files have been copied into the database: each is seeded on the first start only.</summary>
public sealed class SemillaAplicada
{
    public string Nombre { get; set; } = "";
    public DateTime AplicadaEn { get; set; }
}
