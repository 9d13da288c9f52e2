namespace OpenLicitaciones.Features.Shared;

/// <summary>
/// The one "new supplier" rule of the Monitor and the Indicadores (G9): new = no counted contract with the entity in the
/// <c>anios</c> years before its first counted contract of the window or period; unknown when the synced history does
/// not reach that far back.
/// </summary>
public static class ProveedorNuevo
{
    /// <param name="primeraFirma">Its first counted contract's signature date in the window or period.</param>
    /// <param name="firmasContadas">The signature dates of all its counted contracts with the entity.</param>
    /// <param name="historiaDesde">The earliest date the synced data covers.</param>
    public static bool? Es(DateTime primeraFirma, IEnumerable<DateTime> firmasContadas, int anios, DateTime? historiaDesde)
    {
        var desde = primeraFirma.AddYears(-anios);
        if (historiaDesde is null || historiaDesde > desde) return null;
        return !firmasContadas.Any(f => f >= desde && f < primeraFirma);
    }
}
