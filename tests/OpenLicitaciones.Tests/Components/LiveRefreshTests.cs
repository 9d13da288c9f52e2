using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Components;
using OpenLicitaciones.Components.Layout;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Components;

/// <summary>The one live-refresh component pages use (CONVENTIONS 9).</summary>
public sealed class LiveRefreshTests : ComponentTest
{
    [Fact]
    public async Task A_change_reloads_and_re_renders_the_page_and_a_failing_reload_reaches_the_error_boundary_not_the_notifier()
    {
        using var testDb = new TestDb();
        await using var app = await ApiHost.StartAsync(testDb);
        UseAppServices(app.Services);
        var notifier = app.Services.GetRequiredService<DataChangedNotifier>();
        var state = new Page.State();
        var cut = Render<PageErrorBoundary>(p => p.AddChildContent<Page>(c => c.Add(x => x.Of, state)));
        Assert.Equal("0", cut.Find("p.loads").TextContent);

        await notifier.NotifyAsync();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("p.loads").TextContent));

        state.Fails = true;
        await notifier.NotifyAsync(); // completes: the failure went to the page's error boundary
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("p.loads")));
        Assert.StartsWith("Algo falló al mostrar esta parte", cut.Find("[role=alert]").TextContent.Trim());
    }

    private sealed class Page : ComponentBase
    {
        public sealed class State
        {
            public int Loads;
            public bool Fails;
        }

        [Parameter] public State Of { get; set; } = new();

        private Task ReloadAsync()
        {
            if (Of.Fails) throw new InvalidOperationException("recarga rota");
            Of.Loads++;
            return Task.CompletedTask;
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<LiveRefresh>(0);
            builder.AddAttribute(1, nameof(LiveRefresh.OnChanged), EventCallback.Factory.Create(this, ReloadAsync));
            builder.CloseComponent();
            builder.OpenElement(2, "p");
            builder.AddAttribute(3, "class", "loads");
            builder.AddContent(4, Of.Loads);
            builder.CloseElement();
        }
    }
}
