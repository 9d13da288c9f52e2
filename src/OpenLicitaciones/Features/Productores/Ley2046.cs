using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Productores;

/// <summary>
/// A contract as G10 needs it: its year of signature, value, principal UNSPSC code, state and supplier (<paramref name="NitProveedor"/>
/// when it is an organisation; <paramref name="CodigoProveedor"/> set when the supplier is identified at all, null when it is
/// unknown); and whether the
/// supplier is an MSME located in the municipality (null when either is unknown), for the separate "mipyme local" figure.
/// </summary>
public sealed record ContratoAlimento(
    string IdContrato, int? Anio, long? Valor, string? Unspsc, string? Estado, string? NitProveedor, string? CodigoProveedor, string? Proveedor,
    bool? MipymeLocal = null);

/// <summary>A registered local producer that sold food to the entity in a year.</summary>
public sealed record ProductorContado(string Nit, string Nombre, int Contratos, long Valor);

/// <summary>
/// G10 for one year: share of food purchase value bought from local small producers, or why there is none; beside it,
/// never instead of it, the broader share bought from local MSMEs (CONTRACTS §7) with its own coverage.
/// </summary>
public sealed record Ley2046Anio(
    int Anio, int ContratosAlimentos, long ValorAlimentos, long ValorProductores, double? Participacion, string? Motivo,
    CoberturaDatos Cobertura, IReadOnlyList<ProductorContado> Productores, double? ParticipacionMipymeLocal, CoberturaDatos CoberturaMipymeLocal)
{
    public bool CumpleMeta => Participacion >= Ley2046.Meta;
}

/// <summary>
/// Ley 2046 de 2020 (G10, CONTRACTS §7): the share of the value of food purchases — counted contracts (set A) whose
/// principal UNSPSC code is in segment 50, by year of signature — sold by suppliers whose NIT is in the producer registry.
/// Contracts whose supplier or value is unknown are left out of the base and counted in the coverage. While no registry
/// entry has a NIT the share is "registro incompleto", never 0 %. The Indicadores reuse this function as is.
/// </summary>
public static class Ley2046
{
    public const double Meta = 0.30;

    /// <summary>
    /// NIT → name of every local small producer: the registry's organisations that have a NIT, and the suppliers staff
    /// marked as small producers or ACFC organisations (CONTRACTS §7). The registry's name wins for a NIT in both.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ProductoresPorNit(IEnumerable<(string? Nit, string Nombre)> registro,
        IReadOnlyDictionary<string, string> marcados)
    {
        var porNit = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (nit, nombre) in registro)
            if (nit is not null) porNit.TryAdd(nit, nombre);
        foreach (var (nit, nombre) in marcados) porNit.TryAdd(nit, nombre);
        return porNit;
    }
    public const string RegistroIncompleto = "Registro incompleto: ninguna organización del registro de productores tiene NIT y la Secretaría no ha marcado pequeños productores.";
    public const string SinDatos = "Sin datos: no hay compras de alimentos firmadas este año.";

    public static IReadOnlyList<Ley2046Anio> PorAnio(IEnumerable<ContratoAlimento> contratos, IReadOnlyDictionary<string, string> productoresPorNit,
        int desde, int hasta)
    {
        var compras = contratos
            .Where(c => c.Anio is { } a && a >= desde && a <= hasta && FoodRule.IsFoodPurchase(c.Unspsc) && SecopRules.CountsAsContract(c.Estado))
            .ToLookup(c => c.Anio!.Value);
        return Enumerable.Range(desde, hasta - desde + 1).Select(anio => Calcular(anio, compras[anio].ToList(), productoresPorNit)).ToList();
    }

    /// <summary>
    /// G10 over the food purchases of one period (counted contracts of segment 50, chosen by the caller): the Indicadores
    /// call it per year and per quarter, <paramref name="anio"/> being the period's year.
    /// </summary>
    public static Ley2046Anio Calcular(int anio, IReadOnlyList<ContratoAlimento> compras, IReadOnlyDictionary<string, string> productoresPorNit)
    {
        var conocidos = compras.Where(c => c.Valor is not null && (c.NitProveedor is not null || !PlainText.IsSentinel(c.CodigoProveedor))).ToList();
        var cobertura = new CoberturaDatos(conocidos.Count, compras.Count, conocidos.Sum(c => c.Valor!.Value), compras.Sum(c => c.Valor ?? 0));
        var locales = conocidos.Where(c => c.NitProveedor is { } nit && productoresPorNit.ContainsKey(nit)).ToList();
        var productores = locales.GroupBy(c => c.NitProveedor!)
            .Select(g => new ProductorContado(g.Key, productoresPorNit[g.Key], g.Count(), g.Sum(c => c.Valor!.Value)))
            .OrderByDescending(p => p.Valor).ThenBy(p => p.Nit, StringComparer.Ordinal).ToList();
        var valorLocales = locales.Sum(c => c.Valor!.Value);
        var motivo = productoresPorNit.Count == 0 ? RegistroIncompleto
            : compras.Count == 0 ? SinDatos
            : cobertura.ValorConocido == 0 ? "Sin datos: ninguna compra de alimentos tiene proveedor y valor conocidos."
            : null;
        double? participacion = motivo is null ? (double)valorLocales / cobertura.ValorConocido : null;

        var conMipyme = compras.Where(c => c.Valor is not null && c.MipymeLocal is not null).ToList();
        var coberturaMipyme = new CoberturaDatos(conMipyme.Count, compras.Count, conMipyme.Sum(c => c.Valor!.Value), cobertura.ValorTotal);
        double? mipyme = coberturaMipyme.ValorConocido == 0 ? null
            : (double)conMipyme.Where(c => c.MipymeLocal == true).Sum(c => c.Valor!.Value) / coberturaMipyme.ValorConocido;
        return new Ley2046Anio(anio, compras.Count, cobertura.ValorTotal, valorLocales, participacion, motivo, cobertura, productores, mipyme, coberturaMipyme);
    }
}
