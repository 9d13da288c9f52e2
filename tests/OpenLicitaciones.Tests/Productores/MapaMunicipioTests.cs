using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Productores;

public sealed class MapaMunicipioTests : ComponentTest
{
    // Rozo and Tenjo, two centros poblados; the third is far outside Palmira to the north-west (Buga's hills).
    private static readonly IReadOnlyList<MarcadorMapa> Marcadores =
    [
        new("a1", "Asociación Uno", 3.612497722, -76.38613913, "#1e6b3a", "Hortalizas: 4 t por mes"),
        new("a2", "Asociación Dos", 3.520515347, -76.17071408, "#8a5a00", "Huevos: 30.000 por mes"),
    ];

    public MapaMunicipioTests() => Services.AddSingleton(GeografiaDePrueba.DePalmira);

    [Fact]
    public void The_map_draws_the_boundary_every_place_and_every_marker_each_with_a_name()
    {
        var cut = Mapa();

        Assert.StartsWith("M", cut.Find(".mapa-limite").GetAttribute("d"));
        var lugares = cut.FindAll("[data-testid=mapa-lugar]");
        Assert.Equal(43, lugares.Count);
        Assert.Equal(43, lugares.Select(l => l.GetAttribute("data-codigo")).Distinct().Count());
        Assert.All(lugares, l => Assert.Equal(l.GetAttribute("aria-label"), l.QuerySelector("title")!.TextContent));
        var cabecera = Assert.Single(cut.FindAll(".mapa-cabecera"));
        Assert.Equal("Palmira (cabecera municipal)", cabecera.GetAttribute("aria-label"));
        Assert.Equal("Palmira", cabecera.QuerySelector(".mapa-etiqueta")!.TextContent);
        Assert.Single(cut.FindAll(".mapa-etiqueta")); // at the whole map, only the cabecera is labelled
        Assert.Equal("Rozo (centro poblado)", lugares.Single(l => l.GetAttribute("data-codigo") == "76520026").GetAttribute("aria-label"));

        var marcadores = cut.FindAll("[data-testid=mapa-marcador]");
        Assert.Equal(["a1", "a2"], marcadores.Select(m => m.GetAttribute("data-id")));
        Assert.All(marcadores, m => Assert.Equal(("0", "button"), (m.GetAttribute("tabindex"), m.GetAttribute("role"))));
        Assert.Equal("Asociación Uno: Hortalizas: 4 t por mes", marcadores[0].GetAttribute("aria-label"));
        Assert.Equal("24", marcadores[0].QuerySelector(".mapa-marcador-area")!.GetAttribute("r")); // 48 px across
        Assert.Equal("#1e6b3a", marcadores[0].QuerySelector(".mapa-marcador-punto")!.GetAttribute("fill"));
    }

