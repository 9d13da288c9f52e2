using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Shared;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("Vía Terciaria", "via terciaria")]
    [InlineData("  SECRETARÍA DE EDUCACIÓN ", "secretaria de educacion")]
    [InlineData("Ñame", "name")] // the tilde of ñ is an accent too
    [InlineData("café", "cafe")]
    public void Folding_drops_case_accents_and_outer_spaces(string text, string expected) => Assert.Equal(expected, PlainText.Fold(text));

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("  ", true)]
    [InlineData("No Definido", true)]
    [InlineData("no definido", true)]
    [InlineData(" N/A ", true)]
    [InlineData("Sin Descripción", true)]
    [InlineData("Palma de cera", false)]
    [InlineData("0", false)]
    public void Sentinels_mean_no_value(string? value, bool sentinel) => Assert.Equal(sentinel, PlainText.IsSentinel(value));

    [Theory]
    [InlineData("corto", 40, "corto")]
    [InlineData("0123456789", 10, "0123456789")] // exactly the limit: as it is
    [InlineData("0123456789X", 10, "0123456789…")]
    public void Clip_cuts_at_the_limit_and_says_so(string text, int max, string expected) => Assert.Equal(expected, PlainText.Clip(text, max));

    [Fact]
    public void Clip_quotes_forty_characters_by_default() => Assert.Equal(new string('a', 40) + "…", PlainText.Clip(new string('a', 41)));
}
