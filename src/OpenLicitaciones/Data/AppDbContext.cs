using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace OpenLicitaciones.Data;

// Money is stored as whole pesos in integer columns (long): SQLite cannot sum or order decimals in SQL,
// and COP amounts in SECOP carry no meaningful cents. Dates are DateTime without a time zone: ISO text in
// SQLite, `timestamp without time zone` in PostgreSQL; both sort and compare correctly in SQL.
/// <summary>
/// The app's one model. Each engine has its own subclass (<see cref="DatabaseProvider"/>) only so that EF keeps one set
/// of migrations per engine; the app itself always works with this type.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<UsuarioStaff>(options), IDataProtectionKeyContext
{
    public DbSet<PaaHeader> PaaHeaders => Set<PaaHeader>();
    public DbSet<PaaLine> PaaLines => Set<PaaLine>();
    public DbSet<PaaVigente> PaaVigentes => Set<PaaVigente>();
    public DbSet<Proceso> Procesos => Set<Proceso>();
    public DbSet<Contrato> Contratos => Set<Contrato>();
    public DbSet<Proponente> Proponentes => Set<Proponente>();
    public DbSet<Oferta> Ofertas => Set<Oferta>();
    public DbSet<ProveedorRegistrado> Proveedores => Set<ProveedorRegistrado>();
    public DbSet<Asociacion> Asociaciones => Set<Asociacion>();
    public DbSet<ProductoAsociacion> ProductosAsociacion => Set<ProductoAsociacion>();
    public DbSet<QuarantinedRow> Quarantine => Set<QuarantinedRow>();
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();
    public DbSet<SyncCheckpoint> SyncCheckpoints => Set<SyncCheckpoint>();
    public DbSet<SyncLease> SyncLeases => Set<SyncLease>();
    public DbSet<InstallationSecret> InstallationSecrets => Set<InstallationSecret>();
    /// <summary>ASP.NET Core's data-protection keys, shared by every app instance on the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<InvitacionStaff> Invitaciones => Set<InvitacionStaff>();
    public DbSet<CertificacionRegistrada> Certificaciones => Set<CertificacionRegistrada>();
    public DbSet<MarcaProductor> MarcasProductor => Set<MarcaProductor>();
    public DbSet<MetaIndicador> Metas => Set<MetaIndicador>();
    public DbSet<DemandaRegistrada> Demanda => Set<DemandaRegistrada>();
    public DbSet<CambioAuditado> Auditoria => Set<CambioAuditado>();
    public DbSet<SemillaAplicada> Semillas => Set<SemillaAplicada>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b); // Identity's users, roles and tokens
        b.Entity<PaaHeader>(e =>
        {
            e.HasKey(x => x.IdentificadorUnico);
            e.HasIndex(x => new { x.CodigoEntidad, x.Anno });
        });
        b.Entity<PaaLine>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.CodigoEntidad, x.Annio, x.VersionDelPaa });
            e.HasIndex(x => x.Fingerprint);
        });
        b.Entity<PaaVigente>().HasKey(x => new { x.CodigoEntidad, x.Annio });
        b.Entity<Proceso>(e =>
        {
            e.HasKey(x => x.IdDelProceso);
            e.HasIndex(x => x.IdDelPortafolio);
            e.HasIndex(x => x.NoticeUid);
            e.HasIndex(x => x.FechaPublicacion);
            e.HasIndex(x => x.CodigoPrincipalCategoria);
        });
        b.Entity<Contrato>(e =>
        {
            e.HasKey(x => x.IdContrato);
            e.HasIndex(x => x.ProcesoDeCompra);
            e.HasIndex(x => x.FechaDeFirma);
            e.HasIndex(x => x.CodigoProveedor);
            e.HasIndex(x => x.DocumentoProveedor);
        });
        b.Entity<Proponente>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.IdProcedimiento);
            e.HasIndex(x => x.CodigoProveedor);
        });
        b.Entity<Oferta>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.IdDelProcesoDeCompra);
            e.HasIndex(x => x.CodigoProveedor);
        });
        b.Entity<ProveedorRegistrado>(e =>
        {
            e.HasKey(x => x.Codigo);
            e.HasIndex(x => x.Nit);
        });
        b.Entity<Asociacion>(e =>
        {
            e.HasMany(x => x.Productos).WithOne().HasForeignKey(x => x.AsociacionId);
            // Rows from before the registry had these columns were all seeded from the files.
            e.Property(x => x.Origen).HasDefaultValue(Asociacion.Archivo);
            e.Property(x => x.EsDemo).HasDefaultValue(false);
            // SQLite adds a NOT NULL column only with a default: rows from before staff edits start at the empty version.
            e.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(Guid.Empty);
        });
        b.Entity<ProductoAsociacion>().Property(x => x.Familia).HasDefaultValue("");
        b.Entity<QuarantinedRow>().HasIndex(x => new { x.Dataset, x.SyncRunId });
        b.Entity<SyncRun>().HasIndex(x => new { x.Dataset, x.FinishedAt });
        b.Entity<SyncCheckpoint>().HasKey(x => x.Dataset);
        b.Entity<SyncLease>(e =>
        {
            e.HasKey(x => x.Dataset);
            // The defaults with which the SQL scripts of versions up to 829ded3 added these columns (SQLite needs one to add a
            // NOT NULL column): databases adopted from those versions and new ones have one schema (LegacyDatabase).
            e.Property(x => x.Machine).HasDefaultValue("");
            e.Property(x => x.ProcessId).HasDefaultValue(0);
            e.Property(x => x.HeartbeatAt).HasDefaultValue(DateTime.MinValue);
        });
        b.Entity<InstallationSecret>().Property(x => x.Id).ValueGeneratedNever();
        b.Entity<InvitacionStaff>().HasIndex(x => x.TokenHash).IsUnique();
        b.Entity<CertificacionRegistrada>().HasIndex(x => x.Nit);
        b.Entity<MarcaProductor>().HasKey(x => x.Nit);
        b.Entity<MetaIndicador>().HasKey(x => new { x.Codigo, x.Anio });
        b.Entity<CambioAuditado>().HasIndex(x => x.Cuando);
        b.Entity<SemillaAplicada>().HasKey(x => x.Nombre);
    }
}
