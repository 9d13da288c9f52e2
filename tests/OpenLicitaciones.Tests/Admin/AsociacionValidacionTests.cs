using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Tests.Productores;

namespace OpenLicitaciones.Tests.Admin;

/// <summary>The association form's checks, pure: typed values in, (field, message) out. Palmira's real boundary and UNSPSC names.</summary>
public sealed class AsociacionValidacionTests
{
    internal static readonly ReglasAsociacion Reglas = ReglasAsociacion.De(GeografiaDePrueba.DePalmira,
        UnspscFamilias.Load(Path.Combine(AppContext.BaseDirectory, "data", "unspsc_familias_es.csv")));

    internal static AsociacionDatos Base() => new("Asociación de Prueba", null, [], null, null, null, null, null, null, null, []);

    private static IReadOnlyList<ErrorCampo> Validar(AsociacionDatos datos) => AsociacionValidacion.Validar(datos, Reglas);

    [Fact]
    public void An_association_with_only_its_name_is_valid_and_a_script_in_the_name_is_just_text()
    {
        Assert.Empty(Validar(Base()));
        Assert.Empty(Validar(Base() with { Nombre = "<script>alert('x')</script> Asociación" }));
    }

    [Theory]
    [InlineData(null, "Escriba el nombre de la asociación.")]
    [InlineData("   ", "Escriba el nombre de la asociación.")]
    [InlineData("Asociación\nde prueba", "El nombre no puede tener saltos de línea ni caracteres de control.")]
    public void A_missing_or_broken_name_is_explained_on_the_name_field(string? nombre, string mensaje)
    {
        var error = Assert.Single(Validar(Base() with { Nombre = nombre }));

        Assert.Equal(new ErrorCampo(CamposAsociacion.Nombre, mensaje), error);
    }

    [Fact]
    public void A_name_longer_than_200_characters_is_refused()
    {
        Assert.Empty(Validar(Base() with { Nombre = new string('a', 200) }));
        Assert.Equal(CamposAsociacion.Nombre, Assert.Single(Validar(Base() with { Nombre = new string('a', 201) })).Campo);
    }

