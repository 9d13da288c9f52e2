using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Security;
using System.Text;
using System.Xml;

namespace OpenLicitaciones.Features.Api;

/// <summary>A one-sheet XLSX with the same columns as <see cref="ApiList.Csv{T}"/>, but typed cells: numbers, real dates, text.</summary>
public static class Xlsx
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const int HeaderStyle = 1, DateStyle = 2, DateTimeStyle = 3;
    private const int MaxCellText = 32767; // Excel reports a longer cell as a corrupt file.
    // Excel's serial numbers count 1900 as a leap year; from this day on they agree with OLE dates.
    private static readonly DateTime FirstSerialDate = new(1900, 3, 1);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static byte[] Write<T>(IEnumerable<T> rows, string sheetName)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var header = properties.Select(p => ApiList.Json.PropertyNamingPolicy!.ConvertName(p.Name)).ToArray();
        // Materialised because the column widths come before the rows in the sheet.
        var values = rows.Select(row => properties.Select(p => p.GetValue(row)).ToArray()).ToList();
        var columns = Enumerable.Range(0, header.Length).Select(Column).ToArray();
        var (lastColumn, lastRow) = (columns.LastOrDefault() ?? "A", values.Count + 1);
        var name = SheetName(sheetName);

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            Part(zip, "[Content_Types].xml", w => w.Write(ContentTypes));
            Part(zip, "_rels/.rels", w => w.Write(RootRels));
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write(WorkbookRels));
            Part(zip, "xl/styles.xml", w => w.Write(Styles));
            Part(zip, "xl/workbook.xml", w => w.Write(
                $"""<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{Escape(name)}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">{Escape($"'{name.Replace("'", "''")}'")}!$A$1:${lastColumn}${lastRow}</definedName></definedNames></workbook>"""));
            Part(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"""<worksheet xmlns="{Main}"><dimension ref="A1:{lastColumn}{lastRow}"/><sheetViews><sheetView workbookViewId="0">""");
                w.Write("""<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><cols>""");
                for (var c = 0; c < header.Length; c++)
                {
                    var longest = values.Aggregate(header[c].Length, (max, row) => Math.Max(max, Display(row[c]).Length));
                    w.Write($"""<col min="{c + 1}" max="{c + 1}" width="{Math.Clamp(longest + 2, 8, 60)}" customWidth="1"/>""");
                }
                w.Write("""</cols><sheetData><row r="1">""");
                for (var c = 0; c < header.Length; c++) w.Write(Text($"{columns[c]}1", header[c], HeaderStyle));
                w.Write("</row>");
                for (var r = 0; r < values.Count; r++)
                {
                    w.Write($"""<row r="{r + 2}">""");
                    for (var c = 0; c < header.Length; c++) w.Write(Cell($"{columns[c]}{r + 2}", values[r][c]));
                    w.Write("</row>");
                }
                w.Write($"""</sheetData><autoFilter ref="A1:{lastColumn}{lastRow}"/></worksheet>""");
            });
        }
        return stream.ToArray();
    }

    private static void Part(ZipArchive zip, string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" + "\n");
        write(writer);
    }

    private static string Cell(string cellRef, object? value) => value switch
    {
        null => "",
        DateTime d when PublicTime.InBogota(d) >= FirstSerialDate =>
            $"""<c r="{cellRef}" s="{(PublicTime.IsDate(d) ? DateStyle : DateTimeStyle)}"><v>{PublicTime.InBogota(d).ToOADate().ToString("R", Inv)}</v></c>""",
        int or long or short or byte or decimal => $"""<c r="{cellRef}"><v>{Display(value)}</v></c>""",
        double x when double.IsFinite(x) => $"""<c r="{cellRef}"><v>{Display(value)}</v></c>""",
        float x when float.IsFinite(x) => $"""<c r="{cellRef}"><v>{Display(value)}</v></c>""",
        _ => Text(cellRef, Display(value), 0),
    };

    private static string Text(string cellRef, string text, int style) =>
        $"""<c r="{cellRef}"{(style == 0 ? "" : $" s=\"{style}\"")} t="inlineStr"><is><t xml:space="preserve">{Escape(text)}</t></is></c>""";

    /// <summary>What a value shows as, like the CSV: the text of non-numeric cells and the measure of column widths.</summary>
    private static string Display(object? value) => value switch
    {
        null => "",
        DateTime d => PublicTime.Iso(PublicTime.InBogota(d)),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, Inv),
        _ => value.ToString() ?? "",
    };

    /// <summary>Escapes for XML text and attributes, dropping characters XML 1.0 cannot carry (control characters, lone surrogates).</summary>
    private static string Escape(string text)
    {
        if (text.Length > MaxCellText) text = text[..MaxCellText]; // a surrogate pair cut in two is dropped below
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) clean.Append(text, i++, 2);
            else if (XmlConvert.IsXmlChar(text[i])) clean.Append(text[i]);
        }
        return SecurityElement.Escape(clean.ToString());
    }

    /// <summary>Excel's rules: at most 31 characters, none of []:*?/\, not empty, no apostrophe at either end.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => !"[]:*?/\\".Contains(c) && !char.IsControl(c)).ToArray()).Trim();
        clean = (clean.Length > 31 ? clean[..31] : clean).Trim('\'').Trim();
        return clean.Length == 0 ? "Hoja1" : clean;
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    private const string ContentTypes = """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""";
    private const string RootRels = """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";
    private const string WorkbookRels = """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""";
    // Style indexes: 0 normal, 1 bold header, 2 date, 3 date and time. Excel requires the two default fills.
    // Excel dates carry no zone: times are written in Bogotá time and the format shows its fixed offset (no daylight saving).
    private const string Styles = $"""<styleSheet xmlns="{Main}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd&quot;T&quot;hh:mm:ss&quot;-05:00&quot;"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";
}
