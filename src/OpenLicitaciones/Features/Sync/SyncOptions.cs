using System.ComponentModel.DataAnnotations;

namespace OpenLicitaciones.Features.Sync;

public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>"demo" (deterministic generator, no network) or "socrata" (datos.gov.co).</summary>
    [Required, RegularExpression("^(demo|socrata)$", ErrorMessage = "Sync:Source debe ser 'demo' o 'socrata'.")]
    public string Source { get; set; } = "demo";

    /// <summary>Portal root; datasets are read from {BaseUrl}/resource/{id}.json.</summary>
    [Required, Url(ErrorMessage = "Sync:BaseUrl debe ser una URL absoluta, p. ej. https://www.datos.gov.co.")]
    public string BaseUrl { get; set; } = "https://www.datos.gov.co";

    /// <summary>datos.gov.co app token; from configuration or the environment (Sync__AppToken), never the repository.</summary>
    public string? AppToken { get; set; }

    [Range(1, 50_000, ErrorMessage = "Sync:PageSize debe estar entre 1 y 50000.")]
    public int PageSize { get; set; } = 1000;

    /// <summary>How far back an incremental run re-reads before its checkpoint (CCE re-stamps rows in bulk).</summary>
    [Range(0, 60 * 24 * 30, ErrorMessage = "Sync:OverlapMinutes debe estar entre 0 y 43200.")]
    public int OverlapMinutes { get; set; } = 48 * 60;

    [Range(0, 10, ErrorMessage = "Sync:MaxRetries debe estar entre 0 y 10.")]
    public int MaxRetries { get; set; } = 5;

    [Range(1, 60_000, ErrorMessage = "Sync:RetryBaseDelayMs debe estar entre 1 y 60000.")]
    public int RetryBaseDelayMs { get; set; } = 1000;

    [Range(1, 300_000, ErrorMessage = "Sync:RetryMaxDelayMs debe estar entre 1 y 300000.")]
    public int RetryMaxDelayMs { get; set; } = 60_000;

    [Range(1, 3600, ErrorMessage = "Sync:RequestTimeoutSeconds debe estar entre 1 y 3600.")]
    public int RequestTimeoutSeconds { get; set; } = 120;

    /// <summary>Fill an empty database before serving the dashboard.</summary>
    public bool LoadOnFirstStart { get; set; } = true;

    /// <summary>Whether the scheduler runs in the web app (off for tests and single-shot CLI runs).</summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>Quartz cron expression per dataset id; a dataset without one is not scheduled.</summary>
    public Dictionary<string, string> Schedules { get; set; } = [];
}
