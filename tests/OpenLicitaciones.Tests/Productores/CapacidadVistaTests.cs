using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Productores;

/// <summary>Supply against demand per food family from plain records; every figure worked out by hand.</summary>
public sealed class CapacidadVistaTests
{
    private static ProductoVista P(string producto, string familia, double? cantidad, string? unidad, string? periodo)
    {
        var publicada = new CapacidadPublicada(cantidad, unidad, periodo);
        return new ProductoVista(producto, familia, publicada, Capacidad.Mensual(publicada));
    }

    private static ContratoComida C(string id, int anio, long valor, string codigo, string? nit = null, string estado = "Activo", string? objeto = null) =>
        new(new ContratoAlimento(id, anio, valor, codigo, estado, nit, "CO1.PROV." + id, "Proveedor " + id), objeto, nit);

    private static CapacidadDatos Construir()
    {
        var a = new ProductorVista(1, "Uno (demo)", "901000001", 3.5, -76.3, "Rozo", true, "prueba",
        [
            P("Tomate", "5040", 2, "toneladas", "mes"),                    // 2 000 kg
            P("Cilantro nacional patimorado", "5040", 500, "arrobas", "trimestre"), // 6 250 kg ÷ 3 = 2 083.33 kg
            P("Huevo (AA-AAA)", "5013", 1_000, "huevos", "mes"),
        ]);
        var b = new ProductorVista(2, "DOS", null, null, null, null, false, "prueba",
        [
            P("Tomate", "5040", 12, "toneladas", "año"),                   // 1 000 kg
            P("Café", "5020", 800, "bultos", "año"),                       // no fixed weight: not summed
        ]);
        var demanda = new[]
        {
            new DemandaProducto("5040", "Tomate", 6_000, UnidadBase.Kilogramos, [2, 3], true),
            new DemandaProducto("5040", "Repollo bola verde", 3_000, UnidadBase.Kilogramos, [3], true), // nobody registers it
        };
        var lineas = new[]
        {
            new LineaComida("L1", ["50401500"], 10_000_000, 3),
            new LineaComida("L2", ["50401500", "50131700"], 5_000_000, 3),
            new LineaComida("L3", ["80111600"], 90_000_000, 1),           // not food
        };
        var contratos = new[]
        {
            C("1", 2025, 20_000_000, "50401500", nit: "901000001"),
            C("2", 2025, 5_000_000, "50131700", nit: "900700123"),
            C("3", 2025, 100_000_000, "85151600", objeto: "Operación del PAE"),
            C("4", 2025, 40_000_000, "50401500", estado: "Borrador"),        // not counted
            C("5", 2019, 7_000_000, "50401500"),                             // before the window
        };
        var nombres = UnspscFamilias.Load(Path.Combine(AppContext.BaseDirectory, "data", "unspsc_familias_es.csv"));
        return CapacidadVista.Construir([a, b], new Dictionary<string, string>(), contratos, lineas, demanda, nombres, 2026, 2021, 2026, []);
    }

    [Fact]
    public void Families_come_from_the_registry_the_demand_the_plan_and_the_purchases()
    {
        var datos = Construir();

        Assert.Equal(["5013", "5020", "5040"], datos.Familias.Select(f => f.Familia));
        Assert.Equal("Vegetales frescos", datos.Familias[2].Nombre);
    }

    [Fact]
    public void Capacity_adds_up_per_unit_and_what_cannot_be_normalised_is_named_not_summed()
    {
        var datos = Construir();
        var vegetales = datos.Familias.Single(f => f.Familia == "5040");
        var bebidas = datos.Familias.Single(f => f.Familia == "5020");

        var kg = Assert.Single(vegetales.Capacidad);
        Assert.Equal(UnidadBase.Kilogramos, kg.Unidad);
        Assert.Equal(2_000 + 6_250 / 3.0 + 1_000, kg.Cantidad, 6);
        Assert.Empty(bebidas.Capacidad);
        Assert.Contains("Café (DOS)", Assert.Single(bebidas.CapacidadNoSumada));
    }

    [Fact]
    public void Each_declared_product_gets_its_coverage_and_gap()
    {
        var vegetales = Construir().Familias.Single(f => f.Familia == "5040");

        var tomate = vegetales.Productos.Single(p => p.Producto == "Tomate");
        Assert.Equal(["Uno (demo)", "DOS"], tomate.Productores);
        Assert.Equal(0.5, tomate.Cobertura!.Razon);            // (2 000 + 1 000) kg ÷ 6 000 kg
        Assert.Equal(3_000, tomate.Cobertura.Brecha);
        var repollo = vegetales.Productos.Single(p => p.Producto == "Repollo bola verde");
        Assert.Empty(repollo.Productores);
        Assert.Equal((0.0, 3_000.0), (repollo.Cobertura!.Razon!.Value, repollo.Cobertura.Brecha!.Value));
        Assert.Null(vegetales.Productos.Single(p => p.Producto == "Cilantro nacional patimorado").Cobertura); // no declared demand
    }

    [Fact]
    public void The_plan_counts_each_line_in_every_food_family_it_names_by_expected_month()
    {
        var datos = Construir();
        var vegetales = datos.Familias.Single(f => f.Familia == "5040");
        var huevos = datos.Familias.Single(f => f.Familia == "5013");

        Assert.Equal((2, 15_000_000L), (vegetales.LineasPlan, vegetales.ValorPlan));
        Assert.Equal(12, vegetales.Meses.Count);
        Assert.Equal((2, 15_000_000L), (vegetales.Meses[2].Lineas, vegetales.Meses[2].Valor)); // March
        Assert.Equal((1, 5_000_000L), (huevos.LineasPlan, huevos.ValorPlan));
    }

    [Fact]
    public void Contracted_food_is_counted_by_year_and_the_pae_operation_is_apart()
    {
        var datos = Construir();
        var vegetales = datos.Familias.Single(f => f.Familia == "5040");

        Assert.Equal(Enumerable.Range(2021, 6), vegetales.Contratado.Select(c => c.Anio));
        Assert.Equal((1, 20_000_000L), (vegetales.Contratado.Single(c => c.Anio == 2025).Contratos, vegetales.Contratado.Single(c => c.Anio == 2025).Valor));
        Assert.Equal((1, 100_000_000L), (datos.OperacionPae.Single(c => c.Anio == 2025).Contratos, datos.OperacionPae.Single(c => c.Anio == 2025).Valor));
        var ganador = Assert.Single(vegetales.Ganadores);
        Assert.Equal(("901000001", 20_000_000L), (ganador.Id, ganador.Valor));
        // G10 2025: 20 M from the registry's NIT over 25 M of counted food purchases with known supplier and value.
        Assert.Equal(0.8, datos.Ley2046.Single(a => a.Anio == 2025).Participacion);
    }
}
