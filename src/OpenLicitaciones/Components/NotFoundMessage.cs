namespace OpenLicitaciones.Components;

/// <summary>What a "not found" page says, and where it leads back to.</summary>
public sealed record NotFoundMessage(string Title, string Heading, string Text, string BackHref, string BackLabel)
{
    public static readonly NotFoundMessage Pagina = new("Página no encontrada", "No encontramos esta página",
        "La dirección puede estar mal escrita o la página ya no existe.", "/", "Volver al inicio");

    public static readonly NotFoundMessage Oportunidad = new("Oportunidad no encontrada", "No encontramos esta oportunidad",
        "Puede que ya no esté en el plan de compras vigente o que la dirección esté incompleta.", "/licitaciones", "Volver al Banco de Licitaciones");

    // The identifier is not repeated: an old link may carry a person's cédula (CONTRACTS §1).
    public static readonly NotFoundMessage Proveedor = new("Proveedor no encontrado", "No encontramos este proveedor",
        "No hay un proveedor con ese identificador en los datos sincronizados de la entidad.", "/proveedores", "Volver al Monitor de Transparencia");

    public static readonly NotFoundMessage Indicador = new("Indicador no encontrado", "No encontramos este indicador",
        "Los indicadores van de G1 a G13 (G11 está en Capacidad productiva), más las cifras de integridad R013 y R018.", "/indicadores",
        "Volver a los indicadores");

    public static readonly NotFoundMessage SinPermiso = new("Acceso restringido", "Esta sección no está disponible para su cuenta",
        "Solo un administrador puede abrirla. Si necesita hacer este cambio, pídaselo a un administrador de la Secretaría.", "/admin",
        "Volver al área de la Secretaría");

    /// <summary>
    /// The message for an address that answered 404. A detail page that finds nothing answers 404 while prerendering,
    /// and .NET 10 then re-executes the request here: the original address says which message it had.
    /// </summary>
    public static NotFoundMessage For(string? originalPath) => originalPath switch
    {
        { } p when p.StartsWith("/licitaciones/", StringComparison.OrdinalIgnoreCase) => Oportunidad,
        { } p when p.StartsWith("/proveedores/", StringComparison.OrdinalIgnoreCase) => Proveedor,
        { } p when p.StartsWith("/indicadores/", StringComparison.OrdinalIgnoreCase) => Indicador,
        _ => Pagina,
    };
}
