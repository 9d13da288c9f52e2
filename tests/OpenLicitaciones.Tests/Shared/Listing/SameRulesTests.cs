using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Tests.Shared.Listing;

/// <summary>The Banco and the Monitor read the parameters they share with the same rules and the same warnings.</summary>
public sealed class SameRulesTests
{
    private static readonly Modalidades Catalog = Modalidades.Load(Path.Combine(AppContext.BaseDirectory, "data", "modalidades.csv"));

    public static TheoryData<string, string[]> Shared => new()
    {
        { "q=" + new string('a', 300), ["q: el texto es muy largo; se usan los primeros 200 caracteres"] },
        { "q=%C2%A1%21", ["q: el texto de búsqueda no tiene letras ni números; se ignora y se muestran todos los resultados"] },
        { "modalidad=trueque", ["modalidad: 'trueque' no es una modalidad conocida; se ignora"] },
        { "modalidad=otra", [] }, // the spellings the catalog lacks, in both lists
        { "modalidad=Minima-Cuantia", [] },
        { "orden=%2B%2B", ["orden: '++' no es un campo ordenable ({0}); se usa {1}"] },
    };

    [Theory]
    [MemberData(nameof(Shared))]
    public void Shared_parameters_warn_alike(string query, string[] warnings)
    {
        var banco = QueryReader.FromQueryString(query);
        var monitor = QueryReader.FromQueryString(query);

        BancoFilter.Parse(banco, Catalog);
        MonitorFilter.Parse(monitor, Catalog, 2026);

        Assert.Equal(warnings.Select(w => string.Format(w, string.Join(", ", BancoFilter.Sorts), "mes")), banco.Warnings);
        Assert.Equal(warnings.Select(w => string.Format(w, string.Join(", ", MonitorFilter.Sorts), MonitorFilter.DefaultOrden)), monitor.Warnings);
    }

    [Theory]
    [InlineData("on")]
    [InlineData("si")]
    [InlineData("1")]
    [InlineData("true")]
    public void Every_yes_of_a_checkbox_or_a_link_turns_a_flag_on_in_both_lists(string yes)
    {
        var banco = QueryReader.FromQueryString($"pae={yes}&accesible={yes}");
        var monitor = QueryReader.FromQueryString($"nuevo={yes}&pyme={yes}&local={yes}");

        var b = BancoFilter.Parse(banco, Catalog);
        var m = MonitorFilter.Parse(monitor, Catalog, 2026);

        Assert.Equal((true, true), (b.Pae, b.Accesible));
        Assert.Equal((true, true, true), (m.Nuevo, m.Pyme, m.Local));
        Assert.Empty(banco.Warnings.Concat(monitor.Warnings));
    }
}
