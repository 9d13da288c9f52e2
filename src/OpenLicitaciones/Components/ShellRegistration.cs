using System.Globalization;
using MudBlazor.Services;
using OpenLicitaciones.Features.Admin;

namespace OpenLicitaciones.Components;

public static class ShellRegistration
{
    public static IHostApplicationBuilder AddShell(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddHttpHardening();
        builder.Services.AddCompresion();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<AvisoEnVivo>();
        builder.Services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection(SiteOptions.Section))
            .Validate(o => string.IsNullOrEmpty(o.PublicBaseUrl) || (Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"),
                "Site:PublicBaseUrl debe estar vacío o ser una URL absoluta http(s), p. ej. https://licitaciones.alcaldia.gov.co.")
            .ValidateOnStart();
        return builder;
    }

    public static WebApplication UseShell(this WebApplication app)
    {
        app.UseHttpHardening();
        app.UseCompresion();
        var colombia = new[] { new CultureInfo("es-CO") };
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture("es-CO");
            o.SupportedCultures = colombia;
            o.SupportedUICultures = colombia;
        });
        // Routing must come after the status-code pages: WebApplication's implicit routing runs first, so a re-executed
        // request would keep the original "no endpoint" and answer an empty 404 instead of the friendly page.
        app.UseRouting();
        app.UseAccesoStaff();
        app.UseAntiforgery();
        app.MapStaticAssets();
        // The full Content-Security-Policy, frame-ancestors included, comes from HttpHardening.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}

public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>Public address used in QR codes and links (CONTRACTS §6); empty means the request's own address.</summary>
    public string? PublicBaseUrl { get; set; }
}
