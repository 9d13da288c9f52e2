using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenLicitaciones.Features.Shared;

public enum TipoProveedor { PersonaNatural, PersonaJuridica, ConsorcioOUnion, SinDato }

/// <summary>One identity per tax id across SECOP's datasets (CONTRACTS §1).</summary>
public static partial class SupplierIdentity
{
    /// <summary>
    /// The key that groups a supplier's rows: the digits of its NIT or document without check digit, or
    /// "c-&lt;codigo_proveedor&gt;" when it has no usable document (consortia, "No Definido"); null when neither exists.
    /// Never published as such: <see cref="PublicId"/> turns a person's document into an opaque id.
    /// </summary>
    public static string? Key(string? document, string? codigoProveedor)
    {
        var nit = PlainText.IsSentinel(document) ? null : Nit.Canonical(document);
        if (nit is { Length: >= 5 }) return nit;
        return PlainText.IsSentinel(codigoProveedor) ? null : "c-" + codigoProveedor!.Trim();
    }

    /// <summary>
    /// The id used in URLs and the API (CONTRACTS §1): a company NIT or a "c-" key as it is; for a natural person's
    /// document "p-&lt;codigo_proveedor&gt;" when SECOP's supplier code is known, else "p-" and the first 16 hex digits of
    /// HMAC-SHA256(installation secret, document), so the id is stable but does not reveal the cédula.
    /// </summary>
    public static string PublicId(string key, IEnumerable<string> codigosProveedor, string secret)
    {
        if (key.StartsWith("c-", StringComparison.Ordinal) || Nit.IsCompany(key)) return key;
        // The lowest code, so that the choice does not depend on the order in which rows were read.
        var codigo = codigosProveedor.Where(c => !PlainText.IsSentinel(c)).Select(c => c.Trim())
            .OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal).FirstOrDefault();
        if (codigo is not null) return "p-" + codigo;
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(key));
        return "p-" + Convert.ToHexStringLower(hash)[..16];
    }

    /// <summary>A name folded for grouping: no accents or case, one space, company-form variants unified, "(demo)" kept.</summary>
    public static string NormalizeName(string name)
    {
        var folded = PlainText.Fold(name);
        folded = CompanyForm().Replace(folded, m => " " + m.Groups["form"].Value.Replace(".", "").Replace(" ", "") + " ");
        folded = Punctuation().Replace(folded, " ");
        return string.Join(' ', folded.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static TipoProveedor Tipo(string? tipoDocumento, bool? esGrupo, string? nombre, string? nit)
    {
        var name = nombre is null ? "" : PlainText.Fold(nombre);
        if (esGrupo == true || name.StartsWith("consorcio", StringComparison.Ordinal) || name.StartsWith("union temporal", StringComparison.Ordinal))
            return TipoProveedor.ConsorcioOUnion;
        // tipodocproveedor is unreliable (some persons are typed "NIT"): a document's shape decides (CONTRACTS §1).
        if (nit is not null) return Nit.IsCompany(nit) ? TipoProveedor.PersonaJuridica : TipoProveedor.PersonaNatural;
        var doc = tipoDocumento is null || PlainText.IsSentinel(tipoDocumento) ? "" : PlainText.Fold(tipoDocumento);
        if (doc.Contains("cedula") || doc.Contains("pasaporte") || doc.Contains("extranjeria")) return TipoProveedor.PersonaNatural;
        return doc.Contains("nit") ? TipoProveedor.PersonaJuridica : TipoProveedor.SinDato;
    }

    public static string Label(TipoProveedor tipo) => tipo switch
    {
        TipoProveedor.PersonaNatural => "Persona natural",
        TipoProveedor.PersonaJuridica => "Persona jurídica",
        TipoProveedor.ConsorcioOUnion => "Consorcio o unión temporal",
        _ => "Sin dato",
    };

    [GeneratedRegex(@"(?<=\s|^)(?<form>s\.?\s?a\.?\s?s\.?|s\.?\s?a\.?|ltda\.?|e\.?\s?u\.?)(?=\s|$|,)")]
    private static partial Regex CompanyForm();

    [GeneratedRegex(@"[^\p{L}\p{N}()]+")]
    private static partial Regex Punctuation();
}
