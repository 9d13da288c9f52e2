namespace OpenLicitaciones.Data;

/// <summary>
/// A producer organisation of the registry (Capacidad productiva): the published associations of data/associations.json,
/// the demo organisations in demo mode, and later the ones staff add.
/// </summary>
public sealed class Asociacion
{
    public int Id { get; set; }
    public string Nombre { get; set; } = "";
    public string? Municipio { get; set; }
    public string Fuente { get; set; } = "";
    /// <summary>Without check digit; null while unpublished (the real associations' NITs are not).</summary>
    public string? Nit { get; set; }
    /// <summary>WGS84; null means "ubicación por confirmar", never an invented place.</summary>
    public double? Latitud { get; set; }
    public double? Longitud { get; set; }
    /// <summary>The populated place it is at, as shown beside its location.</summary>
    public string? Lugar { get; set; }
    public bool EsDemo { get; set; }
    /// <summary>"archivo" for rows the data files seeded on the first start, "secretaria" for the ones staff added.</summary>
    public string Origen { get; set; } = Archivo;
    public const string Archivo = "archivo";
    public const string Secretaria = "secretaria";
    /// <summary>The legal representative is a woman; null when not recorded.</summary>
    public bool? RepresentanteMujer { get; set; }
    /// <summary>Share of members who are women (0.4 = 40 %); null when not recorded.</summary>
    public double? ProporcionMujeres { get; set; }
    /// <summary>"rural" or "urbana" (the survey's differential focus); null when not recorded.</summary>
    public string? Zona { get; set; }
    /// <summary>Members include victims of the armed conflict; null when not recorded.</summary>
    public bool? IncluyeVictimas { get; set; }
    /// <summary>Ethnic groups among the members, comma-separated codes of <c>EnfoqueDiferencial.GruposEtnicos</c>; null when not recorded.</summary>
    public string? GruposEtnicos { get; set; }
    public string? ActualizadaPor { get; set; }
    public DateTime? ActualizadaEn { get; set; }
    /// <summary>Changes at every save: a save based on an older version is refused (optimistic concurrency).</summary>
    public Guid Version { get; set; }
    public List<ProductoAsociacion> Productos { get; set; } = [];
}

public sealed class ProductoAsociacion
{
    public int Id { get; set; }
    public int AsociacionId { get; set; }
    public string Producto { get; set; } = "";
    /// <summary>UNSPSC family (4 digits, segment 50) from data/productos_unspsc.csv.</summary>
    public string Familia { get; set; } = "";
    /// <summary>Null when the source did not publish a capacity ("Sin dato").</summary>
    public double? Cantidad { get; set; }
    public string? Unidad { get; set; }
    public string? Periodo { get; set; }
}

/// <summary>A source row that could not be mapped: kept with the reason, never dropped silently.</summary>
public sealed class QuarantinedRow
{
    public long Id { get; set; }
    public long SyncRunId { get; set; }
    public string Dataset { get; set; } = "";
    public string? RowKey { get; set; }
    public string Reason { get; set; } = "";
    public string RawJson { get; set; } = "";
    public DateTime QuarantinedAt { get; set; }
}

public sealed class SyncRun
{
    public long Id { get; set; }
    public string Dataset { get; set; } = "";
    public string Source { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int RowsRead { get; set; }
    public int RowsUpserted { get; set; }
    public int RowsQuarantined { get; set; }
    public string? UnknownColumns { get; set; }
    public string? Error { get; set; }
    /// <summary>The lease holder that ran it, so a run left open by a dead process can be told from a running one.</summary>
    public string? Holder { get; set; }
}

/// <summary>Where the next incremental run of a dataset resumes: the last (:updated_at, :id) stored.</summary>
public sealed class SyncCheckpoint
{
    public string Dataset { get; set; } = "";
    public string Source { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
    public string RowId { get; set; } = "";
    public DateTime SavedAt { get; set; }
}

/// <summary>
/// One sync per dataset at a time across processes (server jobs and the CLI). The holder's machine, process id and
/// process start let another process on the same machine see at once that the holder died; elsewhere the lease
/// expires a minute after its last heartbeat.
/// </summary>
public sealed class SyncLease
{
    public string Dataset { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
    public string Machine { get; set; } = "";
    public int ProcessId { get; set; }
    public string? ProcessStart { get; set; }
    public DateTime HeartbeatAt { get; set; }
}
