using System.Text.Json.Nodes;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Sync;

/// <summary>The mappers against real rows published by datos.gov.co (Fixtures/).</summary>
public sealed class MapperTests
{
    [Fact]
    public void A_full_real_process_record_maps_every_typed_field()
    {
        var row = Fixtures.JsonRows("p6dx-8zbt_procesos_DANE_full_record.json").Single();

        var p = (Proceso)new ProcesosDataset().Map(new RawRow(row));

        Assert.Equal("CO1.REQ.2577563", p.IdDelProceso);
        Assert.Equal("CO1.BDOS.2503732", p.IdDelPortafolio);
        Assert.Equal("CO1.NTC.2597221", p.NoticeUid);
        Assert.Equal("899999027", p.NitEntidad);
        Assert.Equal(57_333_333L, p.PrecioBase);
        Assert.Equal(0L, p.ValorTotalAdjudicacion);
        Assert.Equal(new DateTime(2022, 1, 18), p.FechaPublicacion);
        Assert.Equal(344, p.Duracion);
        Assert.Equal("80111500", p.CodigoPrincipalCategoria);
        Assert.False(p.Adjudicado);
        Assert.Equal("Contratación directa", p.Modalidad);
        Assert.Equal("SECRETARIA GENERAL - DANE CENTRAL", p.NombreUnidad);
        Assert.StartsWith("https://community.secop.gov.co/", p.UrlProceso);
        // Sentinels become null: "No Definido", "No Adjudicado", "No definido".
        Assert.Null(p.CodigoProveedor);
        Assert.Null(p.NitProveedorAdjudicado);
        Assert.Null(p.IdAdjudicacion);
        Assert.Null(p.CategoriasAdicionales);
        Assert.Null(p.SubtipoContrato);
        // Keys the API omitted because they were null stay null.
        Assert.Null(p.FechaRecepcion);
        Assert.Null(p.FechaAdjudicacion);
    }

    [Fact]
    public void Every_row_of_the_2026_process_sample_maps_with_its_values()
    {
        var rows = Fixtures.JsonRows("p6dx-8zbt_procesos_subset_rows_2026.json");

        var mapped = rows.Select(r => (Proceso)new ProcesosDataset().Map(new RawRow(r))).ToList();

        Assert.Equal(39, mapped.Count);
        Assert.Equal(39, mapped.Select(p => p.IdDelProceso).Distinct().Count());
        Assert.All(mapped, p => Assert.StartsWith("CO1.NTC.", p.NoticeUid));
        var first = mapped[0];
        Assert.Equal(49_000_000L, first.PrecioBase);
        Assert.Equal(new DateTime(2026, 9, 15), first.FechaPublicacion);
        Assert.Equal(1, first.RespuestasAlProcedimiento);
        Assert.Equal(2_242_484_753L, mapped[8].PrecioBase);
    }

    [Fact]
    public void The_2023_contract_fixture_maps_and_reports_its_retired_columns_as_unknown()
    {
        var row = Fixtures.JsonRows("jbjy-vk9h_contrato_single_record_credere_fixture_2023.json").Single();
        var dataset = new ContratosDataset();

        var c = (Contrato)dataset.Map(new RawRow(row));
        var unknown = row.Select(kv => kv.Key).Where(k => !dataset.Columns.Contains(k)).Order().ToList();

        Assert.Equal("CO1.PCCNTR.5361557", c.IdContrato);
        Assert.Equal("CO1.BDOS.4899402", c.ProcesoDeCompra);
        Assert.Equal("900143276", c.NitEntidad);
        Assert.Equal(3_080_250L, c.ValorDelContrato);
        Assert.Equal(0L, c.ValorPagado);
        Assert.Equal("60121200", c.CodigoCategoriaPrincipal);
        Assert.True(c.EsPyme);
        Assert.False(c.EsGrupo);
        Assert.Equal("Otro", c.GeneroRepresentanteLegal);
        Assert.Equal(new DateTime(2023, 9, 18), c.FechaDeFin);
        Assert.Equal("901623692", c.DocumentoProveedor);
        Assert.Null(c.Ciudad); // "No Definido"
        Assert.Null(c.NoticeUid); // this url carries no noticeUID
        Assert.Equal(["anno_bpin", "c_digo_bpin", "estado_bpin"], unknown);
    }

