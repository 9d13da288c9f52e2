using System.Text.RegularExpressions;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Proveedores;

public enum TipoProveedor { PersonaNatural, PersonaJuridica, ConsorcioOUnion, SinDato }

/// <summary>One identity per tax id across SECOP's datasets (CONTRACTS §1).</summary>
public static partial class SupplierIdentity
{
    /// <summary>
    /// The supplier id used in URLs and the API: the digits of its NIT or document without check digit, or
    /// "c-&lt;codigo_proveedor&gt;" when it has no usable document (consortia, "No Definido"); null when neither exists.
    /// </summary>
    public static string? Id(string? document, string? codigoProveedor)
    {
        var nit = RawRow.IsSentinel(document) ? null : Nit.Canonical(document);
        if (nit is { Length: >= 5 }) return nit;
        return RawRow.IsSentinel(codigoProveedor) ? null : "c-" + codigoProveedor!.Trim();
    }

    /// <summary>A name folded for grouping: no accents or case, one space, company-form variants unified, "(demo)" kept.</summary>
    public static string NormalizeName(string name)
    {
        var folded = RawRow.Fold(name);
        folded = CompanyForm().Replace(folded, m => " " + m.Groups["form"].Value.Replace(".", "").Replace(" ", "") + " ");
        folded = Punctuation().Replace(folded, " ");
        return string.Join(' ', folded.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static TipoProveedor Tipo(string? tipoDocumento, bool? esGrupo, string? nombre, string? nit)
    {
        var name = nombre is null ? "" : RawRow.Fold(nombre);
        if (esGrupo == true || name.StartsWith("consorcio", StringComparison.Ordinal) || name.StartsWith("union temporal", StringComparison.Ordinal))
            return TipoProveedor.ConsorcioOUnion;
        var doc = tipoDocumento is null || RawRow.IsSentinel(tipoDocumento) ? "" : RawRow.Fold(tipoDocumento);
        // tipodocproveedor is unreliable (FINDINGS §3): a 9-digit number starting with 8 or 9 is a company NIT.
        if (nit is { Length: 9 } && nit[0] is '8' or '9' && !doc.Contains("cedula")) return TipoProveedor.PersonaJuridica;
        if (doc.Contains("cedula") || doc.Contains("pasaporte") || doc.Contains("extranjeria")) return TipoProveedor.PersonaNatural;
        if (doc.Contains("nit")) return TipoProveedor.PersonaJuridica;
        return nit is null ? TipoProveedor.SinDato : TipoProveedor.PersonaNatural;
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
