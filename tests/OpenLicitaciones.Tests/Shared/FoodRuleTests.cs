using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Shared;

public sealed class FoodRuleTests
{
    [Theory]
    [InlineData("50401500", true)] // vegetables: segment 50
    [InlineData("50131700", true)] // eggs
    [InlineData("85151600", true)] // nutrition services: family 8515
    [InlineData("90101600", true)] // catering: family 9010
    [InlineData("85121600", false)] // other health services
    [InlineData("90111500", false)] // lodging, not catering
    [InlineData("80111600", false)]
    [InlineData("05040000", false)] // "50" elsewhere than at the start
    public void Food_is_segment_50_and_families_8515_and_9010(string code, bool food) => Assert.Equal(food, FoodRule.IsFood(code));
}
