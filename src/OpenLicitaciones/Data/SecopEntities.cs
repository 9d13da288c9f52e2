namespace OpenLicitaciones.Data;

/// <summary>Columns every synced SECOP row carries: where it came from and Socrata's system fields.</summary>
public abstract class SyncedRow
{
    /// <summary>"demo" or "socrata" (CONTRACTS §6: demo rows are removed when live data arrives).</summary>
    public string Source { get; set; } = "";
    public string? SodaId { get; set; }
    public string? SodaUpdatedAt { get; set; }
}

/// <summary>b6m4-qgqv: one PAA header per entity-year-version.</summary>
public sealed class PaaHeader : SyncedRow
{
    public string IdentificadorUnico { get; set; } = "";
    public int Anno { get; set; }
    public string? CodigoEntidad { get; set; }
    public string? NombreEntidad { get; set; }
    public long? ValorPresupuestoGeneral { get; set; }
    public DateTime? FechaPublicacion { get; set; }
    public DateTime? FechaUltimaModificacion { get; set; }
    public int? Version { get; set; }
    public string? Estado { get; set; }
    public string? DepartamentoPaa { get; set; }
    public string? MunicipioPaa { get; set; }
}

/// <summary>9sue-ezhx: one planned purchase line of one PAA version.</summary>
public sealed class PaaLine : SyncedRow
{
    public string Id { get; set; } = "";
    public string? IdentificadorUnico { get; set; }
    public string Descripcion { get; set; } = "";
    public int? MesEsperadoInicio { get; set; }
    public int? MesEsperadoRecepcion { get; set; }
    public int? DuracionEsperada { get; set; }
    public string? UnidadDuracion { get; set; }
    public string? OrigenRecursos { get; set; }
    public long? ValorTotalEsperado { get; set; }
    public long? ValorEsperadoVigencia { get; set; }
    public string? Modalidad { get; set; }
    /// <summary>Plain 8-digit codes wrapped in ';' (";50401500;50101700;") so a prefix is one LIKE away.</summary>
    public string CategoriasUnspsc { get; set; } = ";";
    public string? ProcesosRelacionados { get; set; }
    public string? UrlProceso { get; set; }
    public string CodigoEntidad { get; set; } = "";
    public string? NombreEntidad { get; set; }
    public string? NitEntidad { get; set; }
    public string? IdPaaEncabezado { get; set; }
    public int Annio { get; set; }
    public int VersionDelPaa { get; set; }
    public DateTime? FechaVersion { get; set; }
    /// <summary>Identity of the line across PAA versions (CONTRACTS §2).</summary>
    public string Fingerprint { get; set; } = "";
}

/// <summary>Which PAA version is the one readers see for an entity-year; switched in one transaction.</summary>
public sealed class PaaVigente
{
    public string CodigoEntidad { get; set; } = "";
    public int Annio { get; set; }
    public int Version { get; set; }
    public int? VersionAnterior { get; set; }
}

/// <summary>p6dx-8zbt: one procurement process.</summary>
public sealed class Proceso : SyncedRow
{
    public string IdDelProceso { get; set; } = "";
    public string? IdDelPortafolio { get; set; }
    public string? NoticeUid { get; set; }
    public string? Entidad { get; set; }
    public string NitEntidad { get; set; } = "";
    public string? CodigoEntidad { get; set; }
    public string? DepartamentoEntidad { get; set; }
    public string? CiudadEntidad { get; set; }
    public string? ReferenciaDelProceso { get; set; }
    public string? NombreDelProcedimiento { get; set; }
    public string? Descripcion { get; set; }
    public string? Fase { get; set; }
    public DateTime? FechaPublicacion { get; set; }
    public DateTime? FechaUltimaPublicacion { get; set; }
    public DateTime? FechaRecepcion { get; set; }
    public DateTime? FechaAdjudicacion { get; set; }
    public long? PrecioBase { get; set; }
    public string? Modalidad { get; set; }
    public string? JustificacionModalidad { get; set; }
    public int? Duracion { get; set; }
    public string? UnidadDuracion { get; set; }
    public string? NombreUnidad { get; set; }
    public int? ProveedoresInvitados { get; set; }
    public int? RespuestasAlProcedimiento { get; set; }
    public int? ProveedoresUnicos { get; set; }
    public string? EstadoDelProcedimiento { get; set; }
    public string? EstadoResumen { get; set; }
    public string? EstadoApertura { get; set; }
    public bool? Adjudicado { get; set; }
    public string? IdAdjudicacion { get; set; }
    public string? CodigoProveedor { get; set; }
    public string? NitProveedorAdjudicado { get; set; }
    public string? NombreProveedor { get; set; }
    public string? DepartamentoProveedor { get; set; }
    public string? CiudadProveedor { get; set; }
    public long? ValorTotalAdjudicacion { get; set; }
    public string? CodigoPrincipalCategoria { get; set; }
    public string? CategoriasAdicionales { get; set; }
    public string? TipoContrato { get; set; }
    public string? SubtipoContrato { get; set; }
    public string? UrlProceso { get; set; }
}

