using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Sync;

/// <summary>Which rows of a dataset belong to the configured entities: one column and its accepted values.</summary>
public sealed record RowFilter(string Column, IReadOnlyList<string> Values);

/// <summary>What the sync needs to know about one SECOP dataset: columns, how to select, map and store it.</summary>
public abstract class SecopDataset
{
    public abstract string Id { get; }
    public abstract string Nombre { get; }
    /// <summary>Columns the mapper knows; any other column is schema drift, tolerated and reported once per run.</summary>
    public abstract IReadOnlySet<string> Columns { get; }
    /// <summary>True when the dataset is selected by one filter and resumes from a saved (:updated_at, :id) cursor.</summary>
    public abstract bool Incremental { get; }

    public abstract Task<IReadOnlyList<RowFilter>> FiltersAsync(AppDbContext db, IReadOnlyList<string> entityNits, CancellationToken ct);

    /// <summary>Maps a row to its entity; throws <see cref="RowRejectedException"/> when it cannot.</summary>
    public abstract SyncedRow Map(RawRow row);

    /// <summary>The natural key of a row as far as it can be read, for quarantine records.</summary>
    public abstract string? KeyOf(RawRow row);

    /// <summary>
    /// The rows already stored from this source with the same :updated_at — unchanged at the source since, so neither
    /// mapped nor written again. (A change to a mapper therefore reaches a row only when the source changes it, or after
    /// its table is emptied and loaded again.)
    /// </summary>
    public abstract Task<IReadOnlySet<RawRow>> UnchangedAsync(AppDbContext db, IReadOnlyList<RawRow> rows, string source, CancellationToken ct);

    /// <summary>Inserts or updates rows by natural key; returns how many the database inserted or changed (unchanged rows are not rewritten).</summary>
    public abstract Task<int> UpsertAsync(AppDbContext db, IReadOnlyList<SyncedRow> rows, CancellationToken ct);

    /// <summary>Removes rows of this dataset that came from another source (demo rows when live data arrives).</summary>
    public abstract Task<int> RemoveOtherSourcesAsync(AppDbContext db, string source, CancellationToken ct);

    /// <summary>
    /// Those of <paramref name="rows"/> whose stored row carries a later :updated_at. A row mapped outside a run (a
    /// quarantined row retried after a mapper fix) may be older than what a later run stored; it must not overwrite it.
    /// </summary>
    public abstract Task<IReadOnlySet<SyncedRow>> OlderThanStoredAsync(AppDbContext db, IReadOnlyList<SyncedRow> rows, CancellationToken ct);

    /// <summary>Dataset-specific work once a run has stored every page (the PAA version switch).</summary>
    public virtual Task AfterRunAsync(AppDbContext db, CancellationToken ct) => Task.CompletedTask;
}

public abstract class SecopDataset<T>(string keyProperty, Func<T, string> key) : SecopDataset where T : SyncedRow
{
    public sealed override SyncedRow Map(RawRow row) => MapRow(row);
    protected abstract T MapRow(RawRow row);

    public override async Task<IReadOnlySet<RawRow>> UnchangedAsync(AppDbContext db, IReadOnlyList<RawRow> rows, string source, CancellationToken ct)
    {
        var byKey = new Dictionary<string, RawRow>();
        foreach (var row in rows)
            if (row.SystemUpdatedAt is not null && SafeKeyOf(row) is { } k) byKey[k] = row;
        var unchanged = await RowUpsert.UnchangedAsync<T>(db, keyProperty, byKey.Select(p => (p.Key, p.Value.SystemUpdatedAt!)).ToList(), source, ct);
        return byKey.Where(p => unchanged.Contains(p.Key)).Select(p => p.Value).ToHashSet();
    }

    private string? SafeKeyOf(RawRow row)
    {
        try { return KeyOf(row); }
        catch (RowRejectedException) { return null; }
    }

    public override async Task<int> UpsertAsync(AppDbContext db, IReadOnlyList<SyncedRow> rows, CancellationToken ct)
    {
        var latest = new Dictionary<string, T>();
        foreach (var row in rows.Cast<T>()) latest[key(row)] = row; // a key repeated within a page: last wins
        return await RowUpsert.ExecuteAsync(db, latest.Values.ToList(), ct);
    }

