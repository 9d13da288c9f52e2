using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Admin;

namespace OpenLicitaciones.Tests.Support;

/// <summary>A browser-like HTTP client for the staff area: its own cookies, redirects not followed, forms submitted as a browser would.</summary>
public sealed class StaffSession : IDisposable
{
    public const string Password = "Clave-de-prueba-2026";
    private static readonly HtmlParser Parser = new();

    public StaffSession(Uri address)
    {
        Handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        Client = new HttpClient(Handler) { BaseAddress = address };
    }

    public HttpClientHandler Handler { get; }
    public HttpClient Client { get; }

    /// <summary>A staff account created as the CLI creates it; an admin also gets a second factor, whose key is returned.</summary>
    public static async Task<string?> CrearCuentaAsync(IServiceProvider services, string email, string rol, bool segundoFactor)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UsuarioStaff>>();
        var user = new UsuarioStaff { UserName = email, Email = email, EmailConfirmed = true, Nombre = email };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, rol));
        if (!segundoFactor) return null;
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return await users.GetAuthenticatorKeyAsync(user);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Signs in through the forms (password, then the TOTP code when the account has a key); returns the last response.</summary>
    public async Task<HttpResponseMessage> IngresarAsync(string email, string? claveTotp, string password = Password)
    {
        var respuesta = await EnviarAsync(Rutas.Ingresar, "ingreso", new() { ["Datos.Email"] = email, ["Datos.Password"] = password });
        if (claveTotp is not null && Destino(respuesta)?.StartsWith(Rutas.SegundoFactor, StringComparison.Ordinal) == true)
            respuesta = await EnviarAsync(Destino(respuesta)!, "segundo-factor",
                new() { ["Datos.Codigo"] = Totp.Codigo(claveTotp, DateTimeOffset.UtcNow) });
        return respuesta;
    }

    /// <summary>Where a redirect leads, as a path and query on this site.</summary>
    public static string? Destino(HttpResponseMessage respuesta) => respuesta.Headers.Location is not { } l ? null : l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString;

    /// <summary>GETs <paramref name="path"/>, then submits its form <paramref name="formName"/> with <paramref name="campos"/> and its anti-forgery token.</summary>
    public async Task<HttpResponseMessage> EnviarAsync(string path, string formName, Dictionary<string, string> campos)
    {
        var pagina = await Client.GetAsync(path);
        var html = await pagina.Content.ReadAsStringAsync();
        var form = Formulario(html, formName) ?? throw new InvalidOperationException($"{path} no tiene el formulario «{formName}» (HTTP {(int)pagina.StatusCode}).");
        var valores = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (k, v) in campos) valores[k] = v;
        var accion = string.IsNullOrEmpty(form.GetAttribute("action")) ? path : form.GetAttribute("action")!;
        return await Client.PostAsync(accion, new FormUrlEncodedContent(valores));
    }

    public static IHtmlFormElement? Formulario(string html, string formName) =>
        Parser.ParseDocument(html).Forms.FirstOrDefault(f => f.Elements.OfType<IHtmlInputElement>().Any(i => i.Name == "_handler" && i.Value == formName));

    public static AngleSharp.Dom.IDocument Documento(string html) => Parser.ParseDocument(html);

    public void Dispose()
    {
        Client.Dispose();
        Handler.Dispose();
    }
}
