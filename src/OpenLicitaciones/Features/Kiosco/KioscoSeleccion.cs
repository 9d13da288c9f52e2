using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Indicadores;

namespace OpenLicitaciones.Features.Kiosco;

/// <summary>The slides of the attract loop, in the order they rotate.</summary>
public enum Diapositiva { Indicadores, Oportunidades, Mapa }

/// <summary>What the kiosk shows, chosen from the Banco, the Indicadores and the producer registry: pure, so it is checkable by hand.</summary>
public static class KioscoSeleccion
{
    /// <summary>
    /// The headline figures of issue 13, in the order shown: women-led share of the value (G1), new suppliers (G9),
    /// bidders per competitive process (G8) and Ley 2046 (G10).
    /// </summary>
    public static readonly IReadOnlyList<string> Indicadores = ["g1", "g9", "g8", "g10"];

    /// <summary>How many open calls the carousel shows: big enough to read from two metres, each with its QR.</summary>
    public const int OportunidadesEnCarrusel = 3;

    /// <summary>How many product families the explore screen offers as pictograms: two rows, so every choice fits on one screen.</summary>
    public const int FamiliasOfrecidas = 6;

    /// <summary>
    /// The latest full calendar year (before <paramref name="anioActual"/>) in which a headline figure has a value; a year in
    /// progress would compare a few months with whole years. Without any, the year before: its cards say "Sin datos".
    /// </summary>
    public static int AnioIndicadores(IEnumerable<ResultadoIndicador> resultados, int anioActual) =>
        resultados.Where(r => r.Periodo.Trimestre is null && r.Periodo.Anio < anioActual && r.Cifra.Valor is not null && Indicadores.Contains(r.Codigo))
            .Select(r => r.Periodo.Anio)
            .DefaultIfEmpty(anioActual - 1)
            .Max();

    /// <summary>
    /// A purchase a supplier can still prepare for: published and not yet in evaluation, or planned for this month or later
    /// (a line planned for a month already gone, and still without a process, is not something to offer a visitor).
    /// </summary>
    public static bool Vigente(OportunidadActual fila, DateTime ahora) => fila.Estado.Estado switch
    {
        EstadoBanco.Publicado => true,
        EstadoBanco.Planeado => fila.Oportunidad.MesClave is not { } mes || mes >= ahora.Year * 100 + ahora.Month,
        _ => false,
    };

    /// <summary>
    /// The order of the explore list: calls that accept offers now first, the soonest to close first; then the rest by
    /// expected month (none last), then line id.
    /// </summary>
    public static IReadOnlyList<OportunidadActual> Ordenar(IEnumerable<OportunidadActual> filas) =>
        filas.OrderBy(r => r.Estado.DiasParaOfertar ?? int.MaxValue)
            .ThenBy(r => r.Oportunidad.MesClave ?? int.MaxValue)
            .ThenBy(r => r.Oportunidad.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The calls that accept offers now, the most recently published first (by their latest live process; ties by line id),
    /// at most <paramref name="cuantas"/>.
    /// </summary>
    public static IReadOnlyList<OportunidadActual> Recientes(IEnumerable<Oportunidad> todas, DateTime ahora, int cuantas) =>
        todas.Select(o => new OportunidadActual(o, BancoStatus.Of(o.Procesos, o.Contratos, ahora)))
            .Where(r => r.Estado.Abierto)
            .OrderByDescending(r => r.Oportunidad.Procesos.Where(p => !BancoStatus.IsCancelled(p)).Max(p => p.FechaPublicacion))
            .ThenBy(r => r.Oportunidad.Id, StringComparer.Ordinal)
            .Take(cuantas)
            .ToList();

    /// <summary>
    /// The slides worth rotating: the indicators always (a year without data says so), the open calls when there is one,
    /// the producer map when an organisation is placed on it.
    /// </summary>
    public static IReadOnlyList<Diapositiva> Diapositivas(int abiertas, int productoresUbicados)
    {
        var diapositivas = new List<Diapositiva> { Diapositiva.Indicadores };
        if (abiertas > 0) diapositivas.Add(Diapositiva.Oportunidades);
        if (productoresUbicados > 0) diapositivas.Add(Diapositiva.Mapa);
        return diapositivas;
    }

    /// <summary>The slide after <paramref name="actual"/>, back to the first after the last.</summary>
    public static int Siguiente(int actual, int total) => total <= 0 ? 0 : (actual + 1) % total;

    /// <summary>
    /// The product families offered: those of the principal codes of <paramref name="vigentes"/>, the most frequent first
    /// (ties by code), at most <paramref name="cuantas"/>.
    /// </summary>
    public static IReadOnlyList<string> Familias(IEnumerable<OportunidadActual> vigentes, int cuantas) =>
        vigentes.Select(r => r.Oportunidad.CodigoPrincipal)
            .OfType<string>()
            .Where(c => c.Length >= 4)
            .GroupBy(c => c[..4])
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(cuantas)
            .Select(g => g.Key)
            .ToList();

    /// <summary>The month chips: this month and the eleven after it, as the Banco's month keys (2026-12 → 202612).</summary>
    public static IReadOnlyList<int> Meses(DateTime hoy)
    {
        var primero = new DateTime(hoy.Year, hoy.Month, 1);
        return Enumerable.Range(0, 12).Select(i => primero.AddMonths(i)).Select(m => m.Year * 100 + m.Month).ToList();
    }

    /// <summary>How old the data is, in the words vivo.js keeps ticking in the browser ("hace 3 min").</summary>
    public static string Hace(TimeSpan edad)
    {
        var segundos = (long)Math.Max(0, Math.Round(edad.TotalSeconds));
        return segundos < 5 ? "ahora mismo"
            : segundos < 60 ? $"hace {segundos} s"
            : segundos < 3600 ? $"hace {segundos / 60} min"
            : $"hace {segundos / 3600} h";
    }
}

/// <summary>A headline figure of the year shown; no result when the year is outside the board's window.</summary>
public sealed record TarjetaKiosco(string Codigo, ResultadoIndicador? Resultado)
{
    public DefinicionIndicador Definicion => CatalogoIndicadores.De(Codigo)!;
}