    public override Task<int> RemoveOtherSourcesAsync(AppDbContext db, string source, CancellationToken ct) =>
        db.Set<T>().Where(e => e.Source != source).ExecuteDeleteAsync(ct);

    public override async Task<IReadOnlySet<SyncedRow>> OlderThanStoredAsync(AppDbContext db, IReadOnlyList<SyncedRow> rows, CancellationToken ct)
    {
        var keys = rows.Cast<T>().Select(key).Distinct().ToList();
        var stored = (await db.Set<T>().AsNoTracking().Where(e => keys.Contains(EF.Property<string>(e, keyProperty)))
                .Select(e => new { Key = EF.Property<string>(e, keyProperty), e.SodaUpdatedAt }).ToListAsync(ct))
            .ToDictionary(e => e.Key, e => e.SodaUpdatedAt);
        return rows.Where(r => r.SodaUpdatedAt is { } mine && stored.GetValueOrDefault(key((T)r)) is { } theirs && string.CompareOrdinal(theirs, mine) > 0)
            .ToHashSet();
    }

    protected static IReadOnlySet<string> ColumnSet(string columns) =>
        columns.Split([',', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToHashSet();

    /// <summary>Distinct non-empty values of a column already stored, in batches for `column in (…)` filters.</summary>
    protected static IReadOnlyList<RowFilter> Batches(string column, IEnumerable<string?> values, int size = 100) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct().Order(StringComparer.Ordinal)
            .Chunk(size).Select(chunk => new RowFilter(column, chunk)).ToList();
}

public static class SecopDatasets
{
    public static readonly IReadOnlyList<SecopDataset> All =
    [
        new ProcesosDataset(), new PaaLinesDataset(), new PaaHeadersDataset(), new ContratosDataset(),
        new ProponentesDataset(), new OfertasDataset(), new ProveedoresDataset(),
    ];

    public static SecopDataset? Find(string id) => All.FirstOrDefault(d => d.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    public static string? NoticeUid(string? url)
    {
        if (url is null) return null;
        var i = url.IndexOf("noticeUID=", StringComparison.OrdinalIgnoreCase);
        if (i < 0) return null;
        var value = url[(i + "noticeUID=".Length)..];
        var end = value.IndexOfAny(['&', '#']);
        return end < 0 ? value : value[..end];
    }

    public static string? SupplierNit(string? raw) => PlainText.IsSentinel(raw) ? null : Nit.Canonical(raw);
}

public sealed class ProcesosDataset() : SecopDataset<Proceso>(nameof(Proceso.IdDelProceso), p => p.IdDelProceso)
{
    public override string Id => "p6dx-8zbt";
    public override string Nombre => "Procesos de contratación";
    public override bool Incremental => true;
    public override IReadOnlySet<string> Columns { get; } = ColumnSet("""
        entidad nit_entidad departamento_entidad ciudad_entidad ordenentidad codigo_pci id_del_proceso
        referencia_del_proceso ppi id_del_portafolio nombre_del_procedimiento descripci_n_del_procedimiento fase
        fecha_de_publicacion_del fecha_de_ultima_publicaci fecha_de_publicacion_fase fecha_de_publicacion_fase_1
        fecha_de_publicacion fecha_de_publicacion_fase_2 fecha_de_publicacion_fase_3 precio_base
        modalidad_de_contratacion justificaci_n_modalidad_de duracion unidad_de_duracion fecha_de_recepcion_de
        fecha_de_apertura_de_respuesta fecha_de_apertura_efectiva ciudad_de_la_unidad_de nombre_de_la_unidad_de
        proveedores_invitados proveedores_con_invitacion visualizaciones_del proveedores_que_manifestaron
        respuestas_al_procedimiento respuestas_externas conteo_de_respuestas_a_ofertas proveedores_unicos_con
        numero_de_lotes estado_del_procedimiento id_estado_del_procedimiento adjudicado id_adjudicacion
        codigoproveedor departamento_proveedor ciudad_proveedor fecha_adjudicacion valor_total_adjudicacion
        nombre_del_adjudicador nombre_del_proveedor nit_del_proveedor_adjudicado codigo_principal_de_categoria
        estado_de_apertura_del_proceso tipo_de_contrato subtipo_de_contrato categorias_adicionales urlproceso
        codigo_entidad estado_resumen
        """);

    public override Task<IReadOnlyList<RowFilter>> FiltersAsync(AppDbContext db, IReadOnlyList<string> entityNits, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<RowFilter>>([new RowFilter("nit_entidad", entityNits)]);

    public override string? KeyOf(RawRow row) => row.Text("id_del_proceso");

    protected override Proceso MapRow(RawRow r)
    {
        var url = r.Text("urlproceso");
        return new Proceso
        {
            IdDelProceso = r.Required("id_del_proceso"),
            IdDelPortafolio = r.Text("id_del_portafolio"),
            NoticeUid = SecopDatasets.NoticeUid(url),
            Entidad = r.Text("entidad"),
            NitEntidad = Nit.Canonical(r.Required("nit_entidad")) ?? throw new RowRejectedException("nit_entidad: sin dígitos"),
            CodigoEntidad = r.Text("codigo_entidad"),
            DepartamentoEntidad = r.Text("departamento_entidad"),
            CiudadEntidad = r.Text("ciudad_entidad"),
            ReferenciaDelProceso = r.Text("referencia_del_proceso"),
            NombreDelProcedimiento = r.Text("nombre_del_procedimiento"),
            Descripcion = r.Text("descripci_n_del_procedimiento"),
            Fase = r.Text("fase"),
            FechaPublicacion = r.Date("fecha_de_publicacion_del"),
            FechaUltimaPublicacion = r.Date("fecha_de_ultima_publicaci"),
            FechaRecepcion = r.Date("fecha_de_recepcion_de"),
            FechaAdjudicacion = r.Date("fecha_adjudicacion"),
            PrecioBase = r.Money("precio_base"),
            Modalidad = r.Text("modalidad_de_contratacion"),
            JustificacionModalidad = r.Text("justificaci_n_modalidad_de"),
            Duracion = r.Int("duracion"),
            UnidadDuracion = r.Text("unidad_de_duracion"),
            NombreUnidad = r.Text("nombre_de_la_unidad_de"),
            ProveedoresInvitados = r.Int("proveedores_invitados"),
            RespuestasAlProcedimiento = r.Int("respuestas_al_procedimiento"),
            ProveedoresUnicos = r.Int("proveedores_unicos_con"),
            EstadoDelProcedimiento = r.Text("estado_del_procedimiento"),
            EstadoResumen = r.Text("estado_resumen"),
            EstadoApertura = r.Text("estado_de_apertura_del_proceso"),
            Adjudicado = r.Bool("adjudicado"),
            IdAdjudicacion = r.Text("id_adjudicacion"),
            CodigoProveedor = r.Text("codigoproveedor"),
            NitProveedorAdjudicado = SecopDatasets.SupplierNit(r.Text("nit_del_proveedor_adjudicado")),
            NombreProveedor = r.Text("nombre_del_proveedor"),
            DepartamentoProveedor = r.Text("departamento_proveedor"),
            CiudadProveedor = r.Text("ciudad_proveedor"),
            ValorTotalAdjudicacion = r.Money("valor_total_adjudicacion"),
            CodigoPrincipalCategoria = r.UnspscCode("codigo_principal_de_categoria"),
            CategoriasAdicionales = r.Text("categorias_adicionales"),
            TipoContrato = r.Text("tipo_de_contrato"),
            SubtipoContrato = r.Text("subtipo_de_contrato"),
            UrlProceso = url,
        };
    }
}

public sealed class PaaLinesDataset() : SecopDataset<PaaLine>(nameof(PaaLine.Id), l => l.Id)
{
    public override string Id => "9sue-ezhx";
    public override string Nombre => "Plan Anual de Adquisiciones (líneas)";
    public override bool Incremental => true;
    public override IReadOnlySet<string> Columns { get; } = ColumnSet("""
        id identificador_unico descripcion fecha_esperada_de_inicio fecha_esperada_de_recepcion duracion_esperada
        unidad_de_duracion_esperada origen_recursos valor_total_esperado valor_esperado_de_presupuesto modalidad
        categorias_unspsc id_plan_anual_de_adquisiciones procesos_relacionados url_proceso codigo_entidad
        nombre_entidad nit_entidad id_paa_encabezado causal_de_contratacion grupo_de_procedimiento annio tipo
        version_del_paa fecha_version fecha_de_carga_del_paa
        """);

    public override Task<IReadOnlyList<RowFilter>> FiltersAsync(AppDbContext db, IReadOnlyList<string> entityNits, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<RowFilter>>([new RowFilter("nit_entidad", entityNits)]);

    public override string? KeyOf(RawRow row) => row.Text("id");

    /// <summary>
    /// Lines of a version older than the two kept for their entity-year (CONTRACTS §2) are not stored: the source
    /// republishes every version, and storing them only for the version switch to drop them again rewrites them on every sync.
    /// </summary>
    public override async Task<int> UpsertAsync(AppDbContext db, IReadOnlyList<SyncedRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return 0;
        var entities = rows.Cast<PaaLine>().Select(l => l.CodigoEntidad).Distinct().ToList();
        var kept = await db.PaaVigentes.AsNoTracking().Where(v => entities.Contains(v.CodigoEntidad))
            .ToDictionaryAsync(v => (v.CodigoEntidad, v.Annio), v => v.VersionAnterior ?? v.Version, ct);
        return await base.UpsertAsync(db,
            rows.Cast<PaaLine>().Where(l => !kept.TryGetValue((l.CodigoEntidad, l.Annio), out var oldest) || l.VersionDelPaa >= oldest).ToList(), ct);
    }

    protected override PaaLine MapRow(RawRow r)
    {
        var codes = r.UnspscCodes("categorias_unspsc");
        var line = new PaaLine
        {
            Id = r.Required("id"),
            IdentificadorUnico = r.Text("identificador_unico"),
            Descripcion = r.Text("descripcion") ?? "",
            MesEsperadoInicio = r.Month("fecha_esperada_de_inicio"),
            MesEsperadoRecepcion = r.Month("fecha_esperada_de_recepcion"),
            DuracionEsperada = r.Int("duracion_esperada"),
            UnidadDuracion = r.Text("unidad_de_duracion_esperada"),
            OrigenRecursos = r.Text("origen_recursos"),
            ValorTotalEsperado = r.Money("valor_total_esperado"),
            ValorEsperadoVigencia = r.Money("valor_esperado_de_presupuesto"),
            Modalidad = r.Text("modalidad"),
            CategoriasUnspsc = ";" + string.Join(";", codes) + (codes.Count > 0 ? ";" : ""),
            ProcesosRelacionados = r.Text("procesos_relacionados"),
            UrlProceso = r.Text("url_proceso"),
            CodigoEntidad = r.Required("codigo_entidad"),
            NombreEntidad = r.Text("nombre_entidad"),
            NitEntidad = Nit.Canonical(r.Text("nit_entidad")),
            IdPaaEncabezado = r.Text("id_paa_encabezado"),
            Annio = r.Int("annio") ?? throw new RowRejectedException("annio: falta el año del plan"),
            VersionDelPaa = r.Int("version_del_paa") ?? throw new RowRejectedException("version_del_paa: falta la versión"),
            FechaVersion = r.Date("fecha_version"),
        };
        line.Fingerprint = Fingerprint(line.Descripcion, codes, line.Modalidad, line.MesEsperadoInicio);
        return line;
    }

    /// <summary>Identity of a plan line across versions: description, codes, modality and month (CONTRACTS §2).</summary>
    public static string Fingerprint(string descripcion, IEnumerable<string> codes, string? modalidad, int? mes)
    {
        var text = string.Join("|",
            string.Join(" ", PlainText.Fold(descripcion).Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            string.Join(";", codes.Order(StringComparer.Ordinal)),
            PlainText.Fold(modalidad ?? ""),
            mes?.ToString() ?? "");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];
    }

    /// <summary>
    /// Makes the highest version stored for each entity-year the current one, in one transaction, after a run
    /// has stored all its pages; keeps the version before it (for "Nueva") and drops older ones.
    /// </summary>
    public override async Task AfterRunAsync(AppDbContext db, CancellationToken ct)
    {
        var stored = await db.PaaLines.Select(l => new { l.CodigoEntidad, l.Annio, l.VersionDelPaa }).Distinct().ToListAsync(ct);
        var versions = stored.GroupBy(l => (l.CodigoEntidad, l.Annio))
            .Select(g => new { g.Key.CodigoEntidad, g.Key.Annio, Versions = g.Select(l => l.VersionDelPaa).ToList() });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var current = await db.PaaVigentes.ToDictionaryAsync(v => (v.CodigoEntidad, v.Annio), ct);
        foreach (var g in versions)
        {
            var ordered = g.Versions.OrderDescending().ToList();
            var (latest, previous) = (ordered[0], ordered.Count > 1 ? ordered[1] : (int?)null);
            if (current.TryGetValue((g.CodigoEntidad, g.Annio), out var vigente))
            {
                vigente.Version = latest;
                vigente.VersionAnterior = previous;
            }
            else db.PaaVigentes.Add(new PaaVigente { CodigoEntidad = g.CodigoEntidad, Annio = g.Annio, Version = latest, VersionAnterior = previous });
            var keep = previous ?? latest;
            await db.PaaLines.Where(l => l.CodigoEntidad == g.CodigoEntidad && l.Annio == g.Annio && l.VersionDelPaa < keep)
                .ExecuteDeleteAsync(ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

public sealed class PaaHeadersDataset() : SecopDataset<PaaHeader>(nameof(PaaHeader.IdentificadorUnico), h => h.IdentificadorUnico)
{
    public override string Id => "b6m4-qgqv";
    public override string Nombre => "Plan Anual de Adquisiciones (encabezados)";
    public override bool Incremental => false;
    public override IReadOnlySet<string> Columns { get; } = ColumnSet("""
        identificador_unico anno codigo_entidad nombre_entidad mision_vision perspectiva_estrategica
        valor_presupuesto_general fecha_de_publicacion fecha_de_ultima_modificacion version estado departamento_paa
        municipio_paa nombre_contacto telefono_contacto correo_contacto
        """);

    // b6m4 has no NIT: select it by the entity codes seen in the processes and plan lines of the NIT (CONTRACTS §1).
    public override async Task<IReadOnlyList<RowFilter>> FiltersAsync(AppDbContext db, IReadOnlyList<string> entityNits, CancellationToken ct)
    {
        var fromProcesses = await db.Procesos.Select(p => p.CodigoEntidad).Distinct().ToListAsync(ct);
        var fromPlan = await db.PaaLines.Select(l => l.CodigoEntidad).Distinct().ToListAsync(ct);
        return Batches("codigo_entidad", fromProcesses.Concat(fromPlan));
    }

    public override string? KeyOf(RawRow row) => row.Text("identificador_unico");

    protected override PaaHeader MapRow(RawRow r) => new()
    {
        IdentificadorUnico = r.Required("identificador_unico"),
        Anno = r.Int("anno") ?? throw new RowRejectedException("anno: falta el año del plan"),
        CodigoEntidad = r.Text("codigo_entidad"),
        NombreEntidad = r.Text("nombre_entidad"),
        ValorPresupuestoGeneral = r.Money("valor_presupuesto_general"),
        FechaPublicacion = r.Date("fecha_de_publicacion"),
        FechaUltimaModificacion = r.Date("fecha_de_ultima_modificacion"),
        Version = r.Int("version"),
        Estado = r.Text("estado"),
        DepartamentoPaa = r.Text("departamento_paa"),
        MunicipioPaa = r.Text("municipio_paa"),
    };
}

public sealed class ContratosDataset() : SecopDataset<Contrato>(nameof(Contrato.IdContrato), c => c.IdContrato)
{
    public override string Id => "jbjy-vk9h";
    public override string Nombre => "Contratos electrónicos";
    public override bool Incremental => true;
    public override IReadOnlySet<string> Columns { get; } = ColumnSet("""
        nombre_entidad nit_entidad departamento ciudad localizaci_n orden sector rama entidad_centralizada
        proceso_de_compra id_contrato referencia_del_contrato estado_contrato codigo_de_categoria_principal
        descripcion_del_proceso tipo_de_contrato modalidad_de_contratacion justificacion_modalidad_de fecha_de_firma
        fecha_de_inicio_del_contrato fecha_de_fin_del_contrato fecha_de_inicio_de_ejecucion fecha_de_fin_de_ejecucion
        condiciones_de_entrega tipodocproveedor documento_proveedor proveedor_adjudicado es_grupo es_pyme
        habilita_pago_adelantado liquidaci_n obligaci_n_ambiental obligaciones_postconsumo reversion
        origen_de_los_recursos destino_gasto valor_del_contrato valor_de_pago_adelantado valor_facturado
        valor_pendiente_de_pago valor_pagado valor_amortizado valor_pendiente_de valor_pendiente_de_ejecucion
        saldo_cdp saldo_vigencia espostconflicto dias_adicionados puntos_del_acuerdo pilares_del_acuerdo urlproceso
        nombre_representante_legal nacionalidad_representante_legal domicilio_representante_legal
        tipo_de_identificaci_n_representante_legal identificaci_n_representante_legal g_nero_representante_legal
        presupuesto_general_de_la_nacion_pgn sistema_general_de_participaciones sistema_general_de_regal_as
        recursos_propios_alcald_as_gobernaciones_y_resguardos_ind_genas_ recursos_de_credito recursos_propios
        ultima_actualizacion fecha_inicio_liquidacion fecha_fin_liquidacion objeto_del_contrato
        duraci_n_del_contrato nombre_del_banco tipo_de_cuenta n_mero_de_cuenta el_contrato_puede_ser_prorrogado
        fecha_de_notificaci_n_de_prorrogaci_n nombre_ordenador_del_gasto tipo_de_documento_ordenador_del_gasto
        n_mero_de_documento_ordenador_del_gasto nombre_supervisor tipo_de_documento_supervisor
        n_mero_de_documento_supervisor nombre_ordenador_de_pago tipo_de_documento_ordenador_de_pago
        n_mero_de_documento_ordenador_de_pago documentos_tipo descripcion_documentos_tipo
        direcci_n_de_ejecuci_n_del_contrato codigo_entidad codigo_proveedor
        """);

    // jbjy's nit_entidad is numeric and sometimes carries the check digit glued on: ask for both spellings.
    public override Task<IReadOnlyList<RowFilter>> FiltersAsync(AppDbContext db, IReadOnlyList<string> entityNits, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<RowFilter>>([new RowFilter("nit_entidad", entityNits.SelectMany(Nit.Spellings).ToList())]);

    public override string? KeyOf(RawRow row) => row.Text("id_contrato");

    protected override Contrato MapRow(RawRow r)
    {
        var url = r.Text("urlproceso");
        var genero = r.Text("g_nero_representante_legal");
        return new Contrato
        {
            IdContrato = r.Required("id_contrato"),
            ProcesoDeCompra = r.Text("proceso_de_compra"),
            NoticeUid = SecopDatasets.NoticeUid(url),
            ReferenciaDelContrato = r.Text("referencia_del_contrato"),
            NombreEntidad = r.Text("nombre_entidad"),
            NitEntidad = Nit.Canonical(r.Required("nit_entidad")) ?? throw new RowRejectedException("nit_entidad: sin dígitos"),
            CodigoEntidad = r.Text("codigo_entidad"),
            Departamento = r.Text("departamento"),
            Ciudad = r.Text("ciudad"),
            EstadoContrato = r.Text("estado_contrato"),
            CodigoCategoriaPrincipal = r.UnspscCode("codigo_de_categoria_principal"),
            DescripcionDelProceso = r.Text("descripcion_del_proceso"),
            ObjetoDelContrato = r.Text("objeto_del_contrato"),
            TipoDeContrato = r.Text("tipo_de_contrato"),
            Modalidad = r.Text("modalidad_de_contratacion"),
            JustificacionModalidad = r.Text("justificacion_modalidad_de"),
            FechaDeFirma = r.Date("fecha_de_firma"),
            FechaDeInicio = r.Date("fecha_de_inicio_del_contrato"),
            FechaDeFin = r.Date("fecha_de_fin_del_contrato"),
            UltimaActualizacion = r.Date("ultima_actualizacion"),
            TipoDocProveedor = r.Text("tipodocproveedor"),
            DocumentoProveedor = SecopDatasets.SupplierNit(r.Text("documento_proveedor")),
            ProveedorAdjudicado = r.Text("proveedor_adjudicado"),
            CodigoProveedor = r.Text("codigo_proveedor"),
            EsGrupo = r.Bool("es_grupo"),
            EsPyme = r.Bool("es_pyme"),
            ValorDelContrato = r.Money("valor_del_contrato"),
            ValorPagado = r.Money("valor_pagado"),
            OrigenDeLosRecursos = r.Text("origen_de_los_recursos"),
            DestinoGasto = r.Text("destino_gasto"),
            GeneroRepresentanteLegal = genero is null ? null : PlainText.Fold(genero) switch
            {
                "mujer" or "femenino" or "f" => "Mujer",
                "hombre" or "masculino" or "m" => "Hombre",
                _ => "Otro",
            },
            UrlProceso = url,
        };
    }
}

public sealed class ProponentesDataset() : SecopDataset<Proponente>(nameof(Proponente.Id), p => p.Id)
{
    public override string Id => "hgi6-6wh3";
    public override string Nombre => "Proponentes por proceso";
    public override bool Incremental => true;
    public override IReadOnlySet<string> Columns { get; } = ColumnSet("""
        id_procedimiento fecha_publicaci_n nombre_procedimiento nit_entidad codigo_entidad entidad_compradora
        proveedor nit_proveedor codigo_proveedor
        """);

    public override Task<IReadOnlyList<RowFilter>> FiltersAsync(AppDbContext db, IReadOnlyList<string> entityNits, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<RowFilter>>([new RowFilter("nit_entidad", entityNits.SelectMany(Nit.Spellings).ToList())]);

    public override string? KeyOf(RawRow row) => $"{row.Text("id_procedimiento")}|{row.Text("codigo_proveedor") ?? row.Text("nit_proveedor")}";

    protected override Proponente MapRow(RawRow r)
    {
        var proceso = r.Required("id_procedimiento");
        var codigo = r.Text("codigo_proveedor");
        var nit = SecopDatasets.SupplierNit(r.Text("nit_proveedor"));
        var bidder = codigo ?? nit ?? throw new RowRejectedException("codigo_proveedor y nit_proveedor: falta quién ofertó");
        return new Proponente
        {
            Id = $"{proceso}|{bidder}",
            IdProcedimiento = proceso,
            FechaPublicacion = r.Date("fecha_publicaci_n"),
            NombreProcedimiento = r.Text("nombre_procedimiento"),
            NitEntidad = Nit.Canonical(r.Text("nit_entidad")),
            CodigoEntidad = r.Text("codigo_entidad"),
            EntidadCompradora = r.Text("entidad_compradora"),
            Proveedor = r.Text("proveedor"),
            NitProveedor = nit,
            CodigoProveedor = codigo,
        };
    }
}

public sealed class OfertasDataset() : SecopDataset<Oferta>(nameof(Oferta.Id), o => o.Id)
{
    public override string Id => "wi7w-2nvm";
    public override string Nombre => "Ofertas por proceso";
    public override bool Incremental => false;
    public override IReadOnlySet<string> Columns { get; } = ColumnSet("""
        fecha_de_registro referencia_de_la_oferta identificador_de_la_oferta valor_de_la_oferta entidad_compradora
        nit_entidad_compradora moneda descripcion_del_procedimiento referencia_del_proceso id_del_proceso_de_compra
        modalidad invitacion_directa nombre_proveedor nit_del_proveedor c_digo_entidad c_digo_proveedor
        """);

    // The type of wi7w's entity columns is not documented; the process portfolio ids are text and always work.
    public override async Task<IReadOnlyList<RowFilter>> FiltersAsync(AppDbContext db, IReadOnlyList<string> entityNits, CancellationToken ct) =>
        Batches("id_del_proceso_de_compra", await db.Procesos.Select(p => p.IdDelPortafolio).ToListAsync(ct));

    public override string? KeyOf(RawRow row) => $"{row.Text("id_del_proceso_de_compra")}|{row.Text("identificador_de_la_oferta")}";

    protected override Oferta MapRow(RawRow r)
    {
        var proceso = r.Required("id_del_proceso_de_compra");
        var oferta = r.Required("identificador_de_la_oferta");
        return new Oferta
        {
            Id = $"{proceso}|{oferta}",
            IdentificadorDeLaOferta = oferta,
            IdDelProcesoDeCompra = proceso,
            FechaDeRegistro = r.Date("fecha_de_registro"),
            ReferenciaDeLaOferta = r.Text("referencia_de_la_oferta"),
            ValorDeLaOferta = r.Money("valor_de_la_oferta"),
            EntidadCompradora = r.Text("entidad_compradora"),
            NitEntidadCompradora = Nit.Canonical(r.Text("nit_entidad_compradora")),
            Moneda = r.Text("moneda"),
            ReferenciaDelProceso = r.Text("referencia_del_proceso"),
            Modalidad = r.Text("modalidad"),
            InvitacionDirecta = r.Bool("invitacion_directa"),
            NombreProveedor = r.Text("nombre_proveedor"),
            NitDelProveedor = SecopDatasets.SupplierNit(r.Text("nit_del_proveedor")),
            CodigoEntidad = r.Text("c_digo_entidad"),
            CodigoProveedor = r.Text("c_digo_proveedor"),
        };
    }
}

public sealed class ProveedoresDataset() : SecopDataset<ProveedorRegistrado>(nameof(ProveedorRegistrado.Codigo), p => p.Codigo)
{
    public override string Id => "qmzu-gj57";
    public override string Nombre => "Proveedores registrados";
    public override bool Incremental => false;
    public override IReadOnlySet<string> Columns { get; } = ColumnSet("""
        codigo nombre nit es_entidad es_grupo esta_activa fecha_creacion codigo_categoria_principal
        descripcion_categoria_principal telefono fax correo direccion pais departamento municipio sitio_web
        tipo_empresa nombre_representante_legal tipo_doc_representante_legal n_mero_doc_representante_legal
        numero_doc_representante_legal telefono_representante_legal correo_representante_legal espyme es_pyme ubicacion
        """);

    // The registry has no buyer column: ask for the suppliers that appear in the entity's own records (CONTRACTS §1).
    public override async Task<IReadOnlyList<RowFilter>> FiltersAsync(AppDbContext db, IReadOnlyList<string> entityNits, CancellationToken ct)
    {
        var codes = await db.Procesos.Select(p => p.CodigoProveedor)
            .Concat(db.Contratos.Select(c => c.CodigoProveedor))
            .Concat(db.Proponentes.Select(p => p.CodigoProveedor))
            .Concat(db.Ofertas.Select(o => o.CodigoProveedor))
            .Distinct().ToListAsync(ct);
        return Batches("codigo", codes);
    }

    public override string? KeyOf(RawRow row) => row.Text("codigo");

    protected override ProveedorRegistrado MapRow(RawRow r) => new()
    {
        Codigo = r.Required("codigo"),
        Nombre = r.Text("nombre"),
        Nit = SecopDatasets.SupplierNit(r.Text("nit")),
        EsEntidad = r.Bool("es_entidad"),
        EsGrupo = r.Bool("es_grupo"),
        EstaActiva = r.Bool("esta_activa"),
        FechaCreacion = r.Date("fecha_creacion"),
        CodigoCategoriaPrincipal = r.UnspscCode("codigo_categoria_principal"),
        DescripcionCategoriaPrincipal = r.Text("descripcion_categoria_principal"),
        Pais = r.Text("pais"),
        Departamento = r.Text("departamento"),
        Municipio = r.Text("municipio"),
        TipoEmpresa = r.Text("tipo_empresa"),
        TipoDocRepresentanteLegal = r.Text("tipo_doc_representante_legal"),
        EsPyme = r.Bool("espyme") ?? r.Bool("es_pyme"),
    };
}