    // Check digits worked out by hand with DIAN's weights 3, 7, 13, 17, 19, 23, 29, 37, 41 from the right:
    // 891380007: 7·3 + 0 + 0 + 0 + 8·19 + 3·23 + 1·29 + 9·37 + 8·41 = 932; 932 mod 11 = 8; 11 − 8 = 3.
    // 900123456: 6·3 + 5·7 + 4·13 + 3·17 + 2·19 + 1·23 + 0 + 0 + 9·41 = 586; 586 mod 11 = 3; 11 − 3 = 8.
    // 800197268: 8·3 + 6·7 + 2·13 + 7·17 + 9·19 + 1·23 + 0 + 0 + 8·41 = 733; 733 mod 11 = 7; 11 − 7 = 4.
    [Theory]
    [InlineData("891380007-3", "891380007")]
    [InlineData("891.380.007-3", "891380007")]
    [InlineData("8913800073", "891380007")]
    [InlineData(" 900123456-8 ", "900123456")]
    [InlineData("800197268 - 4", "800197268")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_nit_with_its_right_check_digit_is_stored_without_it(string? escrito, string? guardado)
    {
        Assert.Empty(Validar(Base() with { Nit = escrito }));
        Assert.Equal(guardado, AsociacionValidacion.Normalizar(Base() with { Nit = escrito }).Nit);
    }

    [Theory]
    [InlineData("891380007-4", "El dígito de verificación no corresponde a ese NIT: revise el número y el dígito.")]
    [InlineData("900123456-7", "El dígito de verificación no corresponde a ese NIT: revise el número y el dígito.")]
    [InlineData("8913800072", "El dígito de verificación no corresponde a ese NIT: revise el número y el dígito.")]
    [InlineData("891380007", "Falta el dígito de verificación: escríbalo al final, después de un guion (p. ej. 891380007-3).")]
    [InlineData("891380007-33", "Después del guion va un solo dígito: el de verificación.")]
    [InlineData("891-380-007", "El NIT lleva un solo guion, antes del dígito de verificación.")]
    [InlineData("NIT 891380007-3", "Escriba solo números; puede separarlos con puntos y poner un guion antes del dígito de verificación.")]
    public void A_nit_with_a_wrong_or_missing_check_digit_is_explained_on_the_nit_field(string escrito, string mensaje)
    {
        Assert.Equal(new ErrorCampo(CamposAsociacion.Nit, mensaje), Assert.Single(Validar(Base() with { Nit = escrito })));
    }

    // Persons' numbers: cédulas of 8 and 10 digits, with or without a dash, and a 10-digit number whose last digit would
    // be a valid check digit of the first nine (1234567890: 123456789 does not start with 8 or 9 either way).
    [Theory]
    [InlineData("79123456")]
    [InlineData("1234567890")]
    [InlineData("1.112.223.334")]
    [InlineData("12345678-9")]
    [InlineData("31987654")]
    public void A_persons_cedula_is_never_taken_as_a_nit_and_the_message_does_not_repeat_it(string cedula)
    {
        var error = Assert.Single(Validar(Base() with { Nit = cedula }));

        Assert.Equal(new ErrorCampo(CamposAsociacion.Nit, AsociacionValidacion.NoEsOrganizacion), error);
        Assert.DoesNotContain(new string(cedula.Where(char.IsAsciiDigit).ToArray()), error.Mensaje);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(40, true)]
    [InlineData(33.3, true)]
    [InlineData(100, true)]
    [InlineData(-1, false)]
    [InlineData(100.5, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void The_share_of_women_must_be_between_0_and_100(double porcentaje, bool valido)
    {
        var errores = Validar(Base() with { PorcentajeMujeres = porcentaje });

        if (valido) Assert.Empty(errores);
        else Assert.Equal(new ErrorCampo(CamposAsociacion.PorcentajeMujeres, "El porcentaje de mujeres debe estar entre 0 y 100."), Assert.Single(errores));
    }

    [Theory]
    [InlineData(3.5324, -76.2986, null)]                         // Palmira's town centre
    [InlineData(3.612497722, -76.38613913, null)]                // Rozo
    [InlineData(3.414414, -76.521565, CamposAsociacion.Ubicacion)] // Cali's centre, across the Cauca river
    [InlineData(3.9011, -76.2978, CamposAsociacion.Ubicacion)]   // Buga's centre, to the north
    [InlineData(3.5324, null, CamposAsociacion.Longitud)]
    [InlineData(null, -76.2986, CamposAsociacion.Latitud)]
    [InlineData(95.0, -76.2986, CamposAsociacion.Latitud)]
    [InlineData(3.5324, -190.0, CamposAsociacion.Longitud)]
    [InlineData(null, null, null)]                               // ubicación por confirmar
    public void A_location_needs_both_coordinates_inside_the_municipality(double? latitud, double? longitud, string? campo)
    {
        var errores = Validar(Base() with { Latitud = latitud, Longitud = longitud });

        if (campo is null) Assert.Empty(errores);
        else Assert.Equal(campo, Assert.Single(errores).Campo);
    }

    [Fact]
    public void A_point_outside_names_the_municipality()
    {
        var error = Assert.Single(Validar(Base() with { Latitud = 3.414414, Longitud = -76.521565 }));

        Assert.Equal("El punto queda fuera de Palmira: elija un lugar dentro del municipio.", error.Mensaje);
    }

    [Theory]
    [InlineData(320.0, "toneladas", "semestre", null)]
    [InlineData(2.0, "Kilogramos", "Semana", null)]     // case and accents do not matter
    [InlineData(90000.0, "huevos", "mes", null)]
    [InlineData(2.0, "bultos", "mes", null)]            // a known unit without a fixed weight: stored, not summed
    [InlineData(0.0, "kg", "año", null)]
    [InlineData(null, null, null, null)]                // capacity not published
    [InlineData(2.0, "costales", "mes", "unidad")]
    [InlineData(2.0, "kg", "lustro", "periodo")]
    [InlineData(2.0, null, "mes", "unidad")]
    [InlineData(2.0, "kg", null, "periodo")]
    [InlineData(null, "costales", null, "unidad")]
    [InlineData(-1.0, "kg", "mes", "cantidad")]
    public void A_capacity_needs_a_known_unit_and_period(double? cantidad, string? unidad, string? periodo, string? campo)
    {
        var errores = Validar(Base() with { Productos = [new ProductoDatos("Tomate", "5040", cantidad, unidad, periodo)] });

        if (campo is null) Assert.Empty(errores);
        else Assert.Equal(CamposAsociacion.Producto(0, campo), Assert.Single(errores).Campo);
    }

    [Theory]
    [InlineData(null, "5040", "producto", "Escriba el nombre del producto.")]
    [InlineData("Tomate", null, "familia", "Elija la familia UNSPSC del producto.")]
    [InlineData("Tomate", "8515", "familia", "Elija una familia de alimentos (segmento 50) de la lista.")]
    [InlineData("Tomate", "5099", "familia", "Elija una familia de alimentos (segmento 50) de la lista.")]
    public void A_product_needs_a_name_and_a_food_family(string? producto, string? familia, string campo, string mensaje)
    {
        var errores = Validar(Base() with { Productos = [new ProductoDatos(producto, familia, null, null, null)] });

        Assert.Equal(new ErrorCampo(CamposAsociacion.Producto(0, campo), mensaje), Assert.Single(errores));
    }

    [Fact]
    public void The_same_product_twice_is_flagged_on_the_second_row()
    {
        var errores = Validar(Base() with { Productos = [new("Tomate", "5040", null, null, null), new(" tomate ", "5040", null, null, null)] });

        Assert.Equal(new ErrorCampo(CamposAsociacion.Producto(1, "producto"), "Este producto ya está en la lista."), Assert.Single(errores));
    }

    [Theory]
    [InlineData(new[] { "indigena", "raizal" }, null)]
    [InlineData(new[] { "ninguno" }, null)]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "ninguno", "rrom" }, "«Ninguno» no se puede marcar junto con un grupo étnico.")]
    [InlineData(new[] { "mestizo" }, "Elija los grupos étnicos de la lista.")]
    public void Ethnic_groups_come_from_the_fixed_list_and_none_stands_alone(string[] grupos, string? mensaje)
    {
        var errores = Validar(Base() with { GruposEtnicos = grupos });

        if (mensaje is null) Assert.Empty(errores);
        else Assert.Equal(new ErrorCampo(CamposAsociacion.GruposEtnicos, mensaje), Assert.Single(errores));
    }

