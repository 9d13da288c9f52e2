using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Tests.Shared.Listing;

/// <summary>The one reader of every list's query: each rule with the value it gives and the warning it adds, if any.</summary>
public sealed class QueryReaderTests
{
    // The yes/no rule of every list (Banco, Monitor): what is true, what is false, and what is neither.
    [Theory]
    [InlineData("true", true, false)]
    [InlineData("TRUE", true, false)]
    [InlineData("1", true, false)]
    [InlineData("si", true, false)]
    [InlineData("sí", true, false)]
    [InlineData("Sí", true, false)]
    [InlineData("on", true, false)] // what an HTML checkbox sends
    [InlineData("false", false, false)]
    [InlineData("0", false, false)]
    [InlineData("no", false, false)]
    [InlineData("off", false, false)]
    [InlineData("", false, false)] // present but empty: not asked for
    [InlineData(null, false, false)] // absent
    [InlineData("quizas", false, true)]
    [InlineData("yes", false, true)] // the lists speak Spanish: sí, not yes
    [InlineData("2", false, true)]
    public void Flags_read_true_1_si_on_as_yes(string? raw, bool expected, bool warned)
    {
        var reader = Reader("pae", raw);

        Assert.Equal(expected, reader.Flag("pae"));
        Assert.Equal(warned ? [$"pae: '{raw}' no es true ni false; se ignora"] : [], reader.Warnings);
    }

    [Theory]
    [InlineData("  huevo  ", "huevo", null)]
    [InlineData("", null, null)]
    [InlineData("   ", null, null)]
    [InlineData(null, null, null)]
    public void Text_is_trimmed_and_blank_is_absent(string? raw, string? expected, string? warning)
    {
        var reader = Reader("unidad", raw);
        Assert.Equal(expected, reader.Text("unidad"));
        Assert.Equal(warning is null ? [] : [warning], reader.Warnings);
    }

    [Theory]
    [InlineData(200, 200, false)]
    [InlineData(201, 200, true)]
    [InlineData(10_000, 200, true)]
    public void Long_text_is_clipped_to_the_same_length_everywhere(int length, int kept, bool warned)
    {
        var reader = Reader("unidad", new string('a', length));

        Assert.Equal(kept, reader.Text("unidad")!.Length);
        Assert.Equal(warned ? ["unidad: el texto es muy largo; se usan los primeros 200 caracteres"] : [], reader.Warnings);
    }

    [Theory]
    [InlineData("huevo", "huevo", false)]
    [InlineData("¿Café?", "¿Café?", false)] // one letter is enough
    [InlineData("8011", "8011", false)]
    [InlineData("!!!", null, true)]
    [InlineData("😀", null, true)]
    [InlineData("¿? — ¡!", null, true)]
    [InlineData(null, null, false)]
    public void A_search_text_without_letters_or_digits_is_ignored_with_a_warning(string? text, string? expected, bool warned)
    {
        var reader = Reader("q", text);

        Assert.Equal(expected, reader.Search("q"));
        Assert.Equal(warned ? ["q: el texto de búsqueda no tiene letras ni números; se ignora y se muestran todos los resultados"] : [], reader.Warnings);
    }

    [Theory]
    [InlineData("2024", 2024, null)]
    [InlineData(" 2024 ", 2024, null)]
    [InlineData(null, 2026, null)]
    [InlineData("2100", 2100, null)]
    [InlineData("1999", 2026, "hasta: '1999' no es un año entre 2000 y 2100; se usa 2026")]
    [InlineData("13", 2026, "hasta: '13' no es un año entre 2000 y 2100; se usa 2026")]
    [InlineData("2024.0", 2026, "hasta: '2024.0' no es un año entre 2000 y 2100; se usa 2026")]
    public void A_year_with_a_fallback_uses_it_when_absent_or_malformed(string? raw, int expected, string? warning)
    {
        var reader = Reader("hasta", raw);
        Assert.Equal(expected, reader.Year("hasta", 2026));
        Assert.Equal(warning is null ? [] : [warning], reader.Warnings);
    }

