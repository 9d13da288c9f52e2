using System.Globalization;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Indicadores;
using OpenLicitaciones.Features.Kiosco;
using OpenLicitaciones.Features.Shared;
using static OpenLicitaciones.Tests.Kiosco.FilasKiosco;

namespace OpenLicitaciones.Tests.Kiosco;

public sealed class KioscoSeleccionTests
{
    /// <summary>"g1:2025:0.4" (a value), "g9:2025:-" (sin datos), "g1:2024T2:0.4" (a quarter), separated by commas.</summary>
    private static IReadOnlyList<ResultadoIndicador> Resultados(string spec) =>
        spec.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r =>
        {
            var partes = r.Split(':');
            var periodo = partes[1].Split('T') is [var a, var t] ? new Periodo(int.Parse(a, CultureInfo.InvariantCulture), int.Parse(t, CultureInfo.InvariantCulture))
                : new Periodo(int.Parse(partes[1], CultureInfo.InvariantCulture));
            double? valor = partes[2] == "-" ? null : double.Parse(partes[2], CultureInfo.InvariantCulture);
            return new ResultadoIndicador(partes[0], periodo, new Cifra(valor, null, null, new CoberturaDatos(1, 1, 0, 0), null), null, null, []);
        }).ToList();

    [Theory]
    [InlineData("g1:2025:0.4,g1:2026:0.5", 2025)]         // the year in progress is never the headline year
    [InlineData("g1:2025:-,g8:2024:5.2", 2024)]           // 2025 has no value
    [InlineData("g2:2025:0.3,g1:2023:0.1", 2023)]         // G2 is not a headline figure
    [InlineData("g10:2024:0.7,g9:2025:-,g9:2022:0.1", 2024)]
    [InlineData("g1:2024T2:0.4", 2025)]                   // quarters do not count: no full year with data, the year before
    [InlineData("", 2025)]
    public void The_headline_year_is_the_latest_full_year_in_which_a_headline_figure_has_a_value(string resultados, int esperado) =>
        Assert.Equal(esperado, KioscoSeleccion.AnioIndicadores(Resultados(resultados), 2026));

    [Fact]
    public void The_headline_figures_are_women_led_share_new_suppliers_bidders_per_process_and_ley_2046() =>
        Assert.Equal(["g1", "g9", "g8", "g10"], KioscoSeleccion.Indicadores);

    public static TheoryData<string, bool> Vigentes => new()
    {
        { "planeada-noviembre", true },   // planned for this month
        { "planeada-enero", true },
        { "planeada-sin-mes", true },
        { "planeada-octubre", false },    // its month went by without a process
        { "abierta", true },
        { "cerrada", false },             // offers closed yesterday: in evaluation
        { "contratada", false },
    };

    private static Oportunidad Fila(string nombre) => nombre switch
    {
        "planeada-noviembre" => Planeada(nombre, "47131700", 2026, 11),
        "planeada-enero" => Planeada(nombre, "47131700", 2027, 1),
        "planeada-sin-mes" => Planeada(nombre, "47131700", 2026, null),
        "planeada-octubre" => Planeada(nombre, "47131700", 2026, 10),
        "abierta" => Publicada(nombre, "47131700", 9, new(2026, 11, 1), new(2026, 12, 1)),
        "cerrada" => Publicada(nombre, "47131700", 9, new(2026, 11, 1), new(2026, 11, 21)),
        _ => Contratada(nombre, "47131700", 6),
    };

    [Theory]
    [MemberData(nameof(Vigentes))]
    public void A_purchase_is_offered_while_it_is_open_or_planned_for_this_month_or_later(string fila, bool vigente) =>
        Assert.Equal(vigente, KioscoSeleccion.Vigente(Actual(Fila(fila)), Ahora));

    private static readonly Oportunidad[] Convocatorias =
    [
        Publicada("A", "43211500", 11, new(2026, 11, 1), new(2026, 12, 1)),
        Publicada("E", "43211500", 11, new(2026, 11, 15), new(2026, 12, 10)),
        Publicada("B", "43211500", 11, new(2026, 11, 15), new(2026, 11, 30)),
        Publicada("C", "43211500", 11, new(2026, 11, 20), new(2026, 11, 21)), // newest, but closed
        Planeada("D", "43211500", 2026, 12),
        Publicada("F", "43211500", 10, new(2026, 10, 1), new(2027, 1, 10)),
    ];

    [Theory]
    [InlineData(3, "B,E,A")]       // B and E were published the same day: by line id
    [InlineData(10, "B,E,A,F")]
    [InlineData(0, "")]
    public void The_carousel_shows_the_most_recently_published_calls_that_still_take_offers(int cuantas, string esperado) =>
        Assert.Equal(esperado, string.Join(",", KioscoSeleccion.Recientes(Convocatorias, Ahora, cuantas).Select(r => r.Oportunidad.Id)));

    [Theory]
    [InlineData(0, 0, "Indicadores")]
    [InlineData(3, 0, "Indicadores,Oportunidades")]
    [InlineData(0, 2, "Indicadores,Mapa")]
    [InlineData(1, 1, "Indicadores,Oportunidades,Mapa")]
    public void The_loop_rotates_the_figures_always_the_open_calls_and_the_map_only_when_there_is_something_to_show(
        int abiertas, int ubicados, string esperado) =>
        Assert.Equal(esperado, string.Join(",", KioscoSeleccion.Diapositivas(abiertas, ubicados)));

    [Theory]
    [InlineData(0, 3, 1)]
    [InlineData(1, 3, 2)]
    [InlineData(2, 3, 0)]
    [InlineData(0, 1, 0)]
    [InlineData(4, 0, 0)]
    public void After_the_last_slide_comes_the_first(int actual, int total, int siguiente) =>
        Assert.Equal(siguiente, KioscoSeleccion.Siguiente(actual, total));

    [Theory]
    [InlineData("47131700,47131800,43211500,43211600,50401500,123", 2, "4321,4713")] // two each: by code; a short code is no family
    [InlineData("47131700,47131800,43211500,43211600,50401500", 8, "4321,4713,5040")]
    [InlineData("47131700,50401500,47121700,43211500,47131900,43211600,47131800", 8, "4713,4321,4712,5040")]
    [InlineData("", 8, "")]
    public void The_families_offered_are_the_most_frequent_among_the_purchases_still_to_come(string codigos, int cuantas, string esperado)
    {
        var filas = codigos.Split(',', StringSplitOptions.RemoveEmptyEntries).Select((c, i) => Actual(Planeada($"L{i}", c, 2026, 12)));

        Assert.Equal(esperado, string.Join(",", KioscoSeleccion.Familias(filas, cuantas)));
    }

    [Theory]
    [InlineData(2026, 11, 22, 202611, 202710)]
    [InlineData(2026, 12, 3, 202612, 202711)]
    [InlineData(2027, 1, 31, 202701, 202712)]
    public void The_month_chips_are_this_month_and_the_eleven_after_it(int anio, int mes, int dia, int primero, int ultimo)
    {
        var meses = KioscoSeleccion.Meses(new DateTime(anio, mes, dia, 23, 59, 0));

        Assert.Equal(12, meses.Count);
        Assert.Equal(primero, meses[0]);
        Assert.Equal(ultimo, meses[^1]);
        Assert.Equal(meses.Order(), meses);
    }

    [Theory]
    [InlineData(-10, "ahora mismo")]
    [InlineData(4.4, "ahora mismo")]
    [InlineData(4.6, "hace 5 s")]
    [InlineData(59, "hace 59 s")]
    [InlineData(60, "hace 1 min")]
    [InlineData(3599, "hace 59 min")]
    [InlineData(3600, "hace 1 h")]
    [InlineData(7300, "hace 2 h")]
    public void The_age_of_the_data_reads_as_vivo_js_ticks_it(double segundos, string texto) =>
        Assert.Equal(texto, KioscoSeleccion.Hace(TimeSpan.FromSeconds(segundos)));

    [Theory]
    [InlineData("50401500", Pictograma.Alimentos)]
    [InlineData("9010", Pictograma.Alimentos)]     // catering
    [InlineData("9012", Pictograma.Servicios)]
    [InlineData("8111", Pictograma.Computo)]       // computer services
    [InlineData("8110", Pictograma.Servicios)]
    [InlineData("4713", Pictograma.Aseo)]
    [InlineData("7818", Pictograma.Transporte)]
    [InlineData("4321", Pictograma.Computo)]
    [InlineData("7214", Pictograma.Construccion)]
    [InlineData("1411", Pictograma.Papeleria)]
    [InlineData("4412", Pictograma.Papeleria)]
    [InlineData("5310", Pictograma.Ropa)]
    [InlineData("5612", Pictograma.Muebles)]
    [InlineData("4214", Pictograma.Salud)]
    [InlineData("1010", Pictograma.Agro)]
    [InlineData("6010", Pictograma.Otros)]
    public void Each_family_gets_the_pictogram_of_its_segment(string familia, Pictograma pictograma) =>
        Assert.Equal(pictograma, Pictogramas.De(familia));
}
