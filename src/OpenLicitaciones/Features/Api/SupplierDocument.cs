namespace OpenLicitaciones.Features.Api;

public static class SupplierDocument
{
    /// <summary>
    /// A natural person's document shown as "*******123". A document is a company NIT when its type says NIT or it has
    /// 9 digits starting with 8 or 9 and its type does not say cédula; everything else is treated as personal.
    /// </summary>
    public static string? Mask(string? document, string? type)
    {
        if (string.IsNullOrEmpty(document)) return document;
        var folded = Sync.RawRow.Fold(type ?? "");
        var personal = folded.Contains("cedula") || folded.Contains("persona natural") || folded.Contains("pasaporte") || folded.Contains("extranjeria");
        var companyShape = document.Length == 9 && document[0] is '8' or '9';
        if (!personal && (folded.Contains("nit") || companyShape)) return document;
        return document.Length <= 3 ? document : new string('*', document.Length - 3) + document[^3..];
    }
}
