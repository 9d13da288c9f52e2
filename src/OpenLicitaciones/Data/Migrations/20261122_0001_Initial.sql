CREATE TABLE "Asociaciones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Asociaciones" PRIMARY KEY AUTOINCREMENT,
    "Nombre" TEXT NOT NULL,
    "Municipio" TEXT NULL,
    "Fuente" TEXT NOT NULL
);

CREATE TABLE "Contratos" (
    "IdContrato" TEXT NOT NULL CONSTRAINT "PK_Contratos" PRIMARY KEY,
    "ProcesoDeCompra" TEXT NULL,
    "NoticeUid" TEXT NULL,
    "ReferenciaDelContrato" TEXT NULL,
    "NombreEntidad" TEXT NULL,
    "NitEntidad" TEXT NOT NULL,
    "CodigoEntidad" TEXT NULL,
    "Departamento" TEXT NULL,
    "Ciudad" TEXT NULL,
    "EstadoContrato" TEXT NULL,
    "CodigoCategoriaPrincipal" TEXT NULL,
    "DescripcionDelProceso" TEXT NULL,
    "ObjetoDelContrato" TEXT NULL,
    "TipoDeContrato" TEXT NULL,
    "Modalidad" TEXT NULL,
    "JustificacionModalidad" TEXT NULL,
    "FechaDeFirma" TEXT NULL,
    "FechaDeInicio" TEXT NULL,
    "FechaDeFin" TEXT NULL,
    "UltimaActualizacion" TEXT NULL,
    "TipoDocProveedor" TEXT NULL,
    "DocumentoProveedor" TEXT NULL,
    "ProveedorAdjudicado" TEXT NULL,
    "CodigoProveedor" TEXT NULL,
    "EsGrupo" INTEGER NULL,
    "EsPyme" INTEGER NULL,
    "ValorDelContrato" INTEGER NULL,
    "ValorPagado" INTEGER NULL,
    "OrigenDeLosRecursos" TEXT NULL,
    "DestinoGasto" TEXT NULL,
    "GeneroRepresentanteLegal" TEXT NULL,
    "UrlProceso" TEXT NULL,
    "Source" TEXT NOT NULL,
    "SodaId" TEXT NULL,
    "SodaUpdatedAt" TEXT NULL
);

CREATE TABLE "Ofertas" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Ofertas" PRIMARY KEY,
    "IdentificadorDeLaOferta" TEXT NOT NULL,
    "IdDelProcesoDeCompra" TEXT NOT NULL,
    "FechaDeRegistro" TEXT NULL,
    "ReferenciaDeLaOferta" TEXT NULL,
    "ValorDeLaOferta" INTEGER NULL,
    "EntidadCompradora" TEXT NULL,
    "NitEntidadCompradora" TEXT NULL,
    "Moneda" TEXT NULL,
    "ReferenciaDelProceso" TEXT NULL,
    "Modalidad" TEXT NULL,
    "InvitacionDirecta" INTEGER NULL,
    "NombreProveedor" TEXT NULL,
    "NitDelProveedor" TEXT NULL,
    "CodigoEntidad" TEXT NULL,
    "CodigoProveedor" TEXT NULL,
    "Source" TEXT NOT NULL,
    "SodaId" TEXT NULL,
    "SodaUpdatedAt" TEXT NULL
);

CREATE TABLE "PaaHeaders" (
    "IdentificadorUnico" TEXT NOT NULL CONSTRAINT "PK_PaaHeaders" PRIMARY KEY,
    "Anno" INTEGER NOT NULL,
    "CodigoEntidad" TEXT NULL,
    "NombreEntidad" TEXT NULL,
    "ValorPresupuestoGeneral" INTEGER NULL,
    "FechaPublicacion" TEXT NULL,
    "FechaUltimaModificacion" TEXT NULL,
    "Version" INTEGER NULL,
    "Estado" TEXT NULL,
    "DepartamentoPaa" TEXT NULL,
    "MunicipioPaa" TEXT NULL,
    "Source" TEXT NOT NULL,
    "SodaId" TEXT NULL,
    "SodaUpdatedAt" TEXT NULL
);

