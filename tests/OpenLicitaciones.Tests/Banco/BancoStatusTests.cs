using OpenLicitaciones.Features.Banco;

namespace OpenLicitaciones.Tests.Banco;

public sealed class BancoStatusTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0);

    public static TheoryData<string, string[], string[], EstadoBanco, int?> Cases => new()
    {
        // name, processes (estado|adjudicado|reception as yyyy-MM-dd or -), contracts (estado), expected status, days left
        { "no process", [], [], EstadoBanco.Planeado, null },
        { "open until the 30th", ["Publicado|No|2026-11-30"], [], EstadoBanco.Publicado, 8 },
        { "closes today at 17:00", ["Publicado|No|2026-11-22T17:00"], [], EstadoBanco.Publicado, 0 },
        { "direct contracting, no reception date", ["Publicado|No|-"], [], EstadoBanco.Publicado, null },
        { "reception passed, no award", ["Publicado|No|2026-11-20"], [], EstadoBanco.EnEvaluacion, null },
        { "estado Evaluación", ["Evaluación|No|2026-12-01"], [], EstadoBanco.EnEvaluacion, null },
        { "adjudicado = Si", ["Publicado|Si|2026-11-01"], [], EstadoBanco.Adjudicado, null },
        { "estado Seleccionado", ["Seleccionado|No|-"], [], EstadoBanco.Adjudicado, null },
        { "contract in execution", ["Adjudicado|Si|2026-10-01"], ["En ejecución"], EstadoBanco.Contratado, null },
        { "draft contract does not count", ["Adjudicado|Si|2026-10-01"], ["Borrador"], EstadoBanco.Adjudicado, null },
        { "contract en aprobación does not count", ["Adjudicado|Si|2026-10-01"], ["En aprobación"], EstadoBanco.Adjudicado, null },
        { "cancelled contract does not count", ["Seleccionado|No|-"], ["Cancelado"], EstadoBanco.Adjudicado, null },
        { "the only process was cancelled", ["Cancelado|No|2026-10-01"], [], EstadoBanco.CanceladoDesierto, null },
        { "declared void", ["Desierto|No|2026-10-01"], [], EstadoBanco.CanceladoDesierto, null },
        { "revoked and discarded", ["Revocado|No|-", "Descartado|No|-"], [], EstadoBanco.CanceladoDesierto, null },
        { "void, then republished and open", ["Desierto|No|2026-10-01", "Publicado|No|2026-12-02"], [], EstadoBanco.Publicado, 10 },
        { "a contract wins over a cancelled process", ["Cancelado|No|-"], ["terminado"], EstadoBanco.Contratado, null },
        { "two open processes: the nearest closing", ["Publicado|No|2026-12-10", "Publicado|No|2026-11-25"], [], EstadoBanco.Publicado, 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void First_matching_rule_wins(string scenario, string[] procesos, string[] contratos, EstadoBanco expected, int? daysLeft)
    {
        var status = BancoStatus.Of(procesos.Select(Process).ToList(), contratos.Select(Contract).ToList(), Now);

        Assert.True(expected == status.Estado, $"{scenario}: {status.Estado}");
        Assert.Equal(daysLeft, status.DiasParaOfertar);
    }

    [Fact]
    public void Every_status_has_a_slug_a_label_and_a_rule_that_round_trip()
    {
        foreach (var estado in BancoStatus.Orden)
        {
            Assert.Equal(estado, BancoStatus.FromSlug(BancoStatus.Slug(estado)));
            Assert.False(string.IsNullOrWhiteSpace(BancoStatus.Label(estado)));
            Assert.EndsWith(".", BancoStatus.Rule(estado));
        }
        Assert.Equal(["planeado", "publicado", "en-evaluacion", "adjudicado", "contratado", "cancelado-desierto"], BancoStatus.Orden.Select(BancoStatus.Slug));
    }

    private static int _n;

    private static ProcesoVinculado Process(string spec)
    {
        var parts = spec.Split('|');
        DateTime? reception = parts[2] == "-" ? null : DateTime.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        return new ProcesoVinculado($"CO1.REQ.{++_n}", null, null, parts[0], null, parts[1] == "Si", new DateTime(2026, 9, 1), reception,
            null, null, null, null, null, null, null, null, null);
    }

    private static ContratoVinculado Contract(string estado) =>
        new($"CO1.PCCNTR.{++_n}", null, estado, new DateTime(2026, 10, 5), 1_000_000, null, null, null, null, null);
}