    [Fact]
    public void A_zone_other_than_rural_or_urban_is_refused()
    {
        Assert.Empty(Validar(Base() with { Zona = EnfoqueDiferencial.Rural }));
        Assert.Equal(CamposAsociacion.Zona, Assert.Single(Validar(Base() with { Zona = "suburbana" })).Campo);
    }

    [Fact]
    public void Every_problem_is_reported_each_on_its_own_field()
    {
        var errores = Validar(new AsociacionDatos("", "891380007-4", [new ProductoDatos("Tomate", "5040", 2, "costales", "mes")], 3.414414, -76.521565,
            null, true, 140, "rural", null, ["ninguno", "rrom"]));

        Assert.Equal(
            [CamposAsociacion.Nombre, CamposAsociacion.Nit, CamposAsociacion.Producto(0, "unidad"), CamposAsociacion.Ubicacion,
                CamposAsociacion.PorcentajeMujeres, CamposAsociacion.GruposEtnicos],
            errores.Select(e => e.Campo));
    }

    [Fact]
    public void Normalising_trims_stores_the_share_as_a_fraction_and_the_groups_in_the_lists_order()
    {
        var valida = AsociacionValidacion.Normalizar(new AsociacionDatos("  Asomujer  ", "891.380.007-3",
            [new ProductoDatos(" Tomate ", "5040", 2, " toneladas ", "mes")], 3.5324, -76.2986, "Palmira", true, 40, "rural", false, ["raizal", "indigena"]));

        Assert.Equal("Asomujer", valida.Nombre);
        Assert.Equal("891380007", valida.Nit);
        Assert.Equal(new ProductoValido("Tomate", "5040", 2, "toneladas", "mes"), Assert.Single(valida.Productos));
        Assert.Equal(0.4, valida.ProporcionMujeres!.Value, 10);
        Assert.Equal("indigena,raizal", valida.GruposEtnicos);
        Assert.Equal((3.5324, -76.2986, "Palmira"), (valida.Latitud!.Value, valida.Longitud!.Value, valida.Lugar));
    }

    [Theory]
    [InlineData(320.0, "toneladas", "semestre", "Capacidad mensual: 53.333 kg/mes")] // 320 000 kg ÷ 6
    [InlineData(90000.0, "huevos", "mes", "Capacidad mensual: 90.000 huevos/mes")]
    [InlineData(3.0, "arrobas", "quincena", "Capacidad mensual: 75 kg/mes")]          // 3 × 12,5 kg ÷ 0,5 month
    [InlineData(2.0, "bultos", "mes", "No se suma: «bultos» no tiene un peso o un número fijo: no se puede sumar con otras cantidades.")]
    [InlineData(null, null, null, "No se suma: La asociación no publicó su capacidad.")]
    [InlineData(2.0, "costales", "mes", "No se suma: La unidad «costales» no se reconoce.")]
    public void Each_product_row_shows_its_monthly_figure_or_why_it_has_none(double? cantidad, string? unidad, string? periodo, string texto)
    {
        var fila = new ProductoFormulario { Producto = "Tomate", Familia = "5040", Cantidad = cantidad, Unidad = unidad, Periodo = periodo };

        Assert.Equal(texto, fila.Mensual());
    }
}