    [Fact]
    public void The_cabecera_is_drawn_where_the_projection_puts_palmiras_centre()
    {
        var cut = Mapa();
        var proyeccion = GeografiaDePrueba.DePalmira.Proyeccion;

        var posicion = cut.Find(".mapa-cabecera svg");
        var x = Porcentaje(posicion.GetAttribute("x")) / 100 * proyeccion.Ancho;
        var y = Porcentaje(posicion.GetAttribute("y")) / 100 * proyeccion.Alto;

        Assert.Equal($"0 0 1000 {proyeccion.Alto.ToString("0.##", CultureInfo.InvariantCulture)}", ViewBox(cut));
        Assert.InRange(x, 361.4, 363.4); // as ProyeccionMapaTests works out by hand
        Assert.InRange(y, 348.6, 350.6);
    }

    [Fact]
    public void Clicking_a_marker_selects_it()
    {
        var seleccionados = new List<string>();
        var cut = Mapa(seleccionados);

        cut.Find("[data-id=a2]").Click();

        Assert.Equal(["a2"], seleccionados);
    }

    [Theory]
    [InlineData("Enter", "Enter", 1)]
    [InlineData(" ", "Space", 1)]
    [InlineData("a", "KeyA", 0)]
    [InlineData("Tab", "Tab", 0)]
    public void Enter_or_space_on_a_marker_selects_it_and_other_keys_do_not(string key, string code, int veces)
    {
        var seleccionados = new List<string>();
        var cut = Mapa(seleccionados);

        cut.Find("[data-id=a1]").KeyDown(new KeyboardEventArgs { Key = key, Code = code });

        Assert.Equal(Enumerable.Repeat("a1", veces), seleccionados);
    }

    [Fact]
    public void The_selected_marker_is_marked_pressed_and_ringed_and_the_others_are_not()
    {
        var cut = Mapa(seleccionado: "a2");

        var uno = cut.Find("[data-id=a1]");
        var dos = cut.Find("[data-id=a2]");

        Assert.Equal(("false", "true"), (uno.GetAttribute("aria-pressed"), dos.GetAttribute("aria-pressed")));
        Assert.Null(uno.QuerySelector(".mapa-marcador-anillo"));
        Assert.NotNull(dos.QuerySelector(".mapa-marcador-anillo"));
        Assert.Contains("mapa-seleccionado", dos.ClassList);
    }

    [Fact]
    public void The_zoom_buttons_change_the_viewbox_and_the_whole_map_button_restores_it()
    {
        var cut = Mapa();
        var alto = GeografiaDePrueba.DePalmira.Proyeccion.Alto;
        var completa = ViewBox(cut);
        Assert.True(Boton(cut, "Alejar").HasAttribute("disabled"));
        Assert.True(Boton(cut, "Ver todo el municipio").HasAttribute("disabled"));

        Boton(cut, "Acercar").Click();
        Assert.Equal(Caja(250, alto / 4, 500, alto / 2), ViewBox(cut));
        Assert.False(Boton(cut, "Alejar").HasAttribute("disabled"));

        Boton(cut, "Mover hacia el este").Click(); // a quarter of the view: 125 units
        Assert.Equal(Caja(375, alto / 4, 500, alto / 2), ViewBox(cut));

        Boton(cut, "Alejar").Click();
        Assert.Equal(completa, ViewBox(cut));

        Boton(cut, "Acercar").Click();
        Boton(cut, "Acercar").Click();
        Assert.Equal(Caja(375, alto * 3 / 8, 250, alto / 4), ViewBox(cut));
        Boton(cut, "Ver todo el municipio").Click();
        Assert.Equal(completa, ViewBox(cut));
    }

    [Fact]
    public void Arrow_and_plus_keys_on_the_map_zoom_and_pan_it()
    {
        var cut = Mapa();
        var alto = GeografiaDePrueba.DePalmira.Proyeccion.Alto;
        var lienzo = cut.Find("[data-testid=mapa-lienzo]");

        lienzo.KeyDown(new KeyboardEventArgs { Key = "+" });
        lienzo.KeyDown(new KeyboardEventArgs { Key = "ArrowLeft" });
        lienzo.KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });

