using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Shared;

public sealed class SecopRulesTests
{
    [Theory]
    [InlineData("En ejecución", true)]
    [InlineData("Modificado", true)]
    [InlineData("terminado", true)]
    [InlineData(null, true)] // no state recorded: SECOP published it, so it counts
    [InlineData("Borrador", false)]
    [InlineData("BORRADOR", false)]
    [InlineData("En aprobación", false)]
    [InlineData("en aprobacion", false)]
    [InlineData("Cancelado", false)]
    public void A_contract_counts_unless_draft_in_approval_or_cancelled(string? estado, bool counts) =>
        Assert.Equal(counts, SecopRules.CountsAsContract(estado));

    [Theory]
    [InlineData("Cancelado", null, true)]
    [InlineData("Desierto", null, true)]
    [InlineData("Descartado", null, true)]
    [InlineData("Revocado", null, true)]
    [InlineData("Publicado", "Proceso declarado desierto", true)] // the summary alone is enough
    [InlineData("Publicado", "Presentación de oferta", false)]
    [InlineData("Adjudicado", null, false)]
    [InlineData(null, null, false)]
    public void A_process_is_cancelled_when_its_state_or_summary_says_so(string? estado, string? resumen, bool cancelled) =>
        Assert.Equal(cancelled, SecopRules.IsCancelled(estado, resumen));
}