CREATE TABLE "PaaLines" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PaaLines" PRIMARY KEY,
    "IdentificadorUnico" TEXT NULL,
    "Descripcion" TEXT NOT NULL,
    "MesEsperadoInicio" INTEGER NULL,
    "MesEsperadoRecepcion" INTEGER NULL,
    "DuracionEsperada" INTEGER NULL,
    "UnidadDuracion" TEXT NULL,
    "OrigenRecursos" TEXT NULL,
    "ValorTotalEsperado" INTEGER NULL,
    "ValorEsperadoVigencia" INTEGER NULL,
    "Modalidad" TEXT NULL,
    "CategoriasUnspsc" TEXT NOT NULL,
    "ProcesosRelacionados" TEXT NULL,
    "UrlProceso" TEXT NULL,
    "CodigoEntidad" TEXT NOT NULL,
    "NombreEntidad" TEXT NULL,
    "NitEntidad" TEXT NULL,
    "IdPaaEncabezado" TEXT NULL,
    "Annio" INTEGER NOT NULL,
    "VersionDelPaa" INTEGER NOT NULL,
    "FechaVersion" TEXT NULL,
    "Fingerprint" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "SodaId" TEXT NULL,
    "SodaUpdatedAt" TEXT NULL
);

CREATE TABLE "PaaVigentes" (
    "CodigoEntidad" TEXT NOT NULL,
    "Annio" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "VersionAnterior" INTEGER NULL,
    CONSTRAINT "PK_PaaVigentes" PRIMARY KEY ("CodigoEntidad", "Annio")
);

CREATE TABLE "Procesos" (
    "IdDelProceso" TEXT NOT NULL CONSTRAINT "PK_Procesos" PRIMARY KEY,
    "IdDelPortafolio" TEXT NULL,
    "NoticeUid" TEXT NULL,
    "Entidad" TEXT NULL,
    "NitEntidad" TEXT NOT NULL,
    "CodigoEntidad" TEXT NULL,
    "DepartamentoEntidad" TEXT NULL,
    "CiudadEntidad" TEXT NULL,
    "ReferenciaDelProceso" TEXT NULL,
    "NombreDelProcedimiento" TEXT NULL,
    "Descripcion" TEXT NULL,
    "Fase" TEXT NULL,
    "FechaPublicacion" TEXT NULL,
    "FechaUltimaPublicacion" TEXT NULL,
    "FechaRecepcion" TEXT NULL,
    "FechaAdjudicacion" TEXT NULL,
    "PrecioBase" INTEGER NULL,
    "Modalidad" TEXT NULL,
    "JustificacionModalidad" TEXT NULL,
    "Duracion" INTEGER NULL,
    "UnidadDuracion" TEXT NULL,
    "NombreUnidad" TEXT NULL,
    "ProveedoresInvitados" INTEGER NULL,
    "RespuestasAlProcedimiento" INTEGER NULL,
    "ProveedoresUnicos" INTEGER NULL,
    "EstadoDelProcedimiento" TEXT NULL,
    "EstadoResumen" TEXT NULL,
    "EstadoApertura" TEXT NULL,
    "Adjudicado" INTEGER NULL,
    "IdAdjudicacion" TEXT NULL,
    "CodigoProveedor" TEXT NULL,
    "NitProveedorAdjudicado" TEXT NULL,
    "NombreProveedor" TEXT NULL,
    "DepartamentoProveedor" TEXT NULL,
    "CiudadProveedor" TEXT NULL,
    "ValorTotalAdjudicacion" INTEGER NULL,
    "CodigoPrincipalCategoria" TEXT NULL,
    "CategoriasAdicionales" TEXT NULL,
    "TipoContrato" TEXT NULL,
    "SubtipoContrato" TEXT NULL,
    "UrlProceso" TEXT NULL,
    "Source" TEXT NOT NULL,
    "SodaId" TEXT NULL,
    "SodaUpdatedAt" TEXT NULL
);

CREATE TABLE "Proponentes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Proponentes" PRIMARY KEY,
    "IdProcedimiento" TEXT NOT NULL,
    "FechaPublicacion" TEXT NULL,
    "NombreProcedimiento" TEXT NULL,
    "NitEntidad" TEXT NULL,
    "CodigoEntidad" TEXT NULL,
    "EntidadCompradora" TEXT NULL,
    "Proveedor" TEXT NULL,
    "NitProveedor" TEXT NULL,
    "CodigoProveedor" TEXT NULL,
    "Source" TEXT NOT NULL,
    "SodaId" TEXT NULL,
    "SodaUpdatedAt" TEXT NULL
);

CREATE TABLE "Proveedores" (
    "Codigo" TEXT NOT NULL CONSTRAINT "PK_Proveedores" PRIMARY KEY,
    "Nombre" TEXT NULL,
    "Nit" TEXT NULL,
    "EsEntidad" INTEGER NULL,
    "EsGrupo" INTEGER NULL,
    "EstaActiva" INTEGER NULL,
    "FechaCreacion" TEXT NULL,
    "CodigoCategoriaPrincipal" TEXT NULL,
    "DescripcionCategoriaPrincipal" TEXT NULL,
    "Pais" TEXT NULL,
    "Departamento" TEXT NULL,
    "Municipio" TEXT NULL,
    "TipoEmpresa" TEXT NULL,
    "TipoDocRepresentanteLegal" TEXT NULL,
    "EsPyme" INTEGER NULL,
    "Source" TEXT NOT NULL,
    "SodaId" TEXT NULL,
    "SodaUpdatedAt" TEXT NULL
);

