using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using OpenLicitaciones.Components.Layout;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Components;

public sealed class PageErrorBoundaryTests : ComponentTest
{
    [Fact]
    public async Task A_failing_part_shows_a_Spanish_message_with_a_retry_button_that_brings_the_content_back()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb); // the app's services, as the layout gets them
        UseAppServices(app.Services);
        var flaky = new Flaky.State { Fails = true };

        var cut = Render<PageErrorBoundary>(p => p.AddChildContent<Flaky>(c => c.Add(x => x.Of, flaky)));

        var alert = cut.Find("[role=alert]");
        Assert.StartsWith("Algo falló al mostrar esta parte", alert.TextContent.Trim());
        Assert.DoesNotContain("InvalidOperationException", cut.Markup);
        Assert.DoesNotContain("roto", cut.Markup);
        var retry = alert.QuerySelector("button")!;
        Assert.Equal("Reintentar", retry.TextContent.Trim());

        flaky.Fails = false;
        await cut.Find("[role=alert] button").ClickAsync(new());

        Assert.Empty(cut.FindAll("[role=alert]"));
        Assert.Equal("contenido", cut.Find("p.flaky").TextContent);
    }

    private sealed class Flaky : ComponentBase
    {
        public sealed class State { public bool Fails { get; set; } }

        [Parameter] public State Of { get; set; } = new();

        protected override void OnParametersSet()
        {
            if (Of.Fails) throw new InvalidOperationException("componente roto");
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "class", "flaky");
            builder.AddContent(2, "contenido");
            builder.CloseElement();
        }
    }
}