/// <summary>jbjy-vk9h: one electronic contract.</summary>
public sealed class Contrato : SyncedRow
{
    public string IdContrato { get; set; } = "";
    public string? ProcesoDeCompra { get; set; }
    public string? NoticeUid { get; set; }
    public string? ReferenciaDelContrato { get; set; }
    public string? NombreEntidad { get; set; }
    /// <summary>Canonical 9-digit NIT (the API sometimes glues the check digit on).</summary>
    public string NitEntidad { get; set; } = "";
    public string? CodigoEntidad { get; set; }
    public string? Departamento { get; set; }
    public string? Ciudad { get; set; }
    public string? EstadoContrato { get; set; }
    public string? CodigoCategoriaPrincipal { get; set; }
    public string? DescripcionDelProceso { get; set; }
    public string? ObjetoDelContrato { get; set; }
    public string? TipoDeContrato { get; set; }
    public string? Modalidad { get; set; }
    public string? JustificacionModalidad { get; set; }
    public DateTime? FechaDeFirma { get; set; }
    public DateTime? FechaDeInicio { get; set; }
    public DateTime? FechaDeFin { get; set; }
    public DateTime? UltimaActualizacion { get; set; }
    public string? TipoDocProveedor { get; set; }
    public string? DocumentoProveedor { get; set; }
    public string? ProveedorAdjudicado { get; set; }
    public string? CodigoProveedor { get; set; }
    public bool? EsGrupo { get; set; }
    public bool? EsPyme { get; set; }
    public long? ValorDelContrato { get; set; }
    public long? ValorPagado { get; set; }
    public string? OrigenDeLosRecursos { get; set; }
    public string? DestinoGasto { get; set; }
    /// <summary>"Mujer", "Hombre", "Otro" or null (sentinel) — the proxy for women-led, labelled as such.</summary>
    public string? GeneroRepresentanteLegal { get; set; }
    public string? UrlProceso { get; set; }
}

/// <summary>hgi6-6wh3: one bidder in one process (no price).</summary>
public sealed class Proponente : SyncedRow
{
    /// <summary>id_procedimiento + '|' + supplier code (or NIT when the code is missing).</summary>
    public string Id { get; set; } = "";
    public string IdProcedimiento { get; set; } = "";
    public DateTime? FechaPublicacion { get; set; }
    public string? NombreProcedimiento { get; set; }
    public string? NitEntidad { get; set; }
    public string? CodigoEntidad { get; set; }
    public string? EntidadCompradora { get; set; }
    public string? Proveedor { get; set; }
    public string? NitProveedor { get; set; }
    public string? CodigoProveedor { get; set; }
}

/// <summary>wi7w-2nvm: one offer with its value.</summary>
public sealed class Oferta : SyncedRow
{
    /// <summary>id_del_proceso_de_compra + '|' + identificador_de_la_oferta.</summary>
    public string Id { get; set; } = "";
    public string IdentificadorDeLaOferta { get; set; } = "";
    public string IdDelProcesoDeCompra { get; set; } = "";
    public DateTime? FechaDeRegistro { get; set; }
    public string? ReferenciaDeLaOferta { get; set; }
    public long? ValorDeLaOferta { get; set; }
    public string? EntidadCompradora { get; set; }
    public string? NitEntidadCompradora { get; set; }
    public string? Moneda { get; set; }
    public string? ReferenciaDelProceso { get; set; }
    public string? Modalidad { get; set; }
    public bool? InvitacionDirecta { get; set; }
    public string? NombreProveedor { get; set; }
    public string? NitDelProveedor { get; set; }
    public string? CodigoEntidad { get; set; }
    public string? CodigoProveedor { get; set; }
}

/// <summary>qmzu-gj57: a registered supplier (contact data of people is deliberately not kept).</summary>
public sealed class ProveedorRegistrado : SyncedRow
{
    public string Codigo { get; set; } = "";
    public string? Nombre { get; set; }
    public string? Nit { get; set; }
    public bool? EsEntidad { get; set; }
    public bool? EsGrupo { get; set; }
    public bool? EstaActiva { get; set; }
    public DateTime? FechaCreacion { get; set; }
    public string? CodigoCategoriaPrincipal { get; set; }
    public string? DescripcionCategoriaPrincipal { get; set; }
    public string? Pais { get; set; }
    public string? Departamento { get; set; }
    public string? Municipio { get; set; }
    public string? TipoEmpresa { get; set; }
    public string? TipoDocRepresentanteLegal { get; set; }
    public bool? EsPyme { get; set; }
}
