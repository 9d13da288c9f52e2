using System.ComponentModel.DataAnnotations;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Monitor;

public sealed class MonitorOptions
{
    public const string Section = "Monitor";

    /// <summary>A supplier is new without a contract with the entity in this many years before (3 by default, CONTRACTS §4).</summary>
    [Range(1, 20, ErrorMessage = "Monitor:AniosNuevo debe estar entre 1 y 20.")]
    public int AniosNuevo { get; set; } = 3;

    /// <summary>
    /// Suppliers located in one of these municipalities are local. Not a setting of its own: it is taken from the
    /// entities' settings (Entities:n:Municipio), so the place is configured once.
    /// </summary>
    public IReadOnlyList<string> Municipios { get; internal set; } = [];

    /// <summary>The same municipalities as a sentence names them, for labels such as "Locales (…)".</summary>
    public string MunicipiosTexto => EntitiesOptions.SpanishList(Municipios);

    /// <summary>R003: fewer days than this between publication and the offers deadline is a short period, per modality code.</summary>
    public Dictionary<string, int> PlazoMinimoDias { get; set; } = [];

    [Range(1, 90, ErrorMessage = "Monitor:PlazoMinimoPorDefecto debe estar entre 1 y 90 días.")]
    public int PlazoMinimoPorDefecto { get; set; } = 15;

    /// <summary>R048 compares only suppliers with at least this many awards.</summary>
    [Range(1, 1000, ErrorMessage = "Monitor:MinimoProcesosMultiobjeto debe estar entre 1 y 1000.")]
    public int MinimoProcesosMultiobjeto { get; set; } = 20;
}
