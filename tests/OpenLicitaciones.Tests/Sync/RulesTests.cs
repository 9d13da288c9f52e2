using System.Text.Json.Nodes;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Tests.Sync;

public sealed class RulesTests
{
    [Theory]
    [InlineData("No Definido")]
    [InlineData("no definido")]
    [InlineData(" No Aplica ")]
    [InlineData("No aplica/No pertenece")]
    [InlineData("ND")]
    [InlineData("N/D")]
    [InlineData("NA")]
    [InlineData("Sin Descripcion")]
    [InlineData("No Adjudicado")]
    [InlineData("")]
    public void Sentinels_read_as_null(string value) => Assert.Null(new RawRow(new JsonObject { ["x"] = value }).Text("x"));

    [Theory]
    [InlineData("Si", true)]
    [InlineData("SI", true)]
    [InlineData("Sí", true)]
    [InlineData("Verdadero", true)]
    [InlineData("No", false)]
    [InlineData("Falso", false)]
    [InlineData("No Definido", null)]
    public void Yes_no_columns_read_every_spelling(string value, bool? expected) =>
        Assert.Equal(expected, new RawRow(new JsonObject { ["x"] = value }).Bool("x"));

    [Theory]
    [InlineData("57333333", 57_333_333L)]
    [InlineData("100000000.000000", 100_000_000L)]
    [InlineData("1234.5", 1_235L)] // cents are rounded away from zero
    [InlineData("-500", -500L)]
    [InlineData("3.08025E+6", 3_080_250L)]
    public void Money_is_whole_pesos(string value, long expected) =>
        Assert.Equal(expected, new RawRow(new JsonObject { ["x"] = value }).Money("x"));

    [Theory]
    [InlineData("Enero", 1)]
    [InlineData("SEPTIEMBRE", 9)]
    [InlineData("setiembre", 9)]
    [InlineData("12", 12)]
    [InlineData("2026-07-01T00:00:00.000", 7)]
    public void Months_read_names_numbers_and_dates(string value, int expected) =>
        Assert.Equal(expected, new RawRow(new JsonObject { ["x"] = value }).Month("x"));

    [Fact]
    public void A_url_column_reads_the_url_inside_its_object()
    {
        var row = new RawRow(new JsonObject { ["urlproceso"] = new JsonObject { ["url"] = "https://x/y?noticeUID=CO1.NTC.1&b=2" } });
        Assert.Equal("https://x/y?noticeUID=CO1.NTC.1&b=2", row.Text("urlproceso"));
        Assert.Equal("CO1.NTC.1", SecopDatasets.NoticeUid(row.Text("urlproceso")));
    }

    [Fact]
    public void Soql_uses_an_in_filter_keyset_cursor_and_escapes_quotes()
    {
        var query = new SodaQuery("p6dx-8zbt", new RowFilter("nit_entidad", ["891380007", "O'Neil"]), new SodaCursor("2026-01-01T00:00:00.000Z", "row-9"), 500);

        var soql = query.ToSoql().ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(":*,*", soql["$select"]);
        Assert.Equal("nit_entidad in ('891380007','O''Neil') AND (:updated_at > '2026-01-01T00:00:00.000Z' OR (:updated_at = '2026-01-01T00:00:00.000Z' AND :id > 'row-9'))", soql["$where"]);
        Assert.Equal(":updated_at,:id", soql["$order"]);
        Assert.Equal("500", soql["$limit"]);
        Assert.DoesNotContain("$offset", soql.Keys);
    }

    [Fact]
    public void Rejected_queries_are_explained_with_the_socrata_error_code()
    {
        var body = """{"code":"query.soql.no-such-column","error":true,"message":"No such column: foo","errorCode":"query.soql.no-such-column"}""";
        Assert.Equal("datos.gov.co rechazó la consulta (HTTP 400, query.soql.no-such-column): No such column: foo", SocrataSource.RejectedMessage(400, body));
        Assert.Equal("datos.gov.co rechazó la consulta (HTTP 403)", SocrataSource.RejectedMessage(403, "<html>"));
    }
}