    [Theory]
    [InlineData("2024", 2024, null)]
    [InlineData(null, null, null)]
    [InlineData("dos mil", null, "anio: 'dos mil' no es un año entre 2000 y 2100; se ignora")]
    public void A_year_without_a_fallback_is_ignored_when_malformed(string? raw, int? expected, string? warning)
    {
        var reader = Reader("anio", raw);
        Assert.Equal(expected, reader.Year("anio"));
        Assert.Equal(warning is null ? [] : [warning], reader.Warnings);
    }

    [Theory]
    [InlineData("3", 3, null)]
    [InlineData(null, 1, null)]
    [InlineData("0", 1, "page: '0' no es un número entero positivo; se usa 1")]
    [InlineData("-1", 1, "page: '-1' no es un número entero positivo; se usa 1")]
    [InlineData("abc", 1, "page: 'abc' no es un número entero positivo; se usa 1")]
    [InlineData("99999999999", 1, "page: '99999999999' no es un número entero positivo; se usa 1")] // beyond int
    [InlineData("5000", 1000, "page: 5000 supera el máximo de 1000; se usa 1000")]
    public void Positive_ints_fall_back_or_cap_with_a_warning(string? raw, int expected, string? warning)
    {
        var reader = Reader("page", raw);
        Assert.Equal(expected, reader.PositiveInt("page", 1, 1000));
        Assert.Equal(warning is null ? [] : [warning], reader.Warnings);
    }

    [Theory]
    [InlineData("2026-03", 202603, null)]
    [InlineData("2027-12", 202712, null)]
    [InlineData("2026-13", null, "mesDesde: '2026-13' no es un mes AAAA-MM (p. ej. 2026-03); se ignora")]
    [InlineData("marzo", null, "mesDesde: 'marzo' no es un mes AAAA-MM (p. ej. 2026-03); se ignora")]
    [InlineData("2026-03-01", null, "mesDesde: '2026-03-01' no es un mes AAAA-MM (p. ej. 2026-03); se ignora")]
    public void Months_are_yyyy_mm_as_one_sortable_number(string raw, int? expected, string? warning)
    {
        var reader = Reader("mesDesde", raw);
        Assert.Equal(expected, reader.Month("mesDesde"));
        Assert.Equal(warning is null ? [] : [warning], reader.Warnings);
    }

    [Theory]
    [InlineData("1000000", 1_000_000L, false)]
    [InlineData("0", 0L, false)]
    [InlineData("1.000.000", null, true)]
    [InlineData("1,5", null, true)]
    [InlineData("$1000", null, true)]
    [InlineData("-5", null, true)]
    [InlineData("99999999999999999999", null, true)] // beyond long
    public void Pesos_are_plain_digits_only(string raw, long? expected, bool warned)
    {
        var reader = Reader("valorMin", raw);
        Assert.Equal(expected, reader.Pesos("valorMin"));
        Assert.Equal(warned ? [$"valorMin: '{raw}' no es un valor en pesos enteros (solo dígitos, sin puntos, comas ni $); se ignora"] : [], reader.Warnings);
    }

    [Theory]
    [InlineData("50", "50", false)]
    [InlineData("V1.5040", "5040", false)]
    [InlineData("504015001", null, true)]
    [InlineData("<script>", null, true)]
    public void Unspsc_prefixes_are_1_to_8_digits(string raw, string? expected, bool warned)
    {
        var reader = Reader("unspsc", raw);
        Assert.Equal(expected, reader.UnspscPrefix("unspsc"));
        Assert.Equal(warned ? [$"unspsc: '{raw}' no es un código UNSPSC (de 1 a 8 dígitos); se ignora"] : [], reader.Warnings);
    }

    [Theory]
    [InlineData("si", "si", null)]
    [InlineData("SIN-DATO", "sin-dato", null)] // codes compare in lower case
    [InlineData("tal vez", null, "mujer: 'tal vez' no es si, no ni sin-dato; se ignora")]
    public void Codes_are_one_of_a_set(string raw, string? expected, string? warning)
    {
        var reader = Reader("mujer", raw);
        Assert.Equal(expected, reader.Code("mujer", c => c is "si" or "no" or "sin-dato", "si, no ni sin-dato"));
        Assert.Equal(warning is null ? [] : [warning], reader.Warnings);
    }

