using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Indicadores;

/// <summary>The Indicadores' settings ("Indicadores" in appsettings.json); staff targets kept in the database override them.</summary>
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

}

/// <summary>
/// The targets in force: the ones staff keep in the staff area override the settings' (Indicadores:Metas), indicator
/// by indicator and year; G10's is the law's.
/// </summary>
public sealed class MetasIndicadores(IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> porIndicador)
{
    public static readonly MetasIndicadores Ninguna = new(new Dictionary<string, IReadOnlyDictionary<int, double>>());

    /// <summary>Indicator code → year → target, without G10's.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> PorIndicador => porIndicador;

    /// <summary>The target of an indicator in a year, or null.</summary>
    public double? Meta(string codigo, int anio) => codigo == "g10"
        ? Productores.Ley2046.Meta
        : porIndicador.TryGetValue(codigo, out var porAnio) && porAnio.TryGetValue(anio, out var meta) ? meta : null;

    public static MetasIndicadores Combinar(IndicadoresOptions opciones, IEnumerable<(string Codigo, int Anio, double Valor)> personal)
    {
        var metas = opciones.Metas.ToDictionary(m => m.Key, m => new Dictionary<int, double>(m.Value));
        foreach (var (codigo, anio, valor) in personal)
        {
            if (!metas.TryGetValue(codigo, out var porAnio)) metas[codigo] = porAnio = [];
            porAnio[anio] = valor;
        }
        return new(metas.ToDictionary(m => m.Key, m => (IReadOnlyDictionary<int, double>)m.Value));
    }

}

/// <summary>Reads the targets in force: the staff's from the database over the settings'.</summary>
public sealed class MetasVigentes(IDbContextFactory<AppDbContext> dbFactory, IOptions<IndicadoresOptions> options)
{
    public async Task<MetasIndicadores> LeerAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var personal = await db.Metas.AsNoTracking().Select(m => new { m.Codigo, m.Anio, m.Valor }).ToListAsync(ct);
        return MetasIndicadores.Combinar(options.Value, personal.Select(m => (m.Codigo, m.Anio, m.Valor)));
    }
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
        builder.Services.AddSingleton<MetasVigentes>();
        builder.Services.AddSingleton<IndicadoresSnapshot>();
        return builder;
    }
}
