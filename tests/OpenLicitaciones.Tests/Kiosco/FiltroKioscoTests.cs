using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Kiosco;
using static OpenLicitaciones.Tests.Kiosco.FilasKiosco;

namespace OpenLicitaciones.Tests.Kiosco;

public sealed class FiltroKioscoTests
{
    private static readonly Oportunidad[] Filas =
    [
        Planeada("aseo-dic", "47131700", 2026, 12),                    // mínima cuantía: a small firm can take part
        Planeada("aseo-ene", "47121700", 2027, 1, Directa),
        Planeada("comida", "50401500", 2026, 12, Directa),             // food: segment 50
        Planeada("pae", "85151600", 2027, 2),                           // food: school feeding service (8515)
        Publicada("abierta", "43211500", 11, new(2026, 11, 10), new(2026, 11, 30)), // open: closes in 8 days
        Publicada("abierta2", "43211600", 11, new(2026, 11, 12), new(2026, 11, 25), Directa), // open: closes in 3 days
        Planeada("vieja", "47131700", 2026, 6),                         // planned for June, never published: never offered
        Contratada("hecha", "47131700", 12),                            // contracted: never offered
    ];

    [Theory]
    [InlineData(null, null, false, false, "abierta2,abierta,aseo-dic,comida,aseo-ene,pae")] // open calls first, soonest to close first; then by month
    [InlineData("4713", null, false, false, "aseo-dic")]
    [InlineData("4321", null, false, false, "abierta2,abierta")]
    [InlineData(null, 202612, false, false, "aseo-dic,comida")]
    [InlineData(null, 202611, false, false, "abierta2,abierta")]
    [InlineData(null, null, true, false, "abierta,aseo-dic,pae")]
    [InlineData(null, null, false, true, "comida,pae")]
    [InlineData(null, null, true, true, "pae")]
    [InlineData("4713", 202701, false, false, "")]
    [InlineData("4712", 202701, false, false, "aseo-ene")]
    public void Every_choice_narrows_the_purchases_still_to_come(string? familia, int? mes, bool pequenas, bool alimentos, string esperado)
    {
        var filtro = new FiltroKiosco(familia, mes, pequenas, alimentos);

        Assert.Equal(esperado, string.Join(",", filtro.Aplicar(Filas, Ahora).Select(r => r.Oportunidad.Id)));
    }

    [Theory]
    [InlineData(null, "4713", "4713")]
    [InlineData("4713", "4321", "4321")]
    [InlineData("4713", "4713", null)] // the chosen chip again clears it
    public void Choosing_a_family_replaces_the_one_chosen_and_choosing_it_again_clears_it(string? antes, string elegida, string? despues) =>
        Assert.Equal(despues, new FiltroKiosco(Familia: antes).ConFamilia(elegida).Familia);

    [Theory]
    [InlineData(null, 202612, 202612)]
    [InlineData(202612, 202701, 202701)]
    [InlineData(202612, 202612, null)]
    public void Choosing_a_month_replaces_the_one_chosen_and_choosing_it_again_clears_it(int? antes, int elegido, int? despues) =>
        Assert.Equal(despues, new FiltroKiosco(Mes: antes).ConMes(elegido).Mes);

    [Fact]
    public void Only_no_choice_at_all_is_empty()
    {
        Assert.True(new FiltroKiosco().Vacio);
        Assert.False(new FiltroKiosco(Familia: "4713").Vacio);
        Assert.False(new FiltroKiosco(Mes: 202612).Vacio);
        Assert.False(new FiltroKiosco(SoloPequenas: true).Vacio);
        Assert.False(new FiltroKiosco(Alimentos: true).Vacio);
    }
}
