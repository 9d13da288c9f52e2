using Microsoft.Extensions.Options;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Indicadores;

/// <summary>The Indicadores' settings ("Indicadores" in appsettings.json) until the staff area keeps them.</summary>
public sealed class IndicadoresOptions
{
    public const string Section = "Indicadores";

    /// <summary>The indicator codes of the board (CONTRACTS §6): g1 … g13.</summary>
    public static readonly IReadOnlyList<string> Codigos = Enumerable.Range(1, 13).Select(i => $"g{i}").ToList();

    /// <summary>
    /// Targets per indicator code and year, as shares (0.35 = 35 %). None is invented: an indicator without one shows
    /// none. G10's 30 % is the law's (Ley 2046 de 2020) and is not a setting.
    /// </summary>
    public Dictionary<string, Dictionary<int, double>> Metas { get; set; } = [];

    /// <summary>The target of an indicator in a year, or null.</summary>
    public double? Meta(string codigo, int anio) => codigo == "g10"
        ? Productores.Ley2046.Meta
        : Metas.TryGetValue(codigo, out var porAnio) && porAnio.TryGetValue(anio, out var meta) ? meta : null;
}

public sealed class IndicadoresOptionsValidator : IValidateOptions<IndicadoresOptions>
{
    public ValidateOptionsResult Validate(string? name, IndicadoresOptions options)
    {
        var fallas = new List<string>();
        foreach (var (codigo, porAnio) in options.Metas)
        {
            if (codigo == "g10")
                fallas.Add("Indicadores:Metas:g10: la meta de la Ley 2046 (30 %) la fija la ley; no es un ajuste.");
            else if (!IndicadoresOptions.Codigos.Contains(codigo))
                fallas.Add($"Indicadores:Metas: «{codigo}» no es un indicador (se esperan g1 … g13, en minúsculas).");
            foreach (var (anio, meta) in porAnio)
            {
                if (anio is < 2000 or > 2100) fallas.Add($"Indicadores:Metas:{codigo}:{anio}: el año debe estar entre 2000 y 2100.");
                if (meta is <= 0 or > 1 || double.IsNaN(meta))
                    fallas.Add($"Indicadores:Metas:{codigo}:{anio}: la meta es una proporción mayor que 0 y hasta 1 (0.35 = 35 %).");
            }
        }
        return fallas.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(fallas);
    }
}

public static class IndicadoresRegistration
{
    public static IHostApplicationBuilder AddIndicadores(this IHostApplicationBuilder builder)
    {
        builder.AddSharedRules();
        builder.Services.AddOptions<IndicadoresOptions>().Bind(builder.Configuration.GetSection(IndicadoresOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IndicadoresOptions>, IndicadoresOptionsValidator>();
        builder.Services.AddSingleton<IndicadoresSnapshot>();
        return builder;
    }
}
