using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;
using OpenLicitaciones.Components.Layout;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Components;

public sealed class PageErrorBoundaryTests
{
    [Fact]
    public async Task A_failing_part_shows_a_Spanish_message_with_a_retry_that_brings_the_content_back()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb); // the app's services, as the layout gets them
        await using var renderer = new HtmlRenderer(app.Services, NullLoggerFactory.Instance);
        var flaky = new Flaky.State { Fails = true };
        PageErrorBoundary? boundary = null;
        RenderFragment host = b =>
        {
            b.OpenComponent<PageErrorBoundary>(0);
            b.AddAttribute(1, nameof(ErrorBoundary.ChildContent), (RenderFragment)(c =>
            {
                c.OpenComponent<Flaky>(0);
                c.AddAttribute(1, nameof(Flaky.Of), flaky);
                c.CloseComponent();
            }));
            b.AddComponentReferenceCapture(2, r => boundary = (PageErrorBoundary)r);
            b.CloseComponent();
        };

        var output = await renderer.Dispatcher.InvokeAsync(() => renderer.RenderComponentAsync<Host>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Content"] = host })));
        var failed = new HtmlParser().ParseDocument(await renderer.Dispatcher.InvokeAsync(output.ToHtmlString));

        var alert = failed.QuerySelector("[role=alert]");
        Assert.NotNull(alert);
        Assert.StartsWith("Algo falló al mostrar esta parte", alert.TextContent.Trim());
        Assert.DoesNotContain("InvalidOperationException", failed.Body!.TextContent);
        Assert.DoesNotContain("roto", failed.Body.TextContent);
        Assert.Equal("Reintentar", alert.QuerySelector("button")!.TextContent.Trim());

        flaky.Fails = false;
        await renderer.Dispatcher.InvokeAsync(() => boundary!.Recover()); // what the button's click does
        var recovered = new HtmlParser().ParseDocument(await renderer.Dispatcher.InvokeAsync(output.ToHtmlString));

        Assert.Null(recovered.QuerySelector("[role=alert]"));
        Assert.Equal("contenido", recovered.QuerySelector("p.flaky")!.TextContent);
    }

    private sealed class Host : ComponentBase
    {
        [Parameter] public RenderFragment? Content { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Content);
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
