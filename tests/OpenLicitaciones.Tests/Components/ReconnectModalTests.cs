using Bunit;
using OpenLicitaciones.Components.Layout;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Components;

/// <summary>
/// The bar's words per state: app.css shows the elements marked reconnect-when-&lt;state&gt; for the state class that
/// blazor.web.js (or reconnect.js, for start-failed) puts on the bar, and always the sentence on what still works.
/// </summary>
public sealed class ReconnectModalTests : ComponentTest
{
    [Theory]
    [InlineData("show", "Sin conexión con el servidor. Reconectando…", null)]
    [InlineData("retrying", "Sin conexión con el servidor. Reconectando (intento )…", null)]
    [InlineData("paused", "La conexión está en pausa.", "Reintentar")]
    [InlineData("failed", "No fue posible reconectar: la página se recargará cuando vuelva la conexión.", "Reintentar")]
    [InlineData("rejected", "El servidor se reinició: recargando la página…", null)]
    [InlineData("resume-failed", "No fue posible retomar la conexión de esta página.", "Recargar la página")]
    [InlineData("start-failed", "Todavía sin conexión con el servidor.", "Recargar la página")]
    public void Each_state_has_one_sentence_in_Spanish_and_at_most_one_button(string state, string sentence, string? button)
    {
        var cut = Render<ReconnectModal>();

        var sentences = cut.FindAll($"#components-reconnect-modal .reconnect-estado .reconnect-when-{state}");
        Assert.Equal([sentence], sentences.Select(p => p.TextContent));
        var buttons = cut.FindAll($"#components-reconnect-modal button.reconnect-when-{state}");
        Assert.Equal(button is null ? Array.Empty<string>() : [button], buttons.Select(b => b.TextContent));
    }

    [Fact]
    public void Whatever_the_state_the_bar_says_what_still_works_and_where_blazor_writes_the_attempt()
    {
        var cut = Render<ReconnectModal>();

        var bar = cut.Find("#components-reconnect-modal");
        var sigue = cut.Find("#reconnect-sigue");
        Assert.Equal("reconnect-sigue", bar.GetAttribute("aria-describedby"));
        Assert.DoesNotContain(sigue.ClassList, c => c.StartsWith("reconnect-when-", StringComparison.Ordinal));
        Assert.Equal("Puede seguir leyendo y abrir enlaces; los filtros y los datos en vivo funcionan cuando hay conexión.", sigue.TextContent);
        Assert.Contains("reconnect-when-retrying", cut.Find("#components-reconnect-current-attempt").ParentElement!.ClassList);
    }
}