    [Theory]
    [InlineData("tuesday", DayOfWeek.Tuesday, null)]
    [InlineData("Friday", DayOfWeek.Friday, null)]
    [InlineData("martes", null, "dia: 'martes' no es un día en inglés; se ignora")]
    public void Slugs_name_a_value(string raw, DayOfWeek? expected, string? warning)
    {
        var reader = Reader("dia", raw);
        Assert.Equal(expected, reader.Slug<DayOfWeek>("dia", s => Enum.GetValues<DayOfWeek>().Cast<DayOfWeek?>().FirstOrDefault(d => d.ToString()!.ToLowerInvariant() == s),
            "un día en inglés"));
        Assert.Equal(warning is null ? [] : [warning], reader.Warnings);
    }

    [Theory]
    [InlineData(null, "-valor", null)]
    [InlineData("mes", "mes", null)]
    [InlineData("+mes", "mes", null)]
    [InlineData("-valor", "-valor", null)]
    [InlineData("--valor", "-valor", "orden: '--valor' no es un campo ordenable (mes, valor); se usa -valor")]
    [InlineData("Mes", "-valor", "orden: 'Mes' no es un campo ordenable (mes, valor); se usa -valor")] // fields are exact
    [InlineData("-", "-valor", "orden: '-' no es un campo ordenable (mes, valor); se usa -valor")]
    [InlineData("nombre", "-valor", "orden: 'nombre' no es un campo ordenable (mes, valor); se usa -valor")]
    public void Orders_are_a_field_with_an_optional_sign(string? raw, string expected, string? warning)
    {
        var reader = Reader("orden", raw);
        Assert.Equal(expected, reader.Order("orden", ["mes", "valor"], "-valor"));
        Assert.Equal(warning is null ? [] : [warning], reader.Warnings);
    }

    [Theory]
    [InlineData(1, 5, 1, 5, false)]
    [InlineData(5, 5, 5, 5, false)]
    [InlineData(5, 1, 1, 5, true)]
    [InlineData(null, 1, null, 1, false)] // an open range is never backwards
    [InlineData(5, null, 5, null, false)]
    public void A_backwards_range_is_swapped_with_a_warning(int? from, int? to, int? expectedFrom, int? expectedTo, bool warned)
    {
        var reader = Reader("x", null);
        Assert.Equal((expectedFrom, expectedTo), reader.Range("desde", from, "hasta", to, "es posterior a"));
        Assert.Equal(warned ? ["desde es posterior a hasta; se intercambian"] : [], reader.Warnings);
    }

    [Theory]
    [InlineData("?pae=on&q=huevo", "on", "huevo")]
    [InlineData("pae=1&q=caf%C3%A9", "1", "café")] // percent-escapes are decoded
    [InlineData("q=uno&q=dos", null, "uno")] // a repeated name: its first value
    [InlineData("", null, null)]
    public void A_query_string_reads_first_values_by_name(string query, string? pae, string? q)
    {
        var reader = QueryReader.FromQueryString(query);
        Assert.Equal((pae, q), (reader.Raw("pae"), reader.Raw("q")));
    }

    [Fact]
    public void Warnings_gather_in_one_list_in_the_order_values_are_read()
    {
        var shared = new List<string> { "antes" };
        var reader = new QueryReader(name => name switch { "a" => "x", "b" => "y", _ => null }, shared);

        reader.Flag("a");
        reader.Month("b");

        Assert.Same(shared, reader.Warnings);
        Assert.Equal(["antes", "a: 'x' no es true ni false; se ignora", "b: 'y' no es un mes AAAA-MM (p. ej. 2026-03); se ignora"], shared);
    }

    [Fact]
    public void A_long_bad_value_is_quoted_clipped()
    {
        var reader = Reader("pae", new string('x', 100));
        reader.Flag("pae");
        Assert.Equal([$"pae: '{new string('x', 40)}…' no es true ni false; se ignora"], reader.Warnings);
    }

    private static QueryReader Reader(string name, string? value) => new(n => n == name ? value : null);
}
