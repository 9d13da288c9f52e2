using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using OpenLicitaciones.Features.Api;

namespace OpenLicitaciones.Tests.Api;

public sealed class XlsxTests
{
    private static readonly XNamespace S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private sealed record Row(string Id, long PrecioBase, DateTime Publicado, DateTime? Cierre, bool? Adjudicado, string? Descripcion);

    private static readonly Row[] Rows =
    [
        new("P1", 2_000_000_000, new(2024, 3, 5), new(2024, 3, 5, 14, 30, 0), true, "Tom & \"Jerry\" <b> «café» ñandú\u0001\u001F fin"),
        new("P2", 0, new(2025, 2, 2), null, null, null),
    ];

    [Fact]
    public async Task Package_has_the_parts_a_spreadsheet_needs_a_frozen_bold_header_widths_and_an_autofilter()
    {
        using var zip = Open(await WriteAsync(Rows, "procesos"));
        var sheet = Part(zip, "xl/worksheets/sheet1.xml");

        Assert.Subset(zip.Entries.Select(e => e.FullName).ToHashSet(),
            new HashSet<string> { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/styles.xml" });
        var pane = sheet.Descendants(S + "pane").Single();
        Assert.Equal(("1", "A2", "frozen"), (pane.Attribute("ySplit")?.Value, pane.Attribute("topLeftCell")?.Value, pane.Attribute("state")?.Value));
        Assert.Equal("A1:F3", sheet.Root!.Element(S + "autoFilter")?.Attribute("ref")?.Value);
        var widths = sheet.Descendants(S + "col").Select(c => double.Parse(c.Attribute("width")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([8, 12, 12, 27, 12, 38], widths); // longest text + 2, at least 8: "2000000000", "2024-03-05T14:30:00-05:00", the description
        var styles = Part(zip, "xl/styles.xml");
        var headerCells = sheet.Descendants(S + "row").First().Elements(S + "c").ToList();
        Assert.All(headerCells, c => Assert.NotNull(Font(styles, c).Element(S + "b")));
        Assert.Null(Font(styles, sheet.Descendants(S + "row").ElementAt(1).Elements(S + "c").First()).Element(S + "b"));
    }

    [Fact]
    public async Task Header_row_has_the_json_field_names_in_property_order()
    {
        using var zip = Open(await WriteAsync(Rows, "procesos"));

        var header = Part(zip, "xl/worksheets/sheet1.xml").Descendants(S + "row").First();
        Assert.Equal("1", header.Attribute("r")?.Value);
        Assert.Equal(["id", "precioBase", "publicado", "cierre", "adjudicado", "descripcion"], header.Elements(S + "c").Select(Value));
        Assert.Equal(["A1", "B1", "C1", "D1", "E1", "F1"], header.Elements(S + "c").Select(c => c.Attribute("r")?.Value));
    }

    [Fact]
    public async Task Cells_keep_their_types_numbers_dates_booleans_escaped_text_and_empty_nulls()
    {
        using var zip = Open(await WriteAsync(Rows, "procesos"));
        var styles = Part(zip, "xl/styles.xml");
        var rows = Part(zip, "xl/worksheets/sheet1.xml").Descendants(S + "row").ToList();
        var first = rows[1].Elements(S + "c").ToDictionary(c => c.Attribute("r")!.Value);
        var second = rows[2].Elements(S + "c").ToDictionary(c => c.Attribute("r")!.Value);

        Assert.Equal((null, "2000000000"), (first["B2"].Attribute("t")?.Value, Value(first["B2"])));
        Assert.Equal("0", Value(second["B3"]));
        // 2024-03-05: 2024-01-01 is serial 45292 (1900 date system), + 31 (January) + 29 (leap February) + 4 = 45356.
        Assert.Equal((null, "45356", "yyyy-mm-dd"), (first["C2"].Attribute("t")?.Value, Value(first["C2"]), FormatCode(styles, first["C2"])));
        // 14:30 is 14.5 / 24 = 0.6041666… of a day.
        Assert.Equal(45356.6041666667, double.Parse(Value(first["D2"])!, CultureInfo.InvariantCulture), 9);
        Assert.Equal("yyyy-mm-dd\"T\"hh:mm:ss\"-05:00\"", FormatCode(styles, first["D2"]));
        Assert.Equal("45690", Value(second["C3"])); // 2025-02-02: 2025-01-01 is 45292 + 366 = 45658, + 31 + 1
        Assert.Equal(("inlineStr", "true"), (first["E2"].Attribute("t")?.Value, Value(first["E2"])));
        Assert.Equal(("inlineStr", "Tom & \"Jerry\" <b> «café» ñandú fin"), (first["F2"].Attribute("t")?.Value, Value(first["F2"])));
        // The null DateTime, bool and string hold no value (no number, no text, not even an empty one).
        Assert.Equal(["A3", "B3", "C3"], second.Where(c => Value(c.Value) is not null).Select(c => c.Key));
        Assert.All(second.Keys.Except(["A3", "B3", "C3"]), key => Assert.Empty(second[key].Nodes()));
    }

    [Fact]
    public async Task A_utc_time_is_written_as_bogota_time_and_shows_its_offset()
    {
        var run = Rows[1] with { Cierre = DateTime.SpecifyKind(new(2026, 11, 22, 8, 0, 0), DateTimeKind.Utc) };

        using var zip = Open(await WriteAsync([run], "sync"));

        var cell = Part(zip, "xl/worksheets/sheet1.xml").Descendants(S + "c").Single(c => c.Attribute("r")?.Value == "D2");
        Assert.Equal(new DateTime(2026, 11, 22, 3, 0, 0).ToOADate(), double.Parse(Value(cell)!, CultureInfo.InvariantCulture), 9);
        Assert.EndsWith("\"-05:00\"", FormatCode(Part(zip, "xl/styles.xml"), cell));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+57 300")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1)")]
    public async Task Formula_like_text_is_written_as_text_never_as_a_formula(string text)
    {
        using var zip = Open(await WriteAsync([Rows[1] with { Descripcion = text }], "procesos"));

        var sheet = Part(zip, "xl/worksheets/sheet1.xml");
        var cell = sheet.Descendants(S + "c").Single(c => c.Attribute("r")?.Value == "F2");
        Assert.Equal(("inlineStr", text), (cell.Attribute("t")?.Value, Value(cell)));
        Assert.Empty(sheet.Descendants(S + "f"));
    }

    [Theory]
    [InlineData("Procesos [2024/2025]: ¿qué? *todos* los del año", "Procesos 20242025 ¿qué todos lo")]
    [InlineData("'Datos\\'", "Datos")]
    [InlineData(" ?*: ", "Hoja1")]
    public async Task Sheet_name_is_made_acceptable_to_excel(string requested, string expected)
    {
        using var zip = Open(await WriteAsync(Rows, requested));

        var sheet = Part(zip, "xl/workbook.xml").Descendants(S + "sheet").Single();
        Assert.Equal(expected, sheet.Attribute("name")?.Value);
    }

    [Fact]
    public async Task A_thousand_rows_make_a_thousand_and_one_sheet_rows()
    {
        var rows = Enumerable.Range(1, 1000).Select(i => Rows[0] with { Id = $"P{i}" }).ToList();

        using var zip = Open(await WriteAsync(rows, "procesos"));

        var sheet = Part(zip, "xl/worksheets/sheet1.xml");
        var sheetRows = sheet.Descendants(S + "row").ToList();
        Assert.Equal(1001, sheetRows.Count);
        Assert.Equal(("1001", "P1000"), (sheetRows[^1].Attribute("r")?.Value, Value(sheetRows[^1].Elements(S + "c").First())));
        Assert.Equal("A1:F1001", sheet.Root!.Element(S + "autoFilter")?.Attribute("ref")?.Value);
    }

    [Fact]
    public async Task Columns_are_as_wide_as_the_longest_value_among_the_first_hundred_rows()
    {
        // A row past the first hundred does not widen its column: the widths are written before the rows.
        var rows = Enumerable.Range(1, 150).Select(i => Rows[1] with { Id = i == 150 ? new string('x', 50) : i == 99 ? "P-0000000099" : $"P{i}" }).ToList();

        using var zip = Open(await WriteAsync(rows, "procesos"));

        var widths = Part(zip, "xl/worksheets/sheet1.xml").Descendants(S + "col").Select(c => c.Attribute("width")!.Value).ToList();
        Assert.Equal("14", widths[0]);
    }

    [Fact]
    public async Task Text_longer_than_excel_allows_is_cut_at_its_limit_without_splitting_a_character()
    {
        var text = new string('a', 32766) + "😀" + "tail"; // the emoji's two UTF-16 halves straddle the 32767 limit

        using var zip = Open(await WriteAsync([Rows[1] with { Descripcion = text }], "procesos"));

        var cell = Part(zip, "xl/worksheets/sheet1.xml").Descendants(S + "c").Single(c => c.Attribute("r")?.Value == "F2");
        Assert.Equal(new string('a', 32766), Value(cell));
    }

    [Fact]
    public async Task Writes_to_a_forward_only_stream_with_asynchronous_writes_only_as_a_response_body_is()
    {
        var rows = Enumerable.Range(1, 2000).Select(i => Rows[0] with { Id = $"P{i}" }).ToList();
        using var buffer = new MemoryStream();

        await Xlsx.WriteAsync(new ResponseLikeStream(buffer), rows, rows.Count, "procesos");

        var (_, ids) = Read(buffer.ToArray());
        Assert.Equal(rows.Select(r => r.Id), ids);
    }

    /// <summary>The header row and column A of every data row, read back from a workbook.</summary>
    public static (List<string?> Header, List<string?> FirstColumn) Read(byte[] xlsx)
    {
        using var zip = Open(xlsx);
        var rows = Part(zip, "xl/worksheets/sheet1.xml").Descendants(S + "row").ToList();
        return (rows[0].Elements(S + "c").Select(Value).ToList(), rows.Skip(1).Select(r => Value(r.Elements(S + "c").First())).ToList());
    }

    private static async Task<byte[]> WriteAsync<T>(IReadOnlyList<T> rows, string sheetName)
    {
        using var stream = new MemoryStream();
        await Xlsx.WriteAsync(stream, rows, rows.Count, sheetName);
        return stream.ToArray();
    }

    /// <summary>Like Kestrel's response body: cannot seek, and a synchronous write is an error.</summary>
    private sealed class ResponseLikeStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => throw new InvalidOperationException("synchronous flush");
        public override Task FlushAsync(CancellationToken ct) => inner.FlushAsync(ct);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("synchronous write");
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) => inner.WriteAsync(buffer, ct);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => inner.WriteAsync(buffer, offset, count, ct);
    }

    private static ZipArchive Open(byte[] bytes) => new(new MemoryStream(bytes), ZipArchiveMode.Read);

    private static XDocument Part(ZipArchive zip, string path)
    {
        using var stream = zip.GetEntry(path)!.Open();
        return XDocument.Load(stream);
    }

    private static string? Value(XElement cell) => cell.Attribute("t")?.Value == "inlineStr"
        ? string.Concat(cell.Descendants(S + "t").Select(t => t.Value))
        : cell.Element(S + "v")?.Value;

    private static XElement Xf(XDocument styles, XElement cell) =>
        styles.Descendants(S + "cellXfs").Single().Elements(S + "xf").ElementAt(int.Parse(cell.Attribute("s")?.Value ?? "0"));

    private static XElement Font(XDocument styles, XElement cell) =>
        styles.Descendants(S + "fonts").Single().Elements(S + "font").ElementAt(int.Parse(Xf(styles, cell).Attribute("fontId")!.Value));

    private static string? FormatCode(XDocument styles, XElement cell) => styles.Descendants(S + "numFmt")
        .SingleOrDefault(f => f.Attribute("numFmtId")?.Value == Xf(styles, cell).Attribute("numFmtId")?.Value)?.Attribute("formatCode")?.Value;
}
