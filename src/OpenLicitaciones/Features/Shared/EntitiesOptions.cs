using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OpenLicitaciones.Features.Shared;

/// <summary>One public entity the dashboard follows (CONTRACTS §1): found by its NIT, shown by its names.</summary>
public sealed class EntityOptions
{
    [Required, RegularExpression(@"^\d{6,10}$", ErrorMessage = "Cada entidad necesita un NIT de 6 a 10 dígitos, sin dígito de verificación.")]
    public string Nit { get; set; } = "";

    /// <summary>As the entity calls itself, e.g. "Alcaldía de …".</summary>
    [Required(ErrorMessage = "Cada entidad necesita su nombre (Nombre), como se muestra al público.")]
    public string Nombre { get; set; } = "";

    /// <summary>Where it is: the page header names it, and suppliers located there count as local in the Monitor.</summary>
    [Required(ErrorMessage = "Cada entidad necesita su municipio (Municipio): los proveedores de ese municipio cuentan como locales.")]
    public string Municipio { get; set; } = "";

    [Required(ErrorMessage = "Cada entidad necesita su departamento (Departamento).")]
    public string Departamento { get; set; } = "";
}

/// <summary>The entities of this dashboard, from the "Entities" list of the settings.</summary>
public sealed class EntitiesOptions
{
    public const string Section = "Entities";

    public List<EntityOptions> Items { get; set; } = [];

    /// <summary>The "Entities" list as the settings give it, not yet validated.</summary>
    public static EntitiesOptions From(IConfiguration configuration)
    {
        var options = new EntitiesOptions();
        configuration.GetSection(Section).Bind(options.Items);
        return options;
    }

    public IReadOnlyList<string> Nits => Items.Select(e => Nit.Canonical(e.Nit) ?? e.Nit).Distinct().ToList();

    /// <summary>The entities' municipalities, in the order configured, each once.</summary>
    public IReadOnlyList<string> Municipios => Items.Select(e => e.Municipio.Trim()).Where(m => m.Length > 0).DistinctBy(PlainText.Fold).ToList();

    /// <summary>The entities' public names, each once, in the order configured.</summary>
    public IReadOnlyList<string> Nombres => Items.Select(e => e.Nombre.Trim()).Where(n => n.Length > 0).Distinct().ToList();

    /// <summary>The entities' names as a sentence says them ("Alcaldía de Palmira"), or "la entidad" without any.</summary>
    public string NombresTexto => Nombres.Count == 0 ? "la entidad" : SpanishList(Nombres);

    /// <summary>The municipalities as a sentence says them: "Buga", "Buga y Tuluá", "Tuluá, Buga e Ibagué".</summary>
    public string MunicipiosTexto => SpanishList(Municipios);

    /// <summary>Where the dashboard looks, for its header: "Municipio · Departamento" of each entity, each place once.</summary>
    public string Lugar => string.Join(", ", Items.Select(e => $"{e.Municipio.Trim()} · {e.Departamento.Trim()}").Distinct());

    /// <summary>Items joined with commas and a last "y" ("e" before an i sound, as Spanish writes "Cali e Ibagué").</summary>
    public static string SpanishList(IReadOnlyList<string> items)
    {
        if (items.Count <= 1) return items.FirstOrDefault() ?? "";
        var last = PlainText.Fold(items[^1]);
        var and = (last.StartsWith('i') || last.StartsWith("hi", StringComparison.Ordinal)) && !last.StartsWith("hie", StringComparison.Ordinal)
                  && !last.StartsWith("hia", StringComparison.Ordinal) ? "e" : "y";
        return $"{string.Join(", ", items.Take(items.Count - 1))} {and} {items[^1]}";
    }
}

public sealed class EntitiesOptionsValidator : IValidateOptions<EntitiesOptions>
{
    public ValidateOptionsResult Validate(string? name, EntitiesOptions options)
    {
        if (options.Items.Count == 0)
            return ValidateOptionsResult.Fail("Entities: configure al menos una entidad con su NIT, su nombre, su municipio y su departamento.");
        var errors = new List<string>();
        foreach (var entity in options.Items)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(entity, new ValidationContext(entity), results, validateAllProperties: true))
                errors.AddRange(results.Select(r => $"Entities ({entity.Nit}): {r.ErrorMessage}"));
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
