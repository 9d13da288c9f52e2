using System.ComponentModel.DataAnnotations;

namespace OpenLicitaciones.Features.Monitor;

public sealed class MonitorOptions
{
    public const string Section = "Monitor";

    /// <summary>A supplier is new without a contract with the entity in this many years before (Palmira measured 3).</summary>
    [Range(1, 20, ErrorMessage = "Monitor:AniosNuevo debe estar entre 1 y 20.")]
    public int AniosNuevo { get; set; } = 3;

    /// <summary>The entity's municipality: suppliers located there are local.</summary>
    [Required(ErrorMessage = "Monitor:Municipio es obligatorio (p. ej. Palmira).")]
    public string Municipio { get; set; } = "Palmira";

    /// <summary>R003: fewer days than this between publication and the offers deadline is a short period, per modality code.</summary>
    public Dictionary<string, int> PlazoMinimoDias { get; set; } = [];

    [Range(1, 90, ErrorMessage = "Monitor:PlazoMinimoPorDefecto debe estar entre 1 y 90 días.")]
    public int PlazoMinimoPorDefecto { get; set; } = 15;

    /// <summary>R048 compares only suppliers with at least this many awards.</summary>
    [Range(1, 1000, ErrorMessage = "Monitor:MinimoProcesosMultiobjeto debe estar entre 1 y 1000.")]
    public int MinimoProcesosMultiobjeto { get; set; } = 20;
}
