using System.Globalization;
using Radzen;

namespace OpenLicitaciones.Components;

public static class ShellRegistration
{
    public static IHostApplicationBuilder AddShell(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Shared filter links can be long (a pasted 10 kB search must get the page with a note, not a 414).
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestLineSize = 64 * 1024);
        builder.Services.AddRadzenComponents();
        builder.Services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection(SiteOptions.Section))
            .Validate(o => string.IsNullOrEmpty(o.PublicBaseUrl) || (Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"),
                "Site:PublicBaseUrl debe estar vacío o ser una URL absoluta http(s), p. ej. https://licitaciones.palmira.gov.co.")
            .ValidateOnStart();
        return builder;
    }

    public static WebApplication UseShell(this WebApplication app)
    {
        var colombia = new[] { new CultureInfo("es-CO") };
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture("es-CO");
            o.SupportedCultures = colombia;
            o.SupportedUICultures = colombia;
        });
        // Citizens never see a stack trace: every unhandled error renders the friendly error page.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/no-encontrado"));
        // Routing must come after the status-code pages: WebApplication's implicit routing runs first, so a re-executed
        // request would keep the original "no endpoint" and answer an empty 404 instead of the friendly page.
        app.UseRouting();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>Public address used in QR codes and links (CONTRACTS §6); empty means the request's own address.</summary>
    public string? PublicBaseUrl { get; set; }
}
