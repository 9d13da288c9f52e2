using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using OpenLicitaciones.Features.Admin;

namespace OpenLicitaciones.Components;

/// <summary>
/// Pages and open data travel compressed (issue 14): a Banco or Monitor page is 80–110 KB of HTML and about a tenth of
/// that in Brotli, which is what a phone on a weak signal waits for before it paints. Static assets need none of this:
/// they are compressed at publish. The staff pages stay uncompressed, because they carry an antiforgery token next to
/// text the visitor typed, which is what a BREACH attack on compressed HTTPS needs.
/// </summary>
public static class Compresion
{
    public static IServiceCollection AddCompresion(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "application/json", "application/problem+json", "text/csv", "image/svg+xml"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    public static WebApplication UseCompresion(this WebApplication app)
    {
        app.UseWhen(c => SeComprime(c.Request.Path), publico => publico.UseResponseCompression());
        return app;
    }

    // The account pages all live under /cuenta (Rutas).
    private static bool SeComprime(PathString ruta) => !ruta.StartsWithSegments("/cuenta") && !ruta.StartsWithSegments(Rutas.Admin);
}
