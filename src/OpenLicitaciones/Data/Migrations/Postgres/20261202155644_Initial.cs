using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenLicitaciones.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Nombre = table.Column<string>(type: "text", nullable: false),
                    Municipio = table.Column<string>(type: "text", nullable: true),
                    Fuente = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Asociaciones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Contratos",
                columns: table => new
                {
                    IdContrato = table.Column<string>(type: "text", nullable: false),
                    ProcesoDeCompra = table.Column<string>(type: "text", nullable: true),
                    NoticeUid = table.Column<string>(type: "text", nullable: true),
                    ReferenciaDelContrato = table.Column<string>(type: "text", nullable: true),
                    NombreEntidad = table.Column<string>(type: "text", nullable: true),
                    NitEntidad = table.Column<string>(type: "text", nullable: false),
                    CodigoEntidad = table.Column<string>(type: "text", nullable: true),
                    Departamento = table.Column<string>(type: "text", nullable: true),
                    Ciudad = table.Column<string>(type: "text", nullable: true),
                    EstadoContrato = table.Column<string>(type: "text", nullable: true),
                    CodigoCategoriaPrincipal = table.Column<string>(type: "text", nullable: true),
                    DescripcionDelProceso = table.Column<string>(type: "text", nullable: true),
                    ObjetoDelContrato = table.Column<string>(type: "text", nullable: true),
                    TipoDeContrato = table.Column<string>(type: "text", nullable: true),
                    Modalidad = table.Column<string>(type: "text", nullable: true),
                    JustificacionModalidad = table.Column<string>(type: "text", nullable: true),
                    FechaDeFirma = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    FechaDeInicio = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    FechaDeFin = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    UltimaActualizacion = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    TipoDocProveedor = table.Column<string>(type: "text", nullable: true),
                    DocumentoProveedor = table.Column<string>(type: "text", nullable: true),
                    ProveedorAdjudicado = table.Column<string>(type: "text", nullable: true),
                    CodigoProveedor = table.Column<string>(type: "text", nullable: true),
                    EsGrupo = table.Column<bool>(type: "boolean", nullable: true),
                    EsPyme = table.Column<bool>(type: "boolean", nullable: true),
                    ValorDelContrato = table.Column<long>(type: "bigint", nullable: true),
                    ValorPagado = table.Column<long>(type: "bigint", nullable: true),
                    OrigenDeLosRecursos = table.Column<string>(type: "text", nullable: true),
                    DestinoGasto = table.Column<string>(type: "text", nullable: true),
                    GeneroRepresentanteLegal = table.Column<string>(type: "text", nullable: true),
                    UrlProceso = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: false),
                    SodaId = table.Column<string>(type: "text", nullable: true),
                    SodaUpdatedAt = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contratos", x => x.IdContrato);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InstallationSecrets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstallationSecrets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ofertas",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    IdentificadorDeLaOferta = table.Column<string>(type: "text", nullable: false),
                    IdDelProcesoDeCompra = table.Column<string>(type: "text", nullable: false),
                    FechaDeRegistro = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ReferenciaDeLaOferta = table.Column<string>(type: "text", nullable: true),
                    ValorDeLaOferta = table.Column<long>(type: "bigint", nullable: true),
                    EntidadCompradora = table.Column<string>(type: "text", nullable: true),
                    NitEntidadCompradora = table.Column<string>(type: "text", nullable: true),
                    Moneda = table.Column<string>(type: "text", nullable: true),
                    ReferenciaDelProceso = table.Column<string>(type: "text", nullable: true),
                    Modalidad = table.Column<string>(type: "text", nullable: true),
                    InvitacionDirecta = table.Column<bool>(type: "boolean", nullable: true),
                    NombreProveedor = table.Column<string>(type: "text", nullable: true),
                    NitDelProveedor = table.Column<string>(type: "text", nullable: true),
                    CodigoEntidad = table.Column<string>(type: "text", nullable: true),
                    CodigoProveedor = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: false),
                    SodaId = table.Column<string>(type: "text", nullable: true),
                    SodaUpdatedAt = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ofertas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaaHeaders",
                columns: table => new
                {
                    IdentificadorUnico = table.Column<string>(type: "text", nullable: false),
                    Anno = table.Column<int>(type: "integer", nullable: false),
                    CodigoEntidad = table.Column<string>(type: "text", nullable: true),
                    NombreEntidad = table.Column<string>(type: "text", nullable: true),
                    ValorPresupuestoGeneral = table.Column<long>(type: "bigint", nullable: true),
                    FechaPublicacion = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    FechaUltimaModificacion = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: true),
                    Estado = table.Column<string>(type: "text", nullable: true),
                    DepartamentoPaa = table.Column<string>(type: "text", nullable: true),
                    MunicipioPaa = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: false),
                    SodaId = table.Column<string>(type: "text", nullable: true),
                    SodaUpdatedAt = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaaHeaders", x => x.IdentificadorUnico);
                });

            migrationBuilder.CreateTable(
                name: "PaaLines",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    IdentificadorUnico = table.Column<string>(type: "text", nullable: true),
                    Descripcion = table.Column<string>(type: "text", nullable: false),
                    MesEsperadoInicio = table.Column<int>(type: "integer", nullable: true),
                    MesEsperadoRecepcion = table.Column<int>(type: "integer", nullable: true),
                    DuracionEsperada = table.Column<int>(type: "integer", nullable: true),
                    UnidadDuracion = table.Column<string>(type: "text", nullable: true),
                    OrigenRecursos = table.Column<string>(type: "text", nullable: true),
                    ValorTotalEsperado = table.Column<long>(type: "bigint", nullable: true),
                    ValorEsperadoVigencia = table.Column<long>(type: "bigint", nullable: true),
                    Modalidad = table.Column<string>(type: "text", nullable: true),
                    CategoriasUnspsc = table.Column<string>(type: "text", nullable: false),
                    ProcesosRelacionados = table.Column<string>(type: "text", nullable: true),
                    UrlProceso = table.Column<string>(type: "text", nullable: true),
                    CodigoEntidad = table.Column<string>(type: "text", nullable: false),
                    NombreEntidad = table.Column<string>(type: "text", nullable: true),
                    NitEntidad = table.Column<string>(type: "text", nullable: true),
                    IdPaaEncabezado = table.Column<string>(type: "text", nullable: true),
                    Annio = table.Column<int>(type: "integer", nullable: false),
                    VersionDelPaa = table.Column<int>(type: "integer", nullable: false),
                    FechaVersion = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Fingerprint = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    SodaId = table.Column<string>(type: "text", nullable: true),
                    SodaUpdatedAt = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaaLines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaaVigentes",
                columns: table => new
                {
                    CodigoEntidad = table.Column<string>(type: "text", nullable: false),
                    Annio = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    VersionAnterior = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaaVigentes", x => new { x.CodigoEntidad, x.Annio });
                });

            migrationBuilder.CreateTable(
                name: "Procesos",
                columns: table => new
                {
                    IdDelProceso = table.Column<string>(type: "text", nullable: false),
                    IdDelPortafolio = table.Column<string>(type: "text", nullable: true),
                    NoticeUid = table.Column<string>(type: "text", nullable: true),
                    Entidad = table.Column<string>(type: "text", nullable: true),
                    NitEntidad = table.Column<string>(type: "text", nullable: false),
                    CodigoEntidad = table.Column<string>(type: "text", nullable: true),
                    DepartamentoEntidad = table.Column<string>(type: "text", nullable: true),
                    CiudadEntidad = table.Column<string>(type: "text", nullable: true),
                    ReferenciaDelProceso = table.Column<string>(type: "text", nullable: true),
                    NombreDelProcedimiento = table.Column<string>(type: "text", nullable: true),
                    Descripcion = table.Column<string>(type: "text", nullable: true),
                    Fase = table.Column<string>(type: "text", nullable: true),
                    FechaPublicacion = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    FechaUltimaPublicacion = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    FechaRecepcion = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    FechaAdjudicacion = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    PrecioBase = table.Column<long>(type: "bigint", nullable: true),
                    Modalidad = table.Column<string>(type: "text", nullable: true),
                    JustificacionModalidad = table.Column<string>(type: "text", nullable: true),
                    Duracion = table.Column<int>(type: "integer", nullable: true),
                    UnidadDuracion = table.Column<string>(type: "text", nullable: true),
                    NombreUnidad = table.Column<string>(type: "text", nullable: true),
                    ProveedoresInvitados = table.Column<int>(type: "integer", nullable: true),
                    RespuestasAlProcedimiento = table.Column<int>(type: "integer", nullable: true),
                    ProveedoresUnicos = table.Column<int>(type: "integer", nullable: true),
                    EstadoDelProcedimiento = table.Column<string>(type: "text", nullable: true),
                    EstadoResumen = table.Column<string>(type: "text", nullable: true),
                    EstadoApertura = table.Column<string>(type: "text", nullable: true),
                    Adjudicado = table.Column<bool>(type: "boolean", nullable: true),
                    IdAdjudicacion = table.Column<string>(type: "text", nullable: true),
                    CodigoProveedor = table.Column<string>(type: "text", nullable: true),
                    NitProveedorAdjudicado = table.Column<string>(type: "text", nullable: true),
                    NombreProveedor = table.Column<string>(type: "text", nullable: true),
                    DepartamentoProveedor = table.Column<string>(type: "text", nullable: true),
                    CiudadProveedor = table.Column<string>(type: "text", nullable: true),
                    ValorTotalAdjudicacion = table.Column<long>(type: "bigint", nullable: true),
                    CodigoPrincipalCategoria = table.Column<string>(type: "text", nullable: true),
                    CategoriasAdicionales = table.Column<string>(type: "text", nullable: true),
                    TipoContrato = table.Column<string>(type: "text", nullable: true),
                    SubtipoContrato = table.Column<string>(type: "text", nullable: true),
                    UrlProceso = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: false),
                    SodaId = table.Column<string>(type: "text", nullable: true),
                    SodaUpdatedAt = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procesos", x => x.IdDelProceso);
                });

            migrationBuilder.CreateTable(
                name: "Proponentes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    IdProcedimiento = table.Column<string>(type: "text", nullable: false),
                    FechaPublicacion = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    NombreProcedimiento = table.Column<string>(type: "text", nullable: true),
                    NitEntidad = table.Column<string>(type: "text", nullable: true),
                    CodigoEntidad = table.Column<string>(type: "text", nullable: true),
                    EntidadCompradora = table.Column<string>(type: "text", nullable: true),
                    Proveedor = table.Column<string>(type: "text", nullable: true),
                    NitProveedor = table.Column<string>(type: "text", nullable: true),
                    CodigoProveedor = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: false),
                    SodaId = table.Column<string>(type: "text", nullable: true),
                    SodaUpdatedAt = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proponentes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Proveedores",
                columns: table => new
                {
                    Codigo = table.Column<string>(type: "text", nullable: false),
                    Nombre = table.Column<string>(type: "text", nullable: true),
                    Nit = table.Column<string>(type: "text", nullable: true),
                    EsEntidad = table.Column<bool>(type: "boolean", nullable: true),
                    EsGrupo = table.Column<bool>(type: "boolean", nullable: true),
                    EstaActiva = table.Column<bool>(type: "boolean", nullable: true),
                    FechaCreacion = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CodigoCategoriaPrincipal = table.Column<string>(type: "text", nullable: true),
                    DescripcionCategoriaPrincipal = table.Column<string>(type: "text", nullable: true),
                    Pais = table.Column<string>(type: "text", nullable: true),
                    Departamento = table.Column<string>(type: "text", nullable: true),
                    Municipio = table.Column<string>(type: "text", nullable: true),
                    TipoEmpresa = table.Column<string>(type: "text", nullable: true),
                    TipoDocRepresentanteLegal = table.Column<string>(type: "text", nullable: true),
                    EsPyme = table.Column<bool>(type: "boolean", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: false),
                    SodaId = table.Column<string>(type: "text", nullable: true),
                    SodaUpdatedAt = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proveedores", x => x.Codigo);
                });

            migrationBuilder.CreateTable(
                name: "Quarantine",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SyncRunId = table.Column<long>(type: "bigint", nullable: false),
                    Dataset = table.Column<string>(type: "text", nullable: false),
                    RowKey = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    RawJson = table.Column<string>(type: "text", nullable: false),
                    QuarantinedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quarantine", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SyncCheckpoints",
                columns: table => new
                {
                    Dataset = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<string>(type: "text", nullable: false),
                    RowId = table.Column<string>(type: "text", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncCheckpoints", x => x.Dataset);
                });

            migrationBuilder.CreateTable(
                name: "SyncLeases",
                columns: table => new
                {
                    Dataset = table.Column<string>(type: "text", nullable: false),
                    Holder = table.Column<string>(type: "text", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Machine = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    ProcessId = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    ProcessStart = table.Column<string>(type: "text", nullable: true),
                    HeartbeatAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false, defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified))
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncLeases", x => x.Dataset);
                });

            migrationBuilder.CreateTable(
                name: "SyncRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Dataset = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    RowsRead = table.Column<int>(type: "integer", nullable: false),
                    RowsUpserted = table.Column<int>(type: "integer", nullable: false),
                    RowsQuarantined = table.Column<int>(type: "integer", nullable: false),
                    UnknownColumns = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true),
                    Holder = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductosAsociacion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AsociacionId = table.Column<int>(type: "integer", nullable: false),
                    Producto = table.Column<string>(type: "text", nullable: false),
                    Cantidad = table.Column<double>(type: "double precision", nullable: true),
                    Unidad = table.Column<string>(type: "text", nullable: true),
                    Periodo = table.Column<string>(type: "text", nullable: true)
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
                name: "DataProtectionKeys");

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
