using OpenLicitaciones.Build;

namespace OpenLicitaciones.Tests.Build;

public sealed class RecorteCssTests
{
    private static readonly HashSet<string> Usadas = ["d-flex", "pa-4", "hover"];

    [Theory]
    // A MudBlazor family in use stays; one the app never renders goes.
    [InlineData(".mud-button-root{color:red}", ".mud-button-root{color:red}")]
    [InlineData(".mud-fab{color:red}", "")]
    [InlineData(".mud-button-root .mud-fab-label{color:red}", "")]
    // Other classes stay only when the app names them.
    [InlineData(".d-flex{display:flex}", ".d-flex{display:flex}")]
    [InlineData(".d-grid{display:grid}", "")]
    [InlineData(".mud-table-row.pa-4:hover{padding:0}", ".mud-table-row.pa-4:hover{padding:0}")]
    // In a selector list only the selectors that can match are kept.
    [InlineData(".mud-chip,.mud-fab,.ma-7{margin:0}", ".mud-chip{margin:0}")]
    // A class in :not(…) is not needed for a match; one in :has(…) is.
    [InlineData(".mud-input:not(.mud-fab){border:0}", ".mud-input:not(.mud-fab){border:0}")]
    [InlineData(".mud-input:has(.ma-9){border:0}", "")]
    // Selectors with no class at all stay.
    [InlineData("html,body{margin:0}", "html,body{margin:0}")]
    [InlineData(":root{--mud-x:1px}", ":root{--mud-x:1px}")]
    // An @media keeps what matches and goes when nothing does; keyframes stay as they are.
    [InlineData("@media (min-width:600px){.d-flex{display:flex}.d-grid{display:grid}}", "@media (min-width:600px){.d-flex{display:flex}}")]
    [InlineData("@media (min-width:600px){.d-grid{display:grid}}", "")]
    [InlineData("@keyframes mud-spin{0%{transform:rotate(0)}100%{transform:rotate(360deg)}}", "@keyframes mud-spin{0%{transform:rotate(0)}100%{transform:rotate(360deg)}}")]
    // Braces and commas inside strings do not split a rule; an escaped class is read unescaped.
    [InlineData(".mud-chip::after{content:\"{,}\"}.mud-fab{x:y}", ".mud-chip::after{content:\"{,}\"}")]
    [InlineData(".sm\\:d-grid{display:grid}", "")]
    // Classes MudBlazor composes at run time stay without being named anywhere.
    [InlineData(".justify-start{x:y}", ".justify-start{x:y}")]
    [InlineData(".hover\\:mud-primary-hover:hover{x:y}", ".hover\\:mud-primary-hover:hover{x:y}")]
    public void Keeps_the_rules_the_app_can_render(string css, string expected) =>
        Assert.Equal(expected, RecorteCss.Recortar(css, Usadas));

    [Theory]
    [InlineData("Class=\"d-flex pa-4\"", new[] { "Class", "d-flex", "pa-4" })]
    [InlineData("\"hover:mud-primary-hover\"", new[] { "hover", "mud-primary-hover" })]
    public void Words_of_a_source_keep_their_dashes(string texto, string[] palabras) =>
        Assert.Equal(palabras, RecorteCss.Palabras(texto));

    [Fact]
    public void Keeps_the_licence_comment_first()
    {
        var css = "\uFEFF/*! MudBlazor · MIT */.mud-fab{x:y}.mud-chip{x:y}";

        Assert.Equal("/*! MudBlazor · MIT */\n.mud-chip{x:y}", RecorteCss.Recortar(css, Usadas));
    }

    [Fact]
    public void Reads_every_selector_with_the_classes_it_needs_inside_media_but_not_inside_negations()
    {
        var selectores = RecorteCss.Selectores(".a .b:not(.c),.d{x:y}@media print{.e{x:y}}@keyframes k{0%{x:y}}").ToList();

        Assert.Equal([".a .b:not(.c)", ".d", ".e"], selectores.Select(s => s.Selector));
        Assert.Equal(["a", "b"], selectores[0].Clases);
        Assert.Equal(["e"], selectores[2].Clases);
    }

    [Fact]
    public void An_unclosed_rule_is_an_error_not_a_silent_cut() =>
        Assert.Throws<FormatException>(() => RecorteCss.Recortar(".mud-chip{color:red", Usadas));

    [Theory]
    [InlineData("a();\n//# sourceMappingURL=MudBlazor.min.js.map", "a();\n")]
    [InlineData("a();\n//# sourceMappingURL=x.map\n", "a();\n")]
    [InlineData("a();", "a();")]
    public void The_script_copy_loses_its_source_map_comment(string js, string expected) =>
        Assert.Equal(expected, RecorteCss.SinMapaDeFuente(js));
}
