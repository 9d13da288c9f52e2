using Microsoft.Extensions.Time.Testing;
using OpenLicitaciones.Components;
using OpenLicitaciones.Components.Listing;

namespace OpenLicitaciones.Tests.Components;

/// <summary>A live list does not jump under its reader (issue 13): rows are letters, their version a digit ("a1" is row a, version 1).</summary>
public sealed class ListaEnVivoTests
{
    [Theory]
    // shown        | current        | visible after | new | waiting
    [InlineData("", "a1 b1", "a1 b1", 0, false)]                 // nothing on screen yet: the list simply appears
    [InlineData("a1 b1", "a2 b1", "a2 b1", 0, false)]            // a value changes in place
    [InlineData("a1 b1", "c1 a1 b1", "a1 b1", 1, true)]          // a new row waits; what is read stays put
    [InlineData("a1 b1", "c1 a1 d1 b1", "a1 b1", 2, true)]
    [InlineData("a1 b1 c1", "a1 c1", "a1 c1", 0, false)]         // a row that is gone leaves
    [InlineData("a1 b1", "b1 a1", "a1 b1", 0, true)]             // a new order waits too
    [InlineData("a1 b1", "c1 d1", "c1 d1", 0, false)]            // nothing of what was read is left: the new list
    [InlineData("a1 b1", "", "", 0, false)]
    public void Fusionar_keeps_what_is_read_in_its_place_and_holds_what_is_new(string shown, string current, string visible, int nuevas, bool pendiente)
    {
        var fusion = ListaEstable.Fusionar(Rows(shown), Rows(current), r => r[0]);

        Assert.Equal(Rows(visible), fusion.Visibles);
        Assert.Equal(nuevas, fusion.Nuevas);
        Assert.Equal(pendiente, fusion.Pendiente);
    }

    [Fact]
    public void The_reader_shows_what_waited_and_those_rows_are_marked_as_just_arrived()
    {
        var lista = new ListaEnVivo<string>(r => r[..1]);
        lista.Mostrar(Rows("a1 b1"));
        Assert.False(lista.CambioEnVivo);

        Assert.True(lista.Recibir(Rows("c1 a2 b1")));
        Assert.Equal(Rows("a2 b1"), lista.Filas);
        Assert.Equal((1, true), (lista.Nuevas, lista.CambioEnVivo));
        Assert.Equal(Rows("c1 a2 b1"), lista.EnEspera);

        lista.MostrarEnEspera();
        Assert.Equal(Rows("c1 a2 b1"), lista.Filas);
        Assert.Null(lista.EnEspera);
        Assert.Equal(["c"], lista.RecienLlegadas);
        Assert.False(lista.CambioEnVivo);
    }

    [Fact]
    public void A_filter_the_reader_applies_drops_whatever_was_waiting()
    {
        var lista = new ListaEnVivo<string>(r => r[..1]);
        lista.Mostrar(Rows("a1 b1"));
        lista.Recibir(Rows("c1 a1 b1"));

        lista.Mostrar(Rows("b1"));

        Assert.Equal((null, 0), (lista.EnEspera, lista.Nuevas));
        Assert.Equal(Rows("b1"), lista.Filas);
    }

    [Theory]
    [InlineData(0, "La lista cambió — mostrar la versión nueva")]
    [InlineData(1, "1 oportunidad nueva — mostrar")]
    [InlineData(1234, "1.234 oportunidades nuevas — mostrar")]
    public void The_button_says_how_many_rows_wait(int nuevas, string texto) =>
        Assert.Equal(texto, FilasNuevas.Texto(nuevas, "oportunidad nueva", "oportunidades nuevas"));

    [Fact]
    public void Everything_said_within_a_moment_of_a_change_is_announced_once_together()
    {
        var clock = new FakeTimeProvider();
        using var aviso = new AvisoEnVivo(clock);
        var dichos = new List<IReadOnlyList<string>>();
        aviso.Anunciar += dichos.Add;

        aviso.Cambio();
        aviso.Detalle("Hay 3 oportunidades nuevas.");
        aviso.Detalle("Hay 3 oportunidades nuevas.");
        aviso.Cambio();
        clock.Advance(AvisoEnVivo.Espera - TimeSpan.FromMilliseconds(1));
        Assert.Empty(dichos);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([["Hay 3 oportunidades nuevas."]], dichos);

        aviso.Cambio();
        clock.Advance(AvisoEnVivo.Espera);
        Assert.Equal(2, dichos.Count);
        Assert.Empty(dichos[1]);
    }

    private static List<string> Rows(string text) => [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
