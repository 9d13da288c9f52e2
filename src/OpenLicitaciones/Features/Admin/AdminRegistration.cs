using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Admin;

public static class AdminRegistration
{
    /// <summary>Sign-in and the staff area.</summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.AddAccesoStaff();
        builder.AddSincronizacionAdmin();
        return builder;
    }

    /// <summary>The staff area's endpoints that are not pages: sign-out and the downloads.</summary>
    public static WebApplication MapAdmin(this WebApplication app)
    {
        // Checked here rather than by [FromForm] binding, whose failure the error pages would turn into a 500.
        app.MapPost(Rutas.Salir, async (HttpContext context, IAntiforgery antiforgery, SignInManager<UsuarioStaff> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Text("El formulario venció: recargue la página e intente de nuevo.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).DisableAntiforgery();
        app.MapGet("/admin/auditoria.csv", async (string? usuario, string? entidad, string? texto, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (filas, _) = await AuditoriaConsulta.BuscarAsync(db, new FiltroAuditoria(usuario, entidad, texto), 0, int.MaxValue, ct);
            return Results.File(Features.Api.ApiList.Csv(filas), "text/csv; charset=utf-8", "auditoria.csv");
        }).RequireAuthorization(Politicas.Administracion);
        app.MapSincronizacionAdmin();
        return app;
    }
}
