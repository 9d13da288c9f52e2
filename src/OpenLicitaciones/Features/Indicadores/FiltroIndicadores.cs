using System.Globalization;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Features.Indicadores;

/// <summary>
/// Which indicators and periods a request asks for (the API's list and the board read the same parameters). Anything
/// that cannot be used becomes a warning and the nearest valid choice: an unknown code is dropped, a year outside the
/// data moves to its edge.
/// </summary>
public sealed record FiltroIndicadores(IReadOnlyList<string> Codigos, int Desde, int Hasta, bool Trimestral)
{
    public static readonly string[] Parametros = ["indicador", "desde", "hasta", "granularidad"];

    public static FiltroIndicadores Parse(QueryReader q, DatosIndicadores datos)
    {
        var codigos = LeerCodigos(q, q.Raw("indicador"));
        var desde = Anio(q, "desde", datos) ?? datos.Desde;
        var hasta = Anio(q, "hasta", datos) ?? datos.Hasta;
        (desde, hasta) = q.Range("desde", (int?)desde, "hasta", (int?)hasta, "es posterior a") is ({ } d, { } h) ? (d, h) : (desde, hasta);
        var trimestral = q.Raw("granularidad")?.ToLowerInvariant() switch
        {
            null or "anio" or "año" => false,
            "trimestre" => true,
            var otra => q.Warn($"granularidad: '{PlainText.Clip(otra)}' no es anio ni trimestre; se usa anio", false),
        };
        return new FiltroIndicadores(codigos, desde, hasta, trimestral);
    }

    /// <summary>Codes separated by commas, lower case (g1 … g13, r013, r018); none means all.</summary>
    private static IReadOnlyList<string> LeerCodigos(QueryReader q, string? texto)
    {
        if (texto is null) return CatalogoIndicadores.Todos.Select(d => d.Codigo).ToList();
        var codigos = new List<string>();
        foreach (var parte in texto.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var codigo = parte.ToLowerInvariant();
            if (CatalogoIndicadores.De(codigo) is not null) codigos.Add(codigo);
            else if (codigo == "g11") q.Warn(CatalogoIndicadores.G11, 0);
            else q.Warn($"indicador: '{PlainText.Clip(parte)}' no es un indicador ({string.Join(", ", CatalogoIndicadores.Todos.Select(d => d.Codigo))}); se ignora", 0);
        }
        if (codigos.Count > 0) return codigos.Distinct().ToList();
        return q.Warn("indicador: ningún código válido; se muestran todos", CatalogoIndicadores.Todos.Select(d => d.Codigo).ToList());
    }

    /// <summary>A year of the window; one outside it moves to the window's nearest edge, with a warning.</summary>
    public static int? Anio(QueryReader q, string nombre, DatosIndicadores datos)
    {
        var anio = q.Year(nombre);
        if (anio is not { } a || (a >= datos.Desde && a <= datos.Hasta)) return anio;
        var borde = Math.Clamp(a, datos.Desde, datos.Hasta);
        return q.Warn($"{nombre}: {a} está fuera de los años calculados ({datos.Desde}–{datos.Hasta}); se usa {borde}", (int?)borde);
    }

    /// <summary>
    /// One period (anio, and trimestre 1–4 for a quarter), by default the current year. A quarter that has not started
    /// yet moves to the latest one that has.
    /// </summary>
    public static Periodo Periodo(QueryReader q, DatosIndicadores datos)
    {
        var anio = Anio(q, "anio", datos) ?? datos.Hasta;
        var texto = q.Raw("trimestre");
        if (texto is null) return new Periodo(anio);
        if (!int.TryParse(texto, NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t is < 1 or > 4)
            return q.Warn($"trimestre: '{PlainText.Clip(texto)}' no es un trimestre (1 a 4); se muestra el año {anio}", new Periodo(anio));
        var periodo = new Periodo(anio, t);
        var ultimo = datos.Periodos(trimestral: true)[^1];
        if (periodo.Inicio <= ultimo.Inicio) return periodo;
        return q.Warn($"trimestre: el {periodo.Nombre} aún no empieza; se muestra el {ultimo.Nombre}", ultimo);
    }
}
