using System.Text.RegularExpressions;
using OpenLicitaciones.Tests.EndToEnd;

namespace OpenLicitaciones.Tests.Build;

/// <summary>
/// The cells of a table row abut ("…&lt;/td\n&gt;&lt;td…"): Razor keeps the whitespace between two cells that hold data as
/// a markup block of its own, and when the circuit first draws a page the browser parses each such block separately.
/// On the Monitor and Capacidad productiva that was hundreds of parses, and about half the time a cheap phone was
/// blocked (issue 14).
/// </summary>
public sealed partial class FilasDeTablaTests
{
    [Fact]
    public void Cells_of_table_rows_and_row_templates_have_no_whitespace_between_them()
    {
        var fuentes = Path.Combine(RepositoryRoot.Path, "src");
        var problemas = Directory.EnumerateFiles(fuentes, "*.razor", SearchOption.AllDirectories)
            .SelectMany(archivo => EspaciosEntreCeldas(File.ReadAllLines(archivo)).Select(linea => $"{Path.GetRelativePath(fuentes, archivo)}:{linea}"))
            .ToList();

        Assert.True(problemas.Count == 0,
            "Celdas separadas por espacio (escriba «</td» al final de la línea y «><td» al comienzo de la siguiente):\n" + string.Join("\n", problemas));
    }

    [Theory]
    [InlineData(new[] { "<tr>", "  <td>@a</td>", "  <td>@b</td>", "</tr>" }, new[] { 2 })]
    [InlineData(new[] { "<tr>", "  <td>@a</td", "  ><td>@b</td>", "</tr>" }, new int[0])]
    [InlineData(new[] { "<RowTemplate>", "  <MudTd>@a</MudTd>", "  <MudTd>@b</MudTd>", "</RowTemplate>" }, new[] { 2 })]
    [InlineData(new[] { "<thead>", "<tr>", "  <th>A</th>", "  <th>B</th>", "</tr>", "</thead>" }, new int[0])]
    [InlineData(new[] { "<tr>", "  <td>", "    @if (x) { <b>y</b> }", "  </td>", "</tr>" }, new int[0])]
    [InlineData(new[] { "<ul>", "  <li>@a</li>", "  <li>@b</li>", "</ul>" }, new int[0])]
    public void Finds_whitespace_between_cells_only_inside_rows_of_data(string[] lineas, int[] esperadas) =>
        Assert.Equal(esperadas, EspaciosEntreCeldas(lineas));

    /// <summary>1-based lines that end a cell and are followed, after whitespace, by the next one.</summary>
    internal static IEnumerable<int> EspaciosEntreCeldas(IReadOnlyList<string> lineas)
    {
        var fila = false;
        var encabezado = false;
        for (var i = 0; i < lineas.Count; i++)
        {
            var linea = lineas[i];
            if (linea.StartsWith("@code", StringComparison.Ordinal)) yield break;
            if (linea.Contains("<thead", StringComparison.Ordinal)) encabezado = true;
            if (linea.Contains("</thead>", StringComparison.Ordinal)) encabezado = false;
            if (AbreFila().IsMatch(linea) && !CierraFila().IsMatch(linea)) { fila = true; continue; }
            if (CierraFila().IsMatch(linea)) { fila = false; continue; }
            if (!fila || encabezado || i + 1 >= lineas.Count) continue;
            var siguiente = lineas[i + 1].TrimStart();
            if (TerminaEnCierre().IsMatch(linea.TrimEnd()) && siguiente.StartsWith('<') && !siguiente.StartsWith("</", StringComparison.Ordinal)
                && !siguiente.StartsWith("<!--", StringComparison.Ordinal))
                yield return i + 1;
        }
    }

    [GeneratedRegex(@"^\s*<(tr|RowTemplate)[\s>]")]
    private static partial Regex AbreFila();

    [GeneratedRegex(@"</(tr|RowTemplate)>\s*$")]
    private static partial Regex CierraFila();

    [GeneratedRegex(@"</[\w.:-]+>$")]
    private static partial Regex TerminaEnCierre();
}
