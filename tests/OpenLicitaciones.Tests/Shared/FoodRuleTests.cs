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

    [Theory]
    // code, object → a food purchase (G10's base), a PAE operation (shown apart)
    [InlineData("50131700", null, true, false)]
    [InlineData("50131700", "Suministro de huevo para el PAE", true, false)]        // segment 50 wins: food the entity buys
    [InlineData("85151600", null, false, true)]
    [InlineData("90101600", "Servicio de catering", false, true)]
    [InlineData("80111600", "Operación del PAE en sedes rurales", false, true)]
    [InlineData("80111600", "Apoyo a la Alimentación Escolar", false, true)]
    [InlineData(null, "Programa de alimentación escolar", false, true)]
    [InlineData("78111800", "Transporte escolar rural", false, false)]              // school, but not food
    [InlineData("72141100", "Vía a Páez", false, false)]                           // "pae" only as a word
    [InlineData("44121600", "Compra de papelería", false, false)]
    public void A_food_purchase_is_segment_50_and_the_pae_operation_is_apart(string? code, string? objeto, bool compra, bool pae)
    {
        Assert.Equal(compra, FoodRule.IsFoodPurchase(code));
        Assert.Equal(pae, FoodRule.IsPaeOperation(code, objeto));
    }
}