    [Fact]
    public void Contract_rows_from_CCE_notebook_map_gender_and_sentinels()
    {
        var rows = Fixtures.CsvRows("jbjy-vk9h_contratos_ancp_notebook_rows.csv");
        var dataset = new ContratosDataset();

        // The notebook printed 20 of the columns and no id_contrato: the key is missing, so each row is rejected
        // with a reason naming it — exactly what quarantine records.
        var reasons = rows.Select(r => Assert.Throws<RowRejectedException>(() => dataset.Map(new RawRow(r))).Message).Distinct().ToList();
        Assert.Equal(["id_contrato: falta el valor, que identifica la fila"], reasons);

        var genders = rows.Select(r => new RawRow(r).Text("g_nero_representante_legal")).ToList();
        Assert.Equal(30, rows.Count);
        Assert.Contains("Mujer", genders);
        Assert.Contains(null, genders); // "No Definido"
    }

    [Fact]
    public void Contract_rows_with_id_and_unspsc_map_their_category()
    {
        var rows = Fixtures.CsvRows("jbjy-vk9h_contratos_unspsc_ancp_notebook_rows.csv");
        var dataset = new ContratosDataset();

        var contracts = rows.Select(r =>
        {
            r["nit_entidad"] = "8001136727"; // the sample printed no NIT; this one carries its check digit glued on
            return (Contrato)dataset.Map(new RawRow(r));
        }).ToList();

        Assert.Equal(["80111600", "80111600", "80111715", "80111600", "85101601", "80111600", "85101700", "90111600", "95141706", "80111600"],
            contracts.Select(c => c.CodigoCategoriaPrincipal));
        Assert.All(contracts, c => Assert.Equal("800113672", c.NitEntidad));
    }

    [Fact]
    public void A_PAA_line_reads_month_names_mixed_unspsc_lists_and_fingerprints_stably()
    {
        var row = new JsonObject
        {
            ["id"] = "123", ["descripcion"] = "  Compra de  HUEVO para el PAE ", ["fecha_esperada_de_inicio"] = "Noviembre",
            ["fecha_esperada_de_recepcion"] = "2026-03-01T00:00:00.000", ["valor_total_esperado"] = "100000000.000000",
            ["modalidad"] = "Mínima cuantía", ["categorias_unspsc"] = "V1.50131700;50401500; V1.50131700",
            ["codigo_entidad"] = "703265803", ["annio"] = "2026", ["version_del_paa"] = "3", ["nit_entidad"] = "891380007",
        };
        var same = row.DeepClone().AsObject();
        same["id"] = "999";
        same["descripcion"] = "compra de huevo para el pae";
        same["categorias_unspsc"] = "50401500;50131700";

        var line = (PaaLine)new PaaLinesDataset().Map(new RawRow(row));
        var again = (PaaLine)new PaaLinesDataset().Map(new RawRow(same));

        Assert.Equal(11, line.MesEsperadoInicio);
        Assert.Equal(3, line.MesEsperadoRecepcion);
        Assert.Equal(100_000_000L, line.ValorTotalEsperado);
        Assert.Equal(";50131700;50401500;", line.CategoriasUnspsc);
        Assert.Equal(3, line.VersionDelPaa);
        Assert.Equal(line.Fingerprint, again.Fingerprint);
    }

    [Theory]
    [InlineData("precio_base", "abc", "precio_base: 'abc' no es un valor numérico")]
    [InlineData("fecha_de_publicacion_del", "ayer", "fecha_de_publicacion_del: 'ayer' no es una fecha")]
    [InlineData("adjudicado", "Quizás", "adjudicado: 'Quizás' no es Sí/No")]
    [InlineData("codigo_principal_de_categoria", "V1.ABC", "codigo_principal_de_categoria: 'V1.ABC' no es un código UNSPSC")]
    [InlineData("duracion", "3.5", "duracion: '3.5' no es un número entero")]
    public void A_garbage_value_rejects_the_row_with_a_reason_naming_the_column(string column, string value, string reason)
    {
        var row = Fixtures.JsonRows("p6dx-8zbt_procesos_DANE_full_record.json").Single();
        row[column] = value;

        var e = Assert.Throws<RowRejectedException>(() => new ProcesosDataset().Map(new RawRow(row)));

        Assert.Equal(reason, e.Message);
    }
}
