using OpenLicitaciones.Features.Productores;

namespace OpenLicitaciones.Tests.Productores;

public sealed class DemandaDeclaradaTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ol-demanda-{Guid.NewGuid():N}.csv");

    private static IReadOnlyDictionary<string, string> Familias =>
        RegistroArchivo.LeerFamilias(Path.Combine(AppContext.BaseDirectory, "data", "productos_unspsc.csv"));

    [Fact]
    public void Bad_rows_are_rejected_by_row_and_field_and_a_product_is_averaged_over_its_declared_months()
    {
        File.WriteAllText(_path, """
            familia,producto,cantidad,unidad,mes,demo
            5040,Tomate,7000,kilogramos,2,si
            5040,Tomate,4,toneladas,3,si
            5040,Tomate,1000,kilogramos,3,si
            7214,Cemento,10,toneladas,3,no
            5040,Yuca,-5,kilogramos,3,no
            5040,Yuca,5,canecas,3,no
            5040,Yuca,5,kg,13,no
            5040,Yuca,mucho,kg,3,no
            5040,Plátano Hartón,900,kg,3,no
            5040,Tomate,10
            """);

        var (filas, errores) = DemandaDeclarada.Leer(_path, Familias);
        var (productos, omitidos) = DemandaDeclarada.PorProducto(filas);

        // Plátano is mapped to 5030 (fruta fresca): declared under 5040 its capacity would never be found.
        Assert.Equal([("fila 5", "familia"), ("fila 6", "cantidad"), ("fila 7", "unidad"), ("fila 8", "mes"), ("fila 9", "cantidad"),
            ("fila 10", "familia"), ("fila 11", "unidad")],
            errores.Select(e => (e.Fila, e.Campo)));
        Assert.Empty(omitidos);
        var tomate = Assert.Single(productos);
        // February 7 000 kg; March 4 t + 1 000 kg = 5 000 kg; average 6 000 kg a month.
        Assert.Equal((6_000.0, UnidadBase.Kilogramos, true), (tomate.PromedioMensual, tomate.Unidad, tomate.EsDemo));
        Assert.Equal([2, 3], tomate.Meses);
    }

    [Theory]
    [InlineData("", "el archivo está vacío")]
    [InlineData("familia,producto,kilos,mes\n5040,Tomate,10,3\n", "faltan las columnas cantidad, unidad, demo")]
    [InlineData("Familia,Producto,Cantidad,Unidad,Mes,Demo\n5040,Tomate,10,kg,13,no\n", "no es un mes")] // headers in any case
    public void A_file_without_its_columns_is_one_clear_error_not_a_crash(string contenido, string mensaje)
    {
        File.WriteAllText(_path, contenido);

        var (filas, errores) = DemandaDeclarada.Leer(_path, Familias);

        Assert.Empty(filas);
        Assert.Contains(mensaje, Assert.Single(errores).Mensaje);
    }

    [Fact]
    public void The_shipped_declared_demand_loads_without_errors_and_every_row_is_marked_demo()
    {
        var (filas, errores) = DemandaDeclarada.Leer(Path.Combine(AppContext.BaseDirectory, "data", "demanda_declarada.csv"), Familias);

        Assert.Empty(errores);
        Assert.NotEmpty(filas);
        Assert.All(filas, f => Assert.True(f.EsDemo));
    }

    public void Dispose() => File.Delete(_path);
}
