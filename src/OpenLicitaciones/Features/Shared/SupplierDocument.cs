namespace OpenLicitaciones.Features.Shared;

public static class SupplierDocument
{
    /// <summary>
    /// A company NIT as it is (public); any other document, a natural person's, as "*******123" (Ley 1581 de 2012).
    /// Which is which is decided by <see cref="Nit.IsCompany"/> alone: the document type column is not reliable.
    /// </summary>
    public static string? Mask(string? document)
    {
        if (string.IsNullOrEmpty(document) || Nit.IsCompany(document)) return document;
        return document.Length <= 3 ? new string('*', document.Length) : new string('*', document.Length - 3) + document[^3..];
    }
}