CREATE TABLE "Quarantine" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Quarantine" PRIMARY KEY AUTOINCREMENT,
    "SyncRunId" INTEGER NOT NULL,
    "Dataset" TEXT NOT NULL,
    "RowKey" TEXT NULL,
    "Reason" TEXT NOT NULL,
    "RawJson" TEXT NOT NULL,
    "QuarantinedAt" TEXT NOT NULL
);

CREATE TABLE "SyncCheckpoints" (
    "Dataset" TEXT NOT NULL CONSTRAINT "PK_SyncCheckpoints" PRIMARY KEY,
    "Source" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "RowId" TEXT NOT NULL,
    "SavedAt" TEXT NOT NULL
);

CREATE TABLE "SyncLeases" (
    "Dataset" TEXT NOT NULL CONSTRAINT "PK_SyncLeases" PRIMARY KEY,
    "Holder" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL
);

CREATE TABLE "SyncRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SyncRuns" PRIMARY KEY AUTOINCREMENT,
    "Dataset" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "RowsRead" INTEGER NOT NULL,
    "RowsUpserted" INTEGER NOT NULL,
    "RowsQuarantined" INTEGER NOT NULL,
    "UnknownColumns" TEXT NULL,
    "Error" TEXT NULL
);

CREATE TABLE "ProductosAsociacion" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProductosAsociacion" PRIMARY KEY AUTOINCREMENT,
    "AsociacionId" INTEGER NOT NULL,
    "Producto" TEXT NOT NULL,
    "Cantidad" REAL NULL,
    "Unidad" TEXT NULL,
    "Periodo" TEXT NULL,
    CONSTRAINT "FK_ProductosAsociacion_Asociaciones_AsociacionId" FOREIGN KEY ("AsociacionId") REFERENCES "Asociaciones" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Contratos_CodigoProveedor" ON "Contratos" ("CodigoProveedor");

CREATE INDEX "IX_Contratos_DocumentoProveedor" ON "Contratos" ("DocumentoProveedor");

CREATE INDEX "IX_Contratos_FechaDeFirma" ON "Contratos" ("FechaDeFirma");

CREATE INDEX "IX_Contratos_ProcesoDeCompra" ON "Contratos" ("ProcesoDeCompra");

CREATE INDEX "IX_Ofertas_CodigoProveedor" ON "Ofertas" ("CodigoProveedor");

CREATE INDEX "IX_Ofertas_IdDelProcesoDeCompra" ON "Ofertas" ("IdDelProcesoDeCompra");

CREATE INDEX "IX_PaaHeaders_CodigoEntidad_Anno" ON "PaaHeaders" ("CodigoEntidad", "Anno");

CREATE INDEX "IX_PaaLines_CodigoEntidad_Annio_VersionDelPaa" ON "PaaLines" ("CodigoEntidad", "Annio", "VersionDelPaa");

CREATE INDEX "IX_PaaLines_Fingerprint" ON "PaaLines" ("Fingerprint");

CREATE INDEX "IX_Procesos_CodigoPrincipalCategoria" ON "Procesos" ("CodigoPrincipalCategoria");

CREATE INDEX "IX_Procesos_FechaPublicacion" ON "Procesos" ("FechaPublicacion");

CREATE INDEX "IX_Procesos_IdDelPortafolio" ON "Procesos" ("IdDelPortafolio");

CREATE INDEX "IX_Procesos_NoticeUid" ON "Procesos" ("NoticeUid");

CREATE INDEX "IX_ProductosAsociacion_AsociacionId" ON "ProductosAsociacion" ("AsociacionId");

CREATE INDEX "IX_Proponentes_CodigoProveedor" ON "Proponentes" ("CodigoProveedor");

CREATE INDEX "IX_Proponentes_IdProcedimiento" ON "Proponentes" ("IdProcedimiento");

CREATE INDEX "IX_Proveedores_Nit" ON "Proveedores" ("Nit");

CREATE INDEX "IX_Quarantine_Dataset_SyncRunId" ON "Quarantine" ("Dataset", "SyncRunId");

CREATE INDEX "IX_SyncRuns_Dataset_FinishedAt" ON "SyncRuns" ("Dataset", "FinishedAt");