        Assert.Equal(Caja(125, alto / 4 + alto / 8, 500, alto / 2), ViewBox(cut));
        cut.Find("[data-testid=mapa-lienzo]").KeyDown(new KeyboardEventArgs { Key = "0" });
        Assert.Equal(Caja(0, 0, 1000, alto), ViewBox(cut));
    }

    [Fact]
    public void Zoomed_in_the_map_hides_what_is_out_of_view_keeps_marker_size_and_names_every_place_in_view()
    {
        var cut = Mapa();
        var rozo = GeografiaDePrueba.DePalmira.Proyeccion.Proyectar(3.612497722, -76.38613913);

        // A pinch of 4 times centred on Rozo, as mapa.js reports it.
        cut.InvokeAsync(() => cut.Instance.Gesto(4, rozo.X, rozo.Y, 0, 0));

        var marcadores = cut.FindAll("[data-testid=mapa-marcador]");
        Assert.Equal(["a1"], marcadores.Select(m => m.GetAttribute("data-id"))); // Tenjo is off to the east
        Assert.Equal("24", marcadores[0].QuerySelector(".mapa-marcador-area")!.GetAttribute("r"));
        var lugares = cut.FindAll("[data-testid=mapa-lugar]");
        Assert.InRange(lugares.Count, 1, 42);
        Assert.Equal(lugares.Count, cut.FindAll(".mapa-etiqueta").Count);
        var posicion = marcadores[0].QuerySelector("svg")!;
        // Rozo stays under the fingers: same place on screen as on the whole map.
        Assert.Equal(rozo.X / 10, Porcentaje(posicion.GetAttribute("x")), 1);
    }

    [Fact]
    public void The_legend_lists_the_places_and_the_given_entries_and_the_sources_are_shown()
    {
        var cut = Render<MapaMunicipio>(p => p.Add(x => x.Marcadores, Marcadores)
            .Add(x => x.Leyenda, [new EntradaLeyenda("#1e6b3a", "Frutas y verduras"), new EntradaLeyenda("#8a5a00", "Huevos")]));

        var leyenda = cut.Find("[data-testid=mapa-leyenda]").Children.Select(li => li.TextContent.Trim());
        var entradas = cut.FindAll("[data-testid=mapa-leyenda-entrada]");

        Assert.Equal(["Cabecera municipal", "Centro poblado (DANE)", "Límite municipal", "Frutas y verduras", "Huevos"], leyenda);
        Assert.Equal("#8a5a00", entradas[1].QuerySelector("circle")!.GetAttribute("fill"));
        Assert.Equal(GeografiaDePrueba.DePalmira.Atribucion, cut.Find("[data-testid=mapa-fuentes]").Children.Select(li => li.TextContent));
    }

    [Fact]
    public async Task The_map_starts_its_gesture_module_on_the_map_element_and_stops_it_when_disposed()
    {
        JSInterop.Mode = JSRuntimeMode.Strict;
        var modulo = JSInterop.SetupModule("./mapa.js");
        var gestos = modulo.SetupModule("iniciar", _ => true);
        gestos.SetupVoid("dispose").SetVoidResult();

        var cut = Mapa();

        var llamada = modulo.VerifyInvoke("iniciar");
        Assert.IsType<ElementReference>(llamada.Arguments[0]);
        Assert.IsType<DotNetObjectReference<MapaMunicipio>>(llamada.Arguments[1]);
        Assert.Equal(43, cut.FindAll("[data-testid=mapa-lugar]").Count);
        await DisposeComponentsAsync();
        gestos.VerifyInvoke("dispose");
    }

    [Fact]
    public void A_read_only_map_is_a_picture_without_controls_gestures_or_anything_to_focus()
    {
        JSInterop.Mode = JSRuntimeMode.Strict; // any call to the gesture module would fail the render

        var cut = Render<MapaMunicipio>(p => p.Add(x => x.Marcadores, Marcadores).Add(x => x.SoloLectura, true));

        Assert.Empty(cut.FindAll("button"));
        Assert.Empty(cut.FindAll("[tabindex]"));
        Assert.Empty(cut.FindAll(".mapa-ayuda"));
        var marcadores = cut.FindAll("[data-testid=mapa-marcador]");
        Assert.Equal(["a1", "a2"], marcadores.Select(m => m.GetAttribute("data-id")));
        Assert.All(marcadores, m => Assert.Equal(("img", null), (m.GetAttribute("role"), m.GetAttribute("aria-pressed"))));
        Assert.Equal("Asociación Uno: Hortalizas: 4 t por mes", marcadores[0].GetAttribute("aria-label"));
        Assert.Equal(43, cut.FindAll("[data-testid=mapa-lugar]").Count);
        Assert.Empty(JSInterop.Invocations);
    }

    [Fact]
    public void A_blocked_script_leaves_the_map_working_with_its_buttons()
    {
        Services.AddSingleton<IJSRuntime>(new ScriptBloqueado());

        var cut = Mapa();
        Boton(cut, "Acercar").Click();

        Assert.Equal(500, double.Parse(ViewBox(cut).Split(' ')[2], CultureInfo.InvariantCulture));
    }

    private IRenderedComponent<MapaMunicipio> Mapa(List<string>? seleccionados = null, string? seleccionado = null) =>
        Render<MapaMunicipio>(p => p.Add(x => x.Marcadores, Marcadores).Add(x => x.SeleccionadoId, seleccionado)
            .Add(x => x.OnSeleccionar, (string id) => seleccionados?.Add(id)));

    private static IElement Boton(IRenderedComponent<MapaMunicipio> cut, string nombre) => cut.Find($"button[aria-label='{nombre}']");

    private static string ViewBox(IRenderedComponent<MapaMunicipio> cut) => cut.Find("[data-testid=mapa-vista]").GetAttribute("viewBox")!;

    private static string Caja(double x, double y, double ancho, double alto) => new VistaMapa(x, y, ancho, alto).ViewBox;

    private static double Porcentaje(string? valor) => double.Parse(valor!.TrimEnd('%'), CultureInfo.InvariantCulture);

    /// <summary>A browser that refuses the module (blocked, offline, an old engine).</summary>
    private sealed class ScriptBloqueado : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => throw new JSException($"{identifier}: bloqueado");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }
}
