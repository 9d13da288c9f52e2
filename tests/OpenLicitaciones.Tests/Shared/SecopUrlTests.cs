using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Shared;

public sealed class SecopUrlTests
{
    [Theory]
    [InlineData("https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID=CO1.NTC.7000172", " noticeUID=CO1.NTC.7000172")]
    [InlineData("https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID=CO1.NTC.1&isFromPublicArea=True&isModal=False",
        " noticeUID=CO1.NTC.1&isFromPublicArea=True&isModal=False")]
    [InlineData("https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?", " ")]
    [InlineData("https://www.colombiacompra.gov.co/secop/proceso/1", "https://www.colombiacompra.gov.co/secop/proceso/1")]
    [InlineData("http://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID=X", "http://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID=X")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void An_address_is_kept_without_SECOP_s_common_prefix_and_given_back_whole(string? url, string? compact)
    {
        Assert.Equal(compact, SecopUrl.Compact(url));
        Assert.Equal(url, SecopUrl.Expand(SecopUrl.Compact(url)));
    }

    [Fact]
    public void A_supplier_s_contract_gives_back_the_address_it_was_made_with()
    {
        const string url = "https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID=CO1.NTC.42";
        var contrato = new ContratoProveedor("C1", null, 2026, null, null, true, null, null) { Url = url };

        Assert.Equal(url, contrato.Url);
        Assert.Equal(contrato, new ContratoProveedor("C1", null, 2026, null, null, true, null, null) { Url = url });
    }
}
