using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OpenLicitaciones.Features.Api;

namespace OpenLicitaciones.Components;

/// <summary>
/// The HTTP rules every response follows (CONTRACTS §5): a 414 with a Spanish message above 16 KB, HEAD wherever GET
/// answers, security headers, the open-data API readable from any origin, and problem+json for every error under /api.
/// </summary>
public static class HttpHardening
{
    /// <summary>
    /// The longest request target served. The page's address travels in the Blazor circuit's SignalR messages, whose
    /// limit is 32 KB: a longer URL would render a page whose circuit then dies.
    /// </summary>
    public const int MaxRequestTarget = 16 * 1024;

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public static IServiceCollection AddHttpHardening(this IServiceCollection services) => services.Configure<KestrelServerOptions>(o =>
    {
        o.AddServerHeader = false;
        // Above our own limit, so a long address gets the Spanish 414 below rather than Kestrel's empty one.
        o.Limits.MaxRequestLineSize = 4 * MaxRequestTarget;
    });

    private static bool IsOpenData(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/health");

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>Goes first in the pipeline: headers are added when the response starts, whoever writes it.</summary>
    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        app.Use(HardenAsync);
        // Under /api an error is problem+json, never the HTML error page; elsewhere the friendly pages.
        app.UseWhen(IsApi, api => api
            .UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = c => Problem(StatusCodes.Status500InternalServerError).ExecuteAsync(c) })
            .UseStatusCodePages(c => Problem(c.HttpContext.Response.StatusCode).ExecuteAsync(c.HttpContext)));
        app.UseWhen(c => !IsApi(c), pages => pages
            .UseExceptionHandler("/error", createScopeForErrors: true)
            // A fresh scope per re-execution: the first render's services (its NavigationManager) are already initialised.
            .UseStatusCodePagesWithReExecute("/no-encontrado", createScopeForStatusCodePages: true));
        return app;
    }

    private static async Task HardenAsync(HttpContext context, RequestDelegate next)
    {
        var (request, response) = (context.Request, context.Response);
        var openData = IsOpenData(request.Path);
        response.OnStarting(() =>
        {
            var headers = response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (openData) headers.AccessControlAllowOrigin = "*";
            else headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return Task.CompletedTask;
        });

        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (target.Length > MaxRequestTarget)
        {
            if (IsApi(context))
            {
                await Problem(StatusCodes.Status414RequestUriTooLong).ExecuteAsync(context);
                return;
            }
            response.StatusCode = StatusCodes.Status414RequestUriTooLong;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(TooLong);
            return;
        }
        if (openData && HttpMethods.IsOptions(request.Method) && request.Headers.AccessControlRequestMethod.Count > 0)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            response.Headers.AccessControlAllowMethods = "GET, HEAD";
            if (request.Headers.AccessControlRequestHeaders.Count > 0)
                response.Headers.AccessControlAllowHeaders = request.Headers.AccessControlRequestHeaders;
            response.Headers.AccessControlMaxAge = "86400";
            return;
        }
        if (HttpMethods.IsHead(request.Method))
        {
            // Answered as the GET it mirrors: Kestrel still knows the request was HEAD and sends no body.
            request.Method = HttpMethods.Get;
            try
            {
                await next(context);
            }
            finally
            {
                request.Method = HttpMethods.Head;
            }
            return;
        }
        await next(context);
    }

    private const string TooLong =
        "La dirección es demasiado larga (más de 16 KB). Acorte la búsqueda o quite filtros e intente de nuevo.";

    /// <summary>An RFC 9457 problem with a Spanish title and detail; never exception text.</summary>
    public static IResult Problem(int status, string? detail = null)
    {
        var (title, fallback) = status switch
        {
            400 => ("Solicitud incorrecta", "La solicitud no se pudo interpretar."),
            404 => ("No encontrado", "Esta dirección no existe en la API de datos abiertos."),
            405 => ("Método no permitido", "La API de datos abiertos solo responde a GET y HEAD."),
            414 => ("Dirección demasiado larga", TooLong),
            >= 500 => ("Error interno", "Ocurrió un error inesperado; intente de nuevo en unos minutos."),
            _ => ("No se pudo atender la solicitud", "Revise la dirección y los parámetros e intente de nuevo."),
        };
        return Results.Json(new ProblemBody("about:blank", title, status, detail ?? fallback), ApiList.Json, "application/problem+json", status);
    }

    private sealed record ProblemBody(string Type, string Title, int Status, string Detail);
}
