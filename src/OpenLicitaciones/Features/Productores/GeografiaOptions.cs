using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OpenLicitaciones.Features.Productores;

/// <summary>
/// The municipality the map draws and the files it comes from (section "Geografia"). Another municipality of the
/// same files is a change of <see cref="CodigoMunicipio"/> only; other files, of the paths and the attribution lines.
/// </summary>
public sealed class GeografiaOptions
{
    public const string Section = "Geografia";

    /// <summary>The DANE code of the municipality, 5 digits (department + municipality), as MPIO_CCNCT in the boundaries file.</summary>
    [Required(ErrorMessage = "Geografia:CodigoMunicipio: indique el código DANE de 5 dígitos del municipio (p. ej. 76520 para Palmira).")]
    [RegularExpression(@"^\d{5}$", ErrorMessage = "Geografia:CodigoMunicipio debe ser el código DANE de 5 dígitos del municipio (p. ej. 76520 para Palmira).")]
    public string CodigoMunicipio { get; set; } = "";

    /// <summary>GeoJSON of municipal boundaries (DANE MGN), relative to the app's folder.</summary>
    [Required(ErrorMessage = "Geografia:Limites: indique la ruta del GeoJSON de límites municipales.")]
    public string Limites { get; set; } = "";

    /// <summary>GeoJSON of centros poblados (DANE DIVIPOLA points), relative to the app's folder.</summary>
    [Required(ErrorMessage = "Geografia:CentrosPoblados: indique la ruta del GeoJSON de centros poblados.")]
    public string CentrosPoblados { get; set; } = "";

    /// <summary>Source and licence of the boundaries file, shown under the map.</summary>
    [Required(ErrorMessage = "Geografia:AtribucionLimites: indique la fuente y la licencia del archivo de límites; se muestran bajo el mapa.")]
    public string AtribucionLimites { get; set; } = "";

    /// <summary>Source and licence of the centros poblados file, shown under the map.</summary>
    [Required(ErrorMessage = "Geografia:AtribucionCentrosPoblados: indique la fuente y la licencia del archivo de centros poblados; se muestran bajo el mapa.")]
    public string AtribucionCentrosPoblados { get; set; } = "";

    public string RutaLimites => Path.Combine(AppContext.BaseDirectory, Limites);

    public string RutaCentrosPoblados => Path.Combine(AppContext.BaseDirectory, CentrosPoblados);
}

/// <summary>The files must exist and hold the municipality: the check loads them, so a bad setting stops the app at start.</summary>
public sealed class GeografiaOptionsValidator : IValidateOptions<GeografiaOptions>
{
    public ValidateOptionsResult Validate(string? name, GeografiaOptions options)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            return ValidateOptionsResult.Fail(results.Select(r => r.ErrorMessage ?? "Geografia: valor no válido."));
        try
        {
            Geografia.Cargar(options);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or JsonException)
        {
            return ValidateOptionsResult.Fail(e is InvalidDataException ? e.Message : $"Geografia: no se pudo leer un archivo de geografía: {e.Message}");
        }
    }
}
