using Bunit;
using MudBlazor.Services;

namespace OpenLicitaciones.Tests.Support;

/// <summary>
/// bunit component tests with MudBlazor's services. Some of MudBlazor's services are only IAsyncDisposable, so the
/// context is disposed asynchronously (xunit's IAsyncLifetime) instead of through IDisposable.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    // Pages that wait for a derived view build it on first use; on a busy CI machine that took more than bunit's
    // one-second default, and a wait that succeeds returns as soon as it can.
    static ComponentTest() => DefaultWaitTimeout = TimeSpan.FromSeconds(15);

    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>The app's own services (database, snapshots, notifier) behind bunit's navigation and JS runtime.</summary>
    protected void UseAppServices(IServiceProvider app) => Services.AddFallbackServiceProvider(app);

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
