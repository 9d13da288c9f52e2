using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Shared;

public sealed class UnspscTests
{
    [Theory]
    [InlineData("V1.50401500", new[] { "50401500" })]
    [InlineData("50401500", new[] { "50401500" })]
    [InlineData("V1.50401500;50131700", new[] { "50401500", "50131700" })]
    [InlineData(" 50401500 ; 50401500 ;", new[] { "50401500" })]
    public void Unspsc_lists_accept_every_spelling(string raw, string[] expected)
    {
        Assert.True(Unspsc.TryParseList(raw, out var codes));
        Assert.Equal(expected, codes);
    }

    [Theory]
    [InlineData("V1.5040")]
    [InlineData("alimentos")]
    [InlineData("504015001")]
    public void Unspsc_rejects_what_is_not_an_8_digit_code(string raw) => Assert.False(Unspsc.TryParseList(raw, out _));

    [Theory]
    [InlineData("50", true, "50")] // segment
    [InlineData("5040", true, "5040")] // family
    [InlineData("V1.5040", true, "5040")]
    [InlineData("v1.50401500", true, "50401500")]
    [InlineData(" 8515 ", true, "8515")]
    [InlineData("504015001", false, "")] // nine digits
    [InlineData("frutas", false, "")]
    [InlineData("50-40", false, "")]
    [InlineData("", false, "")]
    public void A_filter_prefix_is_1_to_8_digits_with_or_without_V1(string raw, bool valid, string expected)
    {
        Assert.Equal(valid, Unspsc.TryParsePrefix(raw, out var prefix));
        if (valid) Assert.Equal(expected, prefix);
    }
}
