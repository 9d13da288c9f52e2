using System.Globalization;
using System.Reflection;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace OpenLicitaciones.Features.Api;

/// <summary>
/// A one-sheet XLSX with the same columns as <see cref="ApiList.Csv{T}"/>, but typed cells: numbers, real dates, text.
/// SpreadCheetah writes each row to the output as it comes, so an export never holds the whole file in memory.
/// </summary>
public static class Xlsx
{
    private const int MaxCellText = 32767; // Excel reports a longer cell as a corrupt file.
    private const int WidthSample = 100;
    // Excel's serial numbers count 1900 as a leap year; from this day on they agree with OLE dates.
    private static readonly DateTime FirstSerialDate = new(1900, 3, 1);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly SpreadCheetahOptions Options = new()
    {
        WriteCellReferenceAttributes = true, // readers that locate cells by reference (and our golden tests) need them
        PreserveStringWhitespace = true,
    };

    private sealed record Styles(StyleId Date, StyleId DateTime);

    /// <param name="rowCount">How many rows <paramref name="rows"/> yields: the autofilter covers them from the start.</param>
    public static async Task WriteAsync<T>(Stream output, IEnumerable<T> rows, int rowCount, string sheetName, CancellationToken ct = default)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var header = properties.Select(p => ApiList.Json.PropertyNamingPolicy!.ConvertName(p.Name)).ToArray();

        // Column widths go before the rows in the file, so they are measured on the first rows only.
        using var remaining = rows.GetEnumerator();
        var first = new List<object?[]>();
        while (first.Count < WidthSample && remaining.MoveNext()) first.Add(Values(properties, remaining.Current));
        var sheet = new WorksheetOptions
        {
            FrozenRows = 1,
            AutoFilter = new AutoFilterOptions($"A1:{SpreadsheetUtility.GetColumnName(Math.Max(1, header.Length))}{rowCount + 1}"),
        };
        for (var c = 0; c < header.Length; c++)
            sheet.Column(c + 1).Width = Math.Clamp(first.Aggregate(header[c].Length, (max, row) => Math.Max(max, Display(row[c]).Length)) + 2, 8, 60);

        var body = new AsyncWritesOnly(output);
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(body, Options, ct))
        {
            await spreadsheet.StartWorksheetAsync(SheetName(sheetName), sheet, ct);
            var styles = new Styles(
                spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") }),
                // Excel dates carry no zone: times are written in Bogotá time and the format shows its fixed offset (no daylight saving).
                spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd\"T\"hh:mm:ss\"-05:00\"") }));
            await spreadsheet.AddHeaderRowAsync(header, spreadsheet.AddStyle(new Style { Font = { Bold = true } }), ct);

            var cells = new Cell[header.Length];
            foreach (var values in first) await spreadsheet.AddRowAsync(Row(values, cells, styles), ct);
            while (remaining.MoveNext()) await spreadsheet.AddRowAsync(Row(Values(properties, remaining.Current), cells, styles), ct);
            await spreadsheet.FinishAsync(ct);
        }
        await body.FlushAsync(ct);
    }

    private static object?[] Values<T>(PropertyInfo[] properties, T row) => properties.Select(p => p.GetValue(row)).ToArray();

    private static Cell[] Row(object?[] values, Cell[] cells, Styles styles)
    {
        for (var c = 0; c < values.Length; c++) cells[c] = Cell(values[c], styles);
        return cells;
    }

    /// <summary>Numbers and dates as such; everything else, booleans included, as text (never a formula) like the CSV.</summary>
    private static Cell Cell(object? value, Styles styles) => value switch
    {
        null => default,
        DateTime d when PublicTime.InBogota(d) >= FirstSerialDate =>
            new Cell(PublicTime.InBogota(d), PublicTime.IsDate(d) ? styles.Date : styles.DateTime),
        int or short or byte => new Cell(Convert.ToInt32(value, Inv)),
        long x => new Cell(x),
        decimal x => new Cell(x),
        double x when double.IsFinite(x) => new Cell(x),
        float x when float.IsFinite(x) => new Cell(x),
        _ => new Cell(Clip(Display(value))),
    };

    /// <summary>What a value shows as, like the CSV: the text of non-numeric cells and the measure of column widths.</summary>
    private static string Display(object? value) => value switch
    {
        null => "",
        DateTime d => PublicTime.Iso(PublicTime.InBogota(d)),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, Inv),
        _ => value.ToString() ?? "",
    };

    private static string Clip(string text)
    {
        if (text.Length <= MaxCellText) return text;
        var end = char.IsHighSurrogate(text[MaxCellText - 1]) ? MaxCellText - 1 : MaxCellText; // never half a surrogate pair
        return text[..end];
    }

    /// <summary>
    /// The zip writer under SpreadCheetah writes a few small pieces synchronously (entry trailers, the central directory),
    /// which a response body refuses; they wait here for the next asynchronous write or the final flush.
    /// </summary>
    private sealed class AsyncWritesOnly(Stream inner) : Stream
    {
        private readonly MemoryStream _pending = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);
        public override void WriteByte(byte value) => _pending.WriteByte(value);
        public override void Flush() { }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            await WritePendingAsync(ct);
            await inner.WriteAsync(buffer, ct);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override async Task FlushAsync(CancellationToken ct)
        {
            await WritePendingAsync(ct);
            await inner.FlushAsync(ct);
        }

        private async ValueTask WritePendingAsync(CancellationToken ct)
        {
            if (_pending.Length == 0) return;
            await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
            _pending.SetLength(0);
        }
    }

    /// <summary>Excel's rules: at most 31 characters, none of []:*?/\, not empty, no apostrophe at either end.</summary>
    public static string SheetName(string name)
    {
        var clean = new string(name.Where(c => !"[]:*?/\\".Contains(c) && !char.IsControl(c)).ToArray()).Trim();
        clean = (clean.Length > 31 ? clean[..31] : clean).Trim('\'').Trim();
        return clean.Length == 0 ? "Hoja1" : clean;
    }
}
