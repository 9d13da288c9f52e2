using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Tests.Banco;

public sealed class BancoFilterTests
{
    private static readonly Modalidades Catalog = Modalidades.Load(Path.Combine(AppContext.BaseDirectory, "data", "modalidades.csv"));
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0);

    // Six opportunities built by hand; the expected ids of each filter below were worked out from this table.
    //  id  year-month  value        codes       modality                       status (at Now)
    //  A   2026-02     5.000.000    50401500    Mínima cuantía                 contratado
    //  B   2026-03     80.000.000   80111600    Contratación directa           planeado
    //  C   2026-12     20.000.000   85151600    Selección abreviada menor      publicado, 9 days left
    //  D   2027-01     null         90101600    Licitación pública             planeado
    //  E   2026-07     300.000.000  72141100    Licitación pública             cancelado-desierto
    //  F   —           1.000.000    44121600    Mínima cuantía                 en-evaluacion
    private static readonly IReadOnlyList<Oportunidad> All =
    [
        Make("A", 2026, 2, 5_000_000, "50401500", "Mínima cuantía", "Compra de HUEVOS para el PAE", "Secretaría de Educación",
            [Process("Seleccionado", null)], [Contract("En ejecución")]),
        Make("B", 2026, 3, 80_000_000, "80111600", "Contratación directa", "Servicios de apoyo jurídico", null, [], []),
        Make("C", 2026, 12, 20_000_000, "85151600", "Selección Abreviada de Menor Cuantía", "Raciones de nutrición", "Secretaría de Salud",
            [Process("Publicado", new DateTime(2026, 12, 1))], []),
        Make("D", 2027, 1, null, "90101600", "Licitación pública", "Catering de eventos", null, [], []),
        Make("E", 2026, 7, 300_000_000, "72141100", "Licitación pública", "Vía terciaria en Rozo", "Secretaría de Infraestructura",
            [Process("Desierto", new DateTime(2026, 8, 1))], []),
        Make("F", 2026, null, 1_000_000, "44121600", "Mínima cuantía", "Papelería", "Secretaría General",
            [Process("Publicado", new DateTime(2026, 11, 20))], []),
    ];

    [Theory]
    [InlineData("", "A,B,E,C,D,F")] // by month; no month last
    [InlineData("q=huevos", "A")]
    [InlineData("q=vía terciaria", "E")]
    [InlineData("q=VIA TERCIARIA", "E")] // accents and case do not matter
    [InlineData("q=8011", "B")] // codes are searchable too
    [InlineData("familia=50", "A")]
    [InlineData("familia=V1.8515", "C")]
    [InlineData("pae=true", "A,C,D")] // segment 50 + families 8515 and 9010
    [InlineData("mesDesde=2026-03&mesHasta=2026-12", "B,E,C")]
    [InlineData("mesDesde=2027-01", "D")]
    [InlineData("valorMin=5000000&valorMax=80000000", "A,B,C")]
    [InlineData("modalidad=minima-cuantia", "A,F")]
    [InlineData("accesible=true", "A,C,F")]
    [InlineData("estado=planeado", "B,D")]
    [InlineData("estado=publicado", "C")]
    [InlineData("estado=en-evaluacion", "F")]
    [InlineData("estado=cancelado-desierto", "E")]
    [InlineData("unidad=secretaria de salud", "C")]
    [InlineData("orden=-valor", "E,B,C,A,F,D")] // no value last
    [InlineData("orden=estado", "B,D,C,F,A,E")]
    [InlineData("pae=true&accesible=true&orden=-mes", "C,A")]
    public void Filters_select_and_order_the_hand_worked_rows(string query, string expected)
    {
        var (filter, warnings) = Parse(query);

        var ids = BancoQuery.Apply(All, filter, Now).Select(r => r.Oportunidad.Id);

        Assert.Empty(warnings);
        Assert.Equal(expected.Split(','), ids);
    }

    [Fact]
    public void An_open_process_counts_the_days_left_to_submit_offers()
    {
        var c = BancoQuery.Apply(All, new BancoFilter { Estado = EstadoBanco.Publicado }, Now).Single();
        Assert.Equal(9, c.Estado.DiasParaOfertar);
    }

    [Theory]
    [InlineData("modalidad=trueque", "modalidad: 'trueque' no es una modalidad conocida; se ignora")]
    [InlineData("mesDesde=2026-13", "mesDesde: '2026-13' no es un mes AAAA-MM (p. ej. 2026-03); se ignora")]
    [InlineData("valorMin=-5", "valorMin: '-5' no es un valor en pesos enteros (solo dígitos, sin puntos, comas ni $); se ignora")]
    [InlineData("estado=abierto", "estado: 'abierto' no es un estado (planeado, publicado, en-evaluacion, adjudicado, contratado, cancelado-desierto); se ignora")]
    [InlineData("familia=frutas", "familia: 'frutas' no es un código UNSPSC (de 1 a 8 dígitos); se ignora")]
    [InlineData("pae=quizas", "pae: 'quizas' no es true ni false; se ignora")]
    [InlineData("orden=nombre", "orden: 'nombre' no es un campo ordenable (mes, valor, estado); se usa mes")]
    [InlineData("mesDesde=2026-12&mesHasta=2026-01", "mesDesde es posterior a mesHasta; se intercambian")]
    [InlineData("valorMin=80000000&valorMax=1000000", "valorMin es mayor que valorMax; se intercambian")]
    public void Bad_values_are_dropped_or_corrected_with_a_warning(string query, string warning)
    {
        var (filter, warnings) = Parse(query);

        Assert.Equal([warning], warnings);
        Assert.NotEmpty(BancoQuery.Apply(All, filter, Now));
    }

    [Theory]
    [InlineData("1000000000.50")]
    [InlineData("1,5")]
    [InlineData("1.000.000")]
    [InlineData("$1000000")]
    [InlineData("+1000")]
    [InlineData("1e6")]
    public void A_money_filter_that_is_not_plain_digits_is_ignored_with_a_warning(string raw)
    {
        var (filter, warnings) = Parse("valorMin=" + Uri.EscapeDataString(raw));

        Assert.Null(filter.ValorMin);
        Assert.Equal([$"valorMin: '{raw}' no es un valor en pesos enteros (solo dígitos, sin puntos, comas ni $); se ignora"], warnings);
    }

    [Fact]
    public void A_money_filter_in_plain_digits_is_integer_pesos()
    {
        var (filter, warnings) = Parse("valorMin=1000000000&valorMax=2000000000");

        Assert.Equal((1_000_000_000L, 2_000_000_000L), (filter.ValorMin, filter.ValorMax));
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_very_long_search_is_clipped_not_rejected()
    {
        var (filter, warnings) = Parse("q=" + new string('a', 10_000));
        Assert.Equal(QueryReader.MaxTextLength, filter.Q!.Length);
        Assert.Equal(["q: el texto es muy largo; se usan los primeros 200 caracteres"], warnings);
    }

    [Theory]
    [InlineData("q=huevo&pae=true&mesDesde=2026-01&mesHasta=2026-06&valorMin=1000&modalidad=minima-cuantia&estado=contratado&accesible=true&unidad=Secretar%C3%ADa%20de%20Educaci%C3%B3n&orden=-valor")]
    [InlineData("familia=5040")]
    [InlineData("")]
    public void A_filter_writes_back_the_query_it_was_read_from(string query)
    {
        var (filter, _) = Parse(query);
        Assert.Equal(query, filter.ToQuery());
    }

    private static (BancoFilter Filter, IReadOnlyList<string> Warnings) Parse(string query)
    {
        var reader = QueryReader.FromQueryString(query);
        return (BancoFilter.Parse(reader, Catalog), reader.Warnings);
    }

    private static Oportunidad Make(string id, int year, int? month, long? value, string code, string modality, string description, string? unit,
        IReadOnlyList<ProcesoVinculado> procesos, IReadOnlyList<ContratoVinculado> contratos)
    {
        var m = Catalog.Resolve(modality);
        return new Oportunidad(id, "7", year, 1, description, [code], month, value, modality, m, m, unit, false, null, procesos, contratos);
    }

    private static int _n;

    private static ProcesoVinculado Process(string estado, DateTime? reception) =>
        new($"CO1.REQ.{++_n}", null, null, estado, null, null, null, reception, null, null, null, null, null, null, null, null, null);

    private static ContratoVinculado Contract(string estado) => new($"CO1.PCCNTR.{++_n}", null, estado, null, null, null, null, null, null, null);
}
