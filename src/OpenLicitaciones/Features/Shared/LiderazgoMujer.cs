
namespace OpenLicitaciones.Features.Shared;

/// <summary>A staff-recorded certification (Decreto 1860 de 2021, "emprendimiento y empresa de mujer") of a supplier NIT.</summary>
public sealed record Certificacion(string Nit, DateOnly Desde, DateOnly? Hasta, string Evidencia);

/// <summary>Where a women-led status comes from: the screen says which one, and the proxy is never called ownership.</summary>
public enum FuenteMujer { Ninguna, Certificacion, RepresentanteLegal }

/// <summary>Whether a supplier is women-led at a date (true, false or unknown) and from which source.</summary>
public sealed record EstadoMujer(bool? Lider, FuenteMujer Fuente)
{
    public static readonly EstadoMujer Desconocido = new(null, FuenteMujer.Ninguna);

    public string Etiqueta => Fuente switch
    {
        FuenteMujer.Certificacion => "certificado por la Secretaría",
        FuenteMujer.RepresentanteLegal => "representante legal mujer, según SECOP II",
        _ => "sin dato",
    };
}

/// <summary>
/// Women-led (CONTRACTS §7): a certification in force at the date wins; otherwise the open-data proxy
/// <c>g_nero_representante_legal</c> of that contract (Mujer → yes; Hombre, Otro → no; anything else → unknown).
/// </summary>
public static class LiderazgoMujer
{
    // Shared: a department's million contracts need only these four states.
    private static readonly EstadoMujer Certificada = new(true, FuenteMujer.Certificacion);
    private static readonly EstadoMujer ProxyMujer = new(true, FuenteMujer.RepresentanteLegal);
    private static readonly EstadoMujer ProxyOtro = new(false, FuenteMujer.RepresentanteLegal);

    /// <param name="certificaciones">The certifications staff recorded (all, or only this NIT's).</param>
    public static EstadoMujer De(string? nit, DateOnly fecha, string? generoRepresentante, IReadOnlyList<Certificacion> certificaciones)
    {
        return EnVigor(nit, fecha, fecha, certificaciones) ? Certificada : Estado(generoRepresentante);
    }

    /// <summary>
    /// A supplier's status over a span of days (a bidder in a period, CONTRACTS §7; a supplier in the Monitor's window,
    /// §4): a certification in force on any of them, otherwise the proxy on its most recent counted contract
    /// (<paramref name="generoUltimoContrato"/>), otherwise unknown.
    /// </summary>
    public static EstadoMujer Entre(string? nit, DateOnly desde, DateOnly hasta, string? generoUltimoContrato, IReadOnlyList<Certificacion> certificaciones) =>
        EnVigor(nit, desde, hasta, certificaciones) ? Certificada : Estado(generoUltimoContrato);

    // A loop, not a lambda: called for each of a department's million contracts, where a closure per call adds up.
    private static bool EnVigor(string? nit, DateOnly desde, DateOnly hasta, IReadOnlyList<Certificacion> certificaciones)
    {
        if (nit is null) return false;
        foreach (var c in certificaciones)
            if (c.Nit == nit && c.Desde <= hasta && (c.Hasta is null || desde <= c.Hasta)) return true;
        return false;
    }

    private static EstadoMujer Estado(string? genero) => Proxy(genero) switch
    {
        true => ProxyMujer,
        false => ProxyOtro,
        null => EstadoMujer.Desconocido,
    };

    /// <summary>The proxy alone: Mujer → true; Hombre, Otro → false; "No Definido", blank or anything else → null.</summary>
    public static bool? Proxy(string? generoRepresentante) => PlainText.IsSentinel(generoRepresentante)
        ? null
        : PlainText.Fold(generoRepresentante!) switch
        {
            "mujer" => true,
            "hombre" or "otro" => false,
            _ => null,
        };
}
