using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Admin;

/// <summary>The staff forms' rules, worked out by hand: invalid input never reaches the database and says why, field by field.</summary>
public sealed class ValidacionTests
{
    // 891380007's DIAN check digit: weights 3,7,13,17,19,23,29,37,41 from the right over 7,0,0,0,8,3,1,9,8
    // = 21+0+0+0+152+69+29+333+328 = 932; 932 mod 11 = 8; 11 − 8 = 3.
    [Theory]
    [InlineData("891380007-3", "891380007", null)]
    [InlineData("891.380.007-3", "891380007", null)]
    [InlineData(" 8913800073 ", "891380007", null)]
    [InlineData("891380007", null, "Falta el dígito de verificación: escríbalo al final, después de un guion (p. ej. 891380007-3).")]
    [InlineData("891380007-4", null, "El dígito de verificación no corresponde a ese NIT: revise el número y el dígito.")]
    [InlineData("8913800074", null, "El dígito de verificación no corresponde a ese NIT: revise el número y el dígito.")]
    [InlineData("891380007-34", null, "Después del guion va un solo dígito: el de verificación.")]
    [InlineData("1234567890", null, Nit.NoEsOrganizacion)]
    [InlineData("16789012", null, Nit.NoEsOrganizacion)]
    [InlineData("NIT 891380007", null, "Escriba solo números; puede separarlos con puntos y poner un guion antes del dígito de verificación.")]
    [InlineData("891-380-007", null, "El NIT lleva un solo guion, antes del dígito de verificación.")]
    [InlineData("", null, "Escriba el NIT con su dígito de verificación.")]
    public void A_nit_typed_by_staff_is_an_organisations_with_the_right_check_digit(string texto, string? nit, string? error)
    {
        Assert.Equal((nit, error), Nit.ValidarOrganizacion(texto));
    }

    [Theory]
    [InlineData("900123456-8", "2024-01-01", null, "Acta 12", new string[0])]
    [InlineData("900123456-8", "2024-01-01", "2023-12-31", "Acta 12", new[] { "Hasta" })]
    [InlineData("900123456-8", "2024-01-01", "2024-01-01", "Acta 12", new string[0])]
    [InlineData("12345678", null, null, " ", new[] { "Nit", "Desde", "Evidencia" })]
    public void A_certification_needs_an_organisations_nit_a_start_an_end_not_before_it_and_evidence(string nit, string? desde, string? hasta,
        string evidencia, string[] campos)
    {
        var form = new FormCertificacion
        {
            Nit = nit, Desde = desde is null ? null : DateTime.Parse(desde, System.Globalization.CultureInfo.InvariantCulture),
            Hasta = hasta is null ? null : DateTime.Parse(hasta, System.Globalization.CultureInfo.InvariantCulture), Evidencia = evidencia,
        };

        Assert.Equal(campos.Order(), ValidacionCertificaciones.Validar(form).Keys.Order());
    }

    [Fact]
    public void A_producer_mark_needs_at_least_one_kind()
    {
        var errores = ValidacionCertificaciones.Validar(new FormMarca { Nit = "900123456-8", PequenoProductor = false, Acfc = false, Evidencia = "Registro" });

        Assert.Equal("Marque al menos una: pequeño productor u organización ACFC.", errores[nameof(FormMarca.PequenoProductor)]);
    }

    [Theory]
    [InlineData("g1", 2026, 35.0, null)]
    [InlineData("g1", 2026, 100.0, null)]
    [InlineData("g1", 2026, 0.0, "Una meta en porcentaje va de más de 0 a 100.")]
    [InlineData("g1", 2026, 120.0, "Una meta en porcentaje va de más de 0 a 100.")]
    [InlineData("g10", 2026, 30.0, "Elija un indicador (la meta de G10, 30 %, la fija la Ley 2046).")]
    [InlineData("g14", 2026, 30.0, "Elija un indicador (la meta de G10, 30 %, la fija la Ley 2046).")]
    [InlineData("g1", 1999, 30.0, "Escriba un año entre 2000 y 2100.")]
    public void A_target_is_a_share_in_percent_for_an_editable_indicator_and_a_year(string codigo, int anio, double valor, string? error)
    {
        var errores = MetasPersonal.Validar(new FormMeta { Codigo = codigo, Anio = anio, Valor = (decimal)valor });

        Assert.Equal(error, errores.Values.SingleOrDefault());
    }

    [Theory]
    [InlineData("g1", 35.0, 0.35)]
    [InlineData("g5", 1.0, 1.0)] // IPPG is a ratio: 1 is parity, stored as typed
    public void A_share_is_stored_as_a_proportion_and_a_ratio_as_typed(string codigo, double escrito, double almacenado)
    {
        Assert.Equal(almacenado, MetasPersonal.Almacenado(new FormMeta { Codigo = codigo, Anio = 2026, Valor = (decimal)escrito }), 10);
    }

    [Theory]
    [InlineData("5010", "Banano", 1200.0, "kilogramos", 3, null, null)]
    [InlineData("4010", "Banano", 1200.0, "kilogramos", 3, "Familia", "«4010» no es una familia UNSPSC de alimentos (cuatro dígitos que empiezan por 50).")]
    [InlineData("5010", " ", 1200.0, "kilogramos", 3, "Producto", "Falta el producto.")]
    [InlineData("5010", "Banano", -1.0, "kilogramos", 3, "Cantidad", "La cantidad no puede ser negativa.")]
    [InlineData("5010", "Banano", null, "kilogramos", 3, "Cantidad", "Escriba la cantidad.")]
    [InlineData("5010", "Banano", 10.0, "bultos", 13, "Mes", "«13» no es un mes (1 a 12).")]
    public void A_demand_row_follows_the_files_rule_with_its_message_next_to_the_field(string familia, string producto, double? cantidad, string unidad,
        int mes, string? campo, string? mensaje)
    {
        var form = new FormDemanda { Familia = familia, Producto = producto, Cantidad = (decimal?)cantidad, Unidad = unidad, Mes = mes };

        var errores = DemandaPersonal.Validar(form, new Dictionary<string, string>());

        Assert.Equal(campo is null ? [] : new Dictionary<string, string> { [campo] = mensaje! }, errores);
    }

    [Theory]
    [InlineData("editora@palmira.gov.co", null)]
    [InlineData("", "Escriba el correo de la persona que invita.")]
    [InlineData("editora", "Escriba un correo electrónico válido (nombre@dominio).")]
    public void An_invitation_needs_a_valid_address(string email, string? error) => Assert.Equal(error, UsuariosPersonal.ValidarCorreo(email));
}
