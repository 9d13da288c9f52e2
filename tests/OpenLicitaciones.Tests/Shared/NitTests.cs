using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Shared;

public sealed class NitTests
{
    [Theory]
    [InlineData("891380007", 3)] // Alcaldía de Palmira, 891.380.007-3
    [InlineData("899999027", 8)] // DANE, 899.999.027-8
    [InlineData("800113672", 7)] // the "8001136727" of FINDINGS §2
    [InlineData("800102838", 5)] // Departamento de Arauca, "8001028385"
    [InlineData("890399011", 3)] // Santiago de Cali
    public void Check_digit_follows_DIAN_mod_11(string nit, int expected) => Assert.Equal(expected, Nit.CheckDigit(nit));

    [Theory]
    [InlineData("891380007", "891380007")]
    [InlineData("8913800073", "891380007")] // check digit glued on
    [InlineData("891.380.007-3", "891380007")]
    [InlineData("890503483-2", "890503483")]
    [InlineData("8913800074", "8913800074")] // last digit is not the check digit: left alone
    [InlineData("1144055123", "1144055123")] // a 10-digit cédula never loses a digit
    [InlineData("No Definido", null)]
    [InlineData("", null)]
    public void Canonical_nit_strips_only_a_true_check_digit(string raw, string? expected) => Assert.Equal(expected, Nit.Canonical(raw));

    [Theory]
    [InlineData("891380007", true)]
    [InlineData("8913800073", true)] // with its check digit
    [InlineData("901623692", true)]
    [InlineData("1144055123", false)] // a cédula of 10 digits
    [InlineData("52123456", false)] // 8 digits: a person's, whatever SECOP typed
    [InlineData("791380007", false)] // 9 digits not starting with 8 or 9
    [InlineData(null, false)]
    public void Only_nine_digits_starting_with_8_or_9_are_a_company(string? document, bool company) => Assert.Equal(company, Nit.IsCompany(document));
}
