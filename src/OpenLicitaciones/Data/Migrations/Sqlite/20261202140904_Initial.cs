using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenLicitaciones.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Asociaciones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Nombre = table.Column<string>(type: "TEXT", nullable: false),
                    Municipio = table.Column<string>(type: "TEXT", nullable: true),
                    Fuente = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Asociaciones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Contratos",
                columns: table => new
                {
                    IdContrato = table.Column<string>(type: "TEXT", nullable: false),
                    ProcesoDeCompra = table.Column<string>(type: "TEXT", nullable: true),
                    NoticeUid = table.Column<string>(type: "TEXT", nullable: true),
                    ReferenciaDelContrato = table.Column<string>(type: "TEXT", nullable: true),
                    NombreEntidad = table.Column<string>(type: "TEXT", nullable: true),
                    NitEntidad = table.Column<string>(type: "TEXT", nullable: false),
                    CodigoEntidad = table.Column<string>(type: "TEXT", nullable: true),
                    Departamento = table.Column<string>(type: "TEXT", nullable: true),
                    Ciudad = table.Column<string>(type: "TEXT", nullable: true),
                    EstadoContrato = table.Column<string>(type: "TEXT", nullable: true),
                    CodigoCategoriaPrincipal = table.Column<string>(type: "TEXT", nullable: true),
                    DescripcionDelProceso = table.Column<string>(type: "TEXT", nullable: true),
                    ObjetoDelContrato = table.Column<string>(type: "TEXT", nullable: true),
                    TipoDeContrato = table.Column<string>(type: "TEXT", nullable: true),
                    Modalidad = table.Column<string>(type: "TEXT", nullable: true),
                    JustificacionModalidad = table.Column<string>(type: "TEXT", nullable: true),
                    FechaDeFirma = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FechaDeInicio = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FechaDeFin = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UltimaActualizacion = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TipoDocProveedor = table.Column<string>(type: "TEXT", nullable: true),
                    DocumentoProveedor = table.Column<string>(type: "TEXT", nullable: true),
                    ProveedorAdjudicado = table.Column<string>(type: "TEXT", nullable: true),
                    CodigoProveedor = table.Column<string>(type: "TEXT", nullable: true),
                    EsGrupo = table.Column<bool>(type: "INTEGER", nullable: true),
                    EsPyme = table.Column<bool>(type: "INTEGER", nullable: true),
                    ValorDelContrato = table.Column<long>(type: "INTEGER", nullable: true),
                    ValorPagado = table.Column<long>(type: "INTEGER", nullable: true),
                    OrigenDeLosRecursos = table.Column<string>(type: "TEXT", nullable: true),
                    DestinoGasto = table.Column<string>(type: "TEXT", nullable: true),
                    GeneroRepresentanteLegal = table.Column<string>(type: "TEXT", nullable: true),
                    UrlProceso = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    SodaId = table.Column<string>(type: "TEXT", nullable: true),
                    SodaUpdatedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contratos", x => x.IdContrato);
                });

            migrationBuilder.CreateTable(
                name: "InstallationSecrets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstallationSecrets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ofertas",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    IdentificadorDeLaOferta = table.Column<string>(type: "TEXT", nullable: false),
                    IdDelProcesoDeCompra = table.Column<string>(type: "TEXT", nullable: false),
                    FechaDeRegistro = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReferenciaDeLaOferta = table.Column<string>(type: "TEXT", nullable: true),
                    ValorDeLaOferta = table.Column<long>(type: "INTEGER", nullable: true),
                    EntidadCompradora = table.Column<string>(type: "TEXT", nullable: true),
                    NitEntidadCompradora = table.Column<string>(type: "TEXT", nullable: true),
                    Moneda = table.Column<string>(type: "TEXT", nullable: true),
                    ReferenciaDelProceso = table.Column<string>(type: "TEXT", nullable: true),
                    Modalidad = table.Column<string>(type: "TEXT", nullable: true),
                    InvitacionDirecta = table.Column<bool>(type: "INTEGER", nullable: true),
                    NombreProveedor = table.Column<string>(type: "TEXT", nullable: true),
                    NitDelProveedor = table.Column<string>(type: "TEXT", nullable: true),
                    CodigoEntidad = table.Column<string>(type: "TEXT", nullable: true),
                    CodigoProveedor = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    SodaId = table.Column<string>(type: "TEXT", nullable: true),
                    SodaUpdatedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ofertas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaaHeaders",
                columns: table => new
                {
                    IdentificadorUnico = table.Column<string>(type: "TEXT", nullable: false),
                    Anno = table.Column<int>(type: "INTEGER", nullable: false),
                    CodigoEntidad = table.Column<string>(type: "TEXT", nullable: true),
                    NombreEntidad = table.Column<string>(type: "TEXT", nullable: true),
                    ValorPresupuestoGeneral = table.Column<long>(type: "INTEGER", nullable: true),
                    FechaPublicacion = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FechaUltimaModificacion = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: true),
                    Estado = table.Column<string>(type: "TEXT", nullable: true),
                    DepartamentoPaa = table.Column<string>(type: "TEXT", nullable: true),
                    MunicipioPaa = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    SodaId = table.Column<string>(type: "TEXT", nullable: true),
                    SodaUpdatedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaaHeaders", x => x.IdentificadorUnico);
                });

            migrationBuilder.CreateTable(
                name: "PaaLines",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    IdentificadorUnico = table.Column<string>(type: "TEXT", nullable: true),
                    Descripcion = table.Column<string>(type: "TEXT", nullable: false),
                    MesEsperadoInicio = table.Column<int>(type: "INTEGER", nullable: true),
                    MesEsperadoRecepcion = table.Column<int>(type: "INTEGER", nullable: true),
                    DuracionEsperada = table.Column<int>(type: "INTEGER", nullable: true),
                    UnidadDuracion = table.Column<string>(type: "TEXT", nullable: true),
                    OrigenRecursos = table.Column<string>(type: "TEXT", nullable: true),
                    ValorTotalEsperado = table.Column<long>(type: "INTEGER", nullable: true),
                    ValorEsperadoVigencia = table.Column<long>(type: "INTEGER", nullable: true),
                    Modalidad = table.Column<string>(type: "TEXT", nullable: true),
                    CategoriasUnspsc = table.Column<string>(type: "TEXT", nullable: false),
                    ProcesosRelacionados = table.Column<string>(type: "TEXT", nullable: true),
                    UrlProceso = table.Column<string>(type: "TEXT", nullable: true),
                    CodigoEntidad = table.Column<string>(type: "TEXT", nullable: false),
                    NombreEntidad = table.Column<string>(type: "TEXT", nullable: true),
                    NitEntidad = table.Column<string>(type: "TEXT", nullable: true),
                    IdPaaEncabezado = table.Column<string>(type: "TEXT", nullable: true),
                    Annio = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionDelPaa = table.Column<int>(type: "INTEGER", nullable: false),
                    FechaVersion = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Fingerprint = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    SodaId = table.Column<string>(type: "TEXT", nullable: true),
                    SodaUpdatedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaaLines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaaVigentes",
                columns: table => new
                {
                    CodigoEntidad = table.Column<string>(type: "TEXT", nullable: false),
                    Annio = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionAnterior = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaaVigentes", x => new { x.CodigoEntidad, x.Annio });
                });

            migrationBuilder.CreateTable(
                name: "Procesos",
                columns: table => new
                {
                    IdDelProceso = table.Column<string>(type: "TEXT", nullable: false),
                    IdDelPortafolio = table.Column<string>(type: "TEXT", nullable: true),
                    NoticeUid = table.Column<string>(type: "TEXT", nullable: true),
                    Entidad = table.Column<string>(type: "TEXT", nullable: true),
                    NitEntidad = table.Column<string>(type: "TEXT", nullable: false),
                    CodigoEntidad = table.Column<string>(type: "TEXT", nullable: true),
                    DepartamentoEntidad = table.Column<string>(type: "TEXT", nullable: true),
                    CiudadEntidad = table.Column<string>(type: "TEXT", nullable: true),
                    ReferenciaDelProceso = table.Column<string>(type: "TEXT", nullable: true),
                    NombreDelProcedimiento = table.Column<string>(type: "TEXT", nullable: true),
                    Descripcion = table.Column<string>(type: "TEXT", nullable: true),
                    Fase = table.Column<string>(type: "TEXT", nullable: true),
                    FechaPublicacion = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FechaUltimaPublicacion = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FechaRecepcion = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FechaAdjudicacion = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PrecioBase = table.Column<long>(type: "INTEGER", nullable: true),
                    Modalidad = table.Column<string>(type: "TEXT", nullable: true),
                    JustificacionModalidad = table.Column<string>(type: "TEXT", nullable: true),
                    Duracion = table.Column<int>(type: "INTEGER", nullable: true),
                    UnidadDuracion = table.Column<string>(type: "TEXT", nullable: true),
                    NombreUnidad = table.Column<string>(type: "TEXT", nullable: true),
                    ProveedoresInvitados = table.Column<int>(type: "INTEGER", nullable: true),
                    RespuestasAlProcedimiento = table.Column<int>(type: "INTEGER", nullable: true),
                    ProveedoresUnicos = table.Column<int>(type: "INTEGER", nullable: true),
                    EstadoDelProcedimiento = table.Column<string>(type: "TEXT", nullable: true),
                    EstadoResumen = table.Column<string>(type: "TEXT", nullable: true),
                    EstadoApertura = table.Column<string>(type: "TEXT", nullable: true),
                    Adjudicado = table.Column<bool>(type: "INTEGER", nullable: true),
                    IdAdjudicacion = table.Column<string>(type: "TEXT", nullable: true),
                    CodigoProveedor = table.Column<string>(type: "TEXT", nullable: true),
                    NitProveedorAdjudicado = table.Column<string>(type: "TEXT", nullable: true),
                    NombreProveedor = table.Column<string>(type: "TEXT", nullable: true),
                    DepartamentoProveedor = table.Column<string>(type: "TEXT", nullable: true),
                    CiudadProveedor = table.Column<string>(type: "TEXT", nullable: true),
                    ValorTotalAdjudicacion = table.Column<long>(type: "INTEGER", nullable: true),
                    CodigoPrincipalCategoria = table.Column<string>(type: "TEXT", nullable: true),
                    CategoriasAdicionales = table.Column<string>(type: "TEXT", nullable: true),
                    TipoContrato = table.Column<string>(type: "TEXT", nullable: true),
                    SubtipoContrato = table.Column<string>(type: "TEXT", nullable: true),
                    UrlProceso = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    SodaId = table.Column<string>(type: "TEXT", nullable: true),
                    SodaUpdatedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procesos", x => x.IdDelProceso);
                });

            migrationBuilder.CreateTable(
                name: "Proponentes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    IdProcedimiento = table.Column<string>(type: "TEXT", nullable: false),
                    FechaPublicacion = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NombreProcedimiento = table.Column<string>(type: "TEXT", nullable: true),
                    NitEntidad = table.Column<string>(type: "TEXT", nullable: true),
                    CodigoEntidad = table.Column<string>(type: "TEXT", nullable: true),
                    EntidadCompradora = table.Column<string>(type: "TEXT", nullable: true),
                    Proveedor = table.Column<string>(type: "TEXT", nullable: true),
                    NitProveedor = table.Column<string>(type: "TEXT", nullable: true),
                    CodigoProveedor = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    SodaId = table.Column<string>(type: "TEXT", nullable: true),
                    SodaUpdatedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proponentes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Proveedores",
                columns: table => new
                {
                    Codigo = table.Column<string>(type: "TEXT", nullable: false),
                    Nombre = table.Column<string>(type: "TEXT", nullable: true),
                    Nit = table.Column<string>(type: "TEXT", nullable: true),
                    EsEntidad = table.Column<bool>(type: "INTEGER", nullable: true),
                    EsGrupo = table.Column<bool>(type: "INTEGER", nullable: true),
                    EstaActiva = table.Column<bool>(type: "INTEGER", nullable: true),
                    FechaCreacion = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CodigoCategoriaPrincipal = table.Column<string>(type: "TEXT", nullable: true),
                    DescripcionCategoriaPrincipal = table.Column<string>(type: "TEXT", nullable: true),
                    Pais = table.Column<string>(type: "TEXT", nullable: true),
                    Departamento = table.Column<string>(type: "TEXT", nullable: true),
                    Municipio = table.Column<string>(type: "TEXT", nullable: true),
                    TipoEmpresa = table.Column<string>(type: "TEXT", nullable: true),
                    TipoDocRepresentanteLegal = table.Column<string>(type: "TEXT", nullable: true),
                    EsPyme = table.Column<bool>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    SodaId = table.Column<string>(type: "TEXT", nullable: true),
                    SodaUpdatedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proveedores", x => x.Codigo);
                });

            migrationBuilder.CreateTable(
                name: "Quarantine",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SyncRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Dataset = table.Column<string>(type: "TEXT", nullable: false),
                    RowKey = table.Column<string>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    RawJson = table.Column<string>(type: "TEXT", nullable: false),
                    QuarantinedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quarantine", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SyncCheckpoints",
                columns: table => new
                {
                    Dataset = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    RowId = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncCheckpoints", x => x.Dataset);
                });

            migrationBuilder.CreateTable(
                name: "SyncLeases",
                columns: table => new
                {
                    Dataset = table.Column<string>(type: "TEXT", nullable: false),
                    Holder = table.Column<string>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Machine = table.Column<string>(type: "TEXT", nullable: false, defaultValue: ""),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    ProcessStart = table.Column<string>(type: "TEXT", nullable: true),
                    HeartbeatAt = table.Column<DateTime>(type: "TEXT", nullable: false, defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified))
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncLeases", x => x.Dataset);
                });

            migrationBuilder.CreateTable(
                name: "SyncRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Dataset = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RowsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsUpserted = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsQuarantined = table.Column<int>(type: "INTEGER", nullable: false),
                    UnknownColumns = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    Holder = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductosAsociacion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AsociacionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Producto = table.Column<string>(type: "TEXT", nullable: false),
                    Cantidad = table.Column<double>(type: "REAL", nullable: true),
                    Unidad = table.Column<string>(type: "TEXT", nullable: true),
                    Periodo = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductosAsociacion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductosAsociacion_Asociaciones_AsociacionId",
                        column: x => x.AsociacionId,
                        principalTable: "Asociaciones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contratos_CodigoProveedor",
                table: "Contratos",
                column: "CodigoProveedor");

            migrationBuilder.CreateIndex(
                name: "IX_Contratos_DocumentoProveedor",
                table: "Contratos",
                column: "DocumentoProveedor");

            migrationBuilder.CreateIndex(
                name: "IX_Contratos_FechaDeFirma",
                table: "Contratos",
                column: "FechaDeFirma");

            migrationBuilder.CreateIndex(
                name: "IX_Contratos_ProcesoDeCompra",
                table: "Contratos",
                column: "ProcesoDeCompra");

            migrationBuilder.CreateIndex(
                name: "IX_Ofertas_CodigoProveedor",
                table: "Ofertas",
                column: "CodigoProveedor");

            migrationBuilder.CreateIndex(
                name: "IX_Ofertas_IdDelProcesoDeCompra",
                table: "Ofertas",
                column: "IdDelProcesoDeCompra");

            migrationBuilder.CreateIndex(
                name: "IX_PaaHeaders_CodigoEntidad_Anno",
                table: "PaaHeaders",
                columns: new[] { "CodigoEntidad", "Anno" });

            migrationBuilder.CreateIndex(
                name: "IX_PaaLines_CodigoEntidad_Annio_VersionDelPaa",
                table: "PaaLines",
                columns: new[] { "CodigoEntidad", "Annio", "VersionDelPaa" });

            migrationBuilder.CreateIndex(
                name: "IX_PaaLines_Fingerprint",
                table: "PaaLines",
                column: "Fingerprint");

            migrationBuilder.CreateIndex(
                name: "IX_Procesos_CodigoPrincipalCategoria",
                table: "Procesos",
                column: "CodigoPrincipalCategoria");

            migrationBuilder.CreateIndex(
                name: "IX_Procesos_FechaPublicacion",
                table: "Procesos",
                column: "FechaPublicacion");

            migrationBuilder.CreateIndex(
                name: "IX_Procesos_IdDelPortafolio",
                table: "Procesos",
                column: "IdDelPortafolio");

            migrationBuilder.CreateIndex(
                name: "IX_Procesos_NoticeUid",
                table: "Procesos",
                column: "NoticeUid");

            migrationBuilder.CreateIndex(
                name: "IX_ProductosAsociacion_AsociacionId",
                table: "ProductosAsociacion",
                column: "AsociacionId");

            migrationBuilder.CreateIndex(
                name: "IX_Proponentes_CodigoProveedor",
                table: "Proponentes",
                column: "CodigoProveedor");

            migrationBuilder.CreateIndex(
                name: "IX_Proponentes_IdProcedimiento",
                table: "Proponentes",
                column: "IdProcedimiento");

            migrationBuilder.CreateIndex(
                name: "IX_Proveedores_Nit",
                table: "Proveedores",
                column: "Nit");

            migrationBuilder.CreateIndex(
                name: "IX_Quarantine_Dataset_SyncRunId",
                table: "Quarantine",
                columns: new[] { "Dataset", "SyncRunId" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_Dataset_FinishedAt",
                table: "SyncRuns",
                columns: new[] { "Dataset", "FinishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Contratos");

            migrationBuilder.DropTable(
                name: "InstallationSecrets");

            migrationBuilder.DropTable(
                name: "Ofertas");

            migrationBuilder.DropTable(
                name: "PaaHeaders");

            migrationBuilder.DropTable(
                name: "PaaLines");

            migrationBuilder.DropTable(
                name: "PaaVigentes");

            migrationBuilder.DropTable(
                name: "Procesos");

            migrationBuilder.DropTable(
                name: "ProductosAsociacion");

            migrationBuilder.DropTable(
                name: "Proponentes");

            migrationBuilder.DropTable(
                name: "Proveedores");

            migrationBuilder.DropTable(
                name: "Quarantine");

            migrationBuilder.DropTable(
                name: "SyncCheckpoints");

            migrationBuilder.DropTable(
                name: "SyncLeases");

            migrationBuilder.DropTable(
                name: "SyncRuns");

            migrationBuilder.DropTable(
                name: "Asociaciones");
        }
    }
}
