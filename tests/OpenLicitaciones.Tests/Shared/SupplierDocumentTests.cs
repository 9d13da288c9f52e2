using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Shared;

public sealed class SupplierDocumentTests
{
    // Whether a document is shown depends on its shape alone (CONTRACTS §1), never on tipodocproveedor.
    [Theory]
    [InlineData("1144055123", "*******123")]
    [InlineData("52123456", "*****456")] // SECOP may type this "NIT": still a person's
    [InlineData("9123456780", "*******780")] // 10 digits starting with 9 whose last digit is not the check digit
    [InlineData("731205", "***205")]
    [InlineData("123", "***")]
    [InlineData("901623692", "901623692")] // a company NIT is public
    [InlineData("9016236929", "9016236929")] // the same NIT with its check digit
    [InlineData(null, null)]
    public void Natural_person_documents_are_masked_but_the_last_three_digits(string? document, string? expected) =>
        Assert.Equal(expected, SupplierDocument.Mask(document));
}
