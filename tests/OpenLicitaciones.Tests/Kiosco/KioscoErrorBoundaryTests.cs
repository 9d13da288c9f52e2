using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenLicitaciones.Features.Kiosco;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Kiosco;

public sealed class KioscoErrorBoundaryTests : ComponentTest
{
    [Fact]
    public async Task An_error_shows_one_spanish_sentence_and_the_kiosk_starts_over_by_itself_five_seconds_later_every_time()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb); // the app's services, as the layout gets them (error logger, clock)
        UseAppServices(app.Services);
        var reloj = (FakeTimeProvider)app.Services.GetRequiredService<TimeProvider>();
        Services.AddSingleton<TimeProvider>(reloj); // bunit has a clock of its own, which would win over the app's
        var fragil = new Fragil.Estado { Falla = true };

        var cut = Render<KioscoErrorBoundary>(p => p.AddChildContent<Fragil>(c => c.Add(x => x.De, fragil)));

        var alerta = cut.Find("[data-testid=kiosco-error]");
        Assert.Equal("alert", alerta.GetAttribute("role"));
        Assert.Equal("Algo falló en esta pantalla.", alerta.QuerySelector(".kiosco-error-titulo")!.TextContent);
        Assert.DoesNotContain("roto", cut.Markup);
        Assert.Empty(cut.FindAll("button"));   // nobody is there to press a button
        await cut.InvokeAsync(() => { });     // the return is armed after the message is on screen

        reloj.Advance(TimeSpan.FromSeconds(4));
        Assert.Single(cut.FindAll("[data-testid=kiosco-error]")); // still failing: it comes back with the message
        reloj.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal(2, fragil.Intentos));
        Assert.Single(cut.FindAll("[data-testid=kiosco-error]"));
        await cut.InvokeAsync(() => { });

        fragil.Falla = false;
        reloj.Advance(TimeSpan.FromSeconds(5));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=kiosco-error]")));
        Assert.Equal("pantalla", cut.Find("p.fragil").TextContent);
    }

    private sealed class Fragil : ComponentBase
    {
        public sealed class Estado
        {
            public bool Falla { get; set; }
            public int Intentos { get; set; }
        }

        [Parameter] public Estado De { get; set; } = new();

        protected override void OnParametersSet()
        {
            De.Intentos++;
            if (De.Falla) throw new InvalidOperationException("componente roto");
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "class", "fragil");
            builder.AddContent(2, "pantalla");
            builder.CloseElement();
        }
    }
}
