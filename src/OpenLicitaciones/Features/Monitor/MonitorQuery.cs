using System.Globalization;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Monitor;

public static class MonitorQuery
{
    /// <summary>Suppliers that took part in the window and match the filter, in the filter's order (ties by name, then id).</summary>
    public static IReadOnlyList<ResumenProveedor> Apply(MonitorSnapshot.Built data, MonitorFilter f, int aniosNuevo, IReadOnlyList<string> municipios) =>
        Filas(data, f, aniosNuevo, municipios).Select(x => x.Resumen).ToList();

    /// <summary>The Monitor's list as the API and its exports publish it (the benchmark times this same call).</summary>
    public static IReadOnlyList<MonitorItem> Items(MonitorSnapshot.Built data, MonitorFilter f, MonitorOptions o) =>
        Filas(data, f, o.AniosNuevo, o.Municipios).Select(x => x.Item).ToList();

    /// <summary>The same rows as <see cref="Apply"/>, with the supplier's history and published item.</summary>
    public static IEnumerable<MonitorSnapshot.Fila> Filas(MonitorSnapshot.Built data, MonitorFilter f, int aniosNuevo, IReadOnlyList<string> municipios)
    {
        var q = f.Q is null ? null : SupplierIdentity.NormalizeName(f.Q);
        var qDigits = f.Q is null ? "" : new string(f.Q.Where(char.IsAsciiDigit).ToArray());
        return data.Ventana(f.Desde, f.Hasta, aniosNuevo, municipios, f.Orden)
            .Where(x => q is null || data.SearchName(x.Historia).Contains(q, StringComparison.Ordinal)
                        || MatchesDocument(x.Historia, qDigits))
            .Where(x => f.Mujer is null || x.Resumen.Mujer == f.Mujer)
            .Where(x => !f.Nuevo || x.Resumen.Nuevo == TriState.Si)
            .Where(x => !f.Pyme || x.Resumen.Pyme == TriState.Si)
            .Where(x => !f.Local || x.Resumen.Local == TriState.Si)
            .Where(x => f.Modalidad is null || x.Resumen.Modalidades.Contains(f.Modalidad));
    }

    /// <summary>The rows in the order <paramref name="orden"/> names (a field, '-' first for descending), ties by name, then id.</summary>
    public static IReadOnlyList<MonitorSnapshot.Fila> Order(IReadOnlyList<MonitorSnapshot.Fila> rows, string orden)
    {
        var descending = orden.StartsWith('-');
        var field = orden.TrimStart('-');
        var key = Key(field);
        IOrderedEnumerable<MonitorSnapshot.Fila> ordered = field switch
        {
            "nombre" => descending ? rows.OrderByDescending(r => r.Resumen.Nombre, Spanish) : rows.OrderBy(r => r.Resumen.Nombre, Spanish),
            _ => descending ? rows.OrderByDescending(r => key(r.Resumen)) : rows.OrderBy(r => key(r.Resumen)),
        };
        return ordered.ThenBy(r => r.Resumen.Nombre, Spanish).ThenBy(r => r.Resumen.Id, StringComparer.Ordinal).ToList();
    }

    // A natural person is found only by the whole document (CONTRACTS §1); a company or a "c-" supplier also by part of
    // its id, as its NIT or SECOP code is public.
    private static bool MatchesDocument(ProveedorHistoria h, string digits) => h.Nit is { } document && !Nit.IsCompany(document)
        ? digits == document
        : digits.Length >= 4 && h.Id.Contains(digits, StringComparison.Ordinal);

    private static double Rank(string state) => state switch { TriState.Si => 2, TriState.No => 1, _ => 0 };

    private static readonly StringComparer Spanish = StringComparer.Create(CultureInfo.GetCultureInfo("es-CO"), ignoreCase: true);

    private static Func<ResumenProveedor, double> Key(string field) => field switch
    {
        "adjudicaciones" => r => r.Adjudicaciones,
        "tasaExito" => r => r.TasaExito ?? -1,
        "contratos" => r => r.Contratos,
        "valorContratado" => r => r.ValorContratado,
        "primerAnio" => r => r.PrimerAnio ?? 0,
        "ultimoAnio" => r => r.UltimoAnio ?? 0,
        // Three-state columns sort sí, no, sin dato (descending) or the reverse.
        "nuevo" => r => Rank(r.Nuevo),
        "pyme" => r => Rank(r.Pyme),
        "local" => r => Rank(r.Local),
        "mujer" => r => Rank(r.Mujer),
        _ => r => r.Participaciones,
    };
}
