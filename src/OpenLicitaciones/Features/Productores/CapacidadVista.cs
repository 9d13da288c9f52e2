using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Productores;

public sealed record ProductoVista(string Producto, string Familia, CapacidadPublicada Publicada, CapacidadMensual Mensual);

/// <summary>A producer organisation of the registry as the map, its card and the API show it.</summary>
public sealed record ProductorVista(
    int Id, string Nombre, string? Nit, double? Latitud, double? Longitud, string? Lugar, bool EsDemo, string Fuente, IReadOnlyList<ProductoVista> Productos)
{
    public bool Ubicado => Latitud is not null && Longitud is not null;

    /// <summary>
    /// Its key in addresses (?org=) and on the map: the NIT, else its name in plain letters. Not the database id, which
    /// changes when the registry is seeded again at a start, so a shared link keeps opening the same card.
    /// </summary>
    public string Clave => Nit ?? System.Text.RegularExpressions.Regex.Replace(PlainText.Fold(Nombre), "[^a-z0-9]+", "-").Trim('-');

    /// <summary>The family its marker is coloured by: that of its first product.</summary>
    public string? FamiliaPrincipal => Productos.FirstOrDefault()?.Familia;

    public IReadOnlyList<string> Familias => Productos.Select(p => p.Familia).Distinct().ToList();
}

/// <summary>A food purchase or PAE contract as the supply-demand view needs it.</summary>
public sealed record ContratoComida(ContratoAlimento Contrato, string? Objeto, string? ProveedorId);

/// <summary>A current PAA line with at least one food (segment 50) code.</summary>
public sealed record LineaComida(string Id, IReadOnlyList<string> Codigos, long? Valor, int? Mes);

public sealed record MesPlaneado(int Mes, int Lineas, long Valor);

public sealed record AnioContratado(int Anio, int Contratos, long Valor);

public sealed record CantidadMensual(double Cantidad, UnidadBase Unidad)
{
    public override string ToString() => Capacidad.Texto(Cantidad, Unidad);
}

/// <summary>One product of a family: local capacity against declared demand (CONTRACTS §7, "cobertura de la demanda").</summary>
public sealed record ProductoBalance(
    string Producto, IReadOnlyList<string> Productores, IReadOnlyList<CapacidadMensual> Capacidades, DemandaProducto? Demanda, CoberturaDemanda? Cobertura)
{
    public IEnumerable<CantidadMensual> CapacidadSumada => Capacidades.Where(c => c.Normalizada).GroupBy(c => c.Unidad!.Value)
        .Select(g => new CantidadMensual(g.Sum(c => c.PorMes!.Value), g.Key));
}

public sealed record GanadorFamilia(string? Id, string Nombre, int Contratos, long Valor);

/// <summary>Supply against demand for one UNSPSC food family.</summary>
public sealed record FamiliaBalance(
    string Familia, string Nombre, IReadOnlyList<CantidadMensual> Capacidad, IReadOnlyList<string> CapacidadNoSumada,
    int LineasPlan, long ValorPlan, IReadOnlyList<MesPlaneado> Meses, IReadOnlyList<AnioContratado> Contratado,
    IReadOnlyList<ProductoBalance> Productos, IReadOnlyList<GanadorFamilia> Ganadores)
{
    /// <summary>The Banco's family filter takes the four digits.</summary>
    public string EnlaceBanco => $"/licitaciones?familia={Familia}";
}

/// <summary>Everything /capacidad and its API show, built in one pass after each data change.</summary>
public sealed record CapacidadDatos(
    IReadOnlyList<ProductorVista> Productores, IReadOnlyList<FamiliaBalance> Familias, IReadOnlyList<AnioContratado> OperacionPae,
    IReadOnlyList<Ley2046Anio> Ley2046, int AnioPlan, int Desde, int Hasta, IReadOnlyList<string> Avisos)
{
    public bool RegistroConNit => Productores.Any(p => p.Nit is not null);
}

/// <summary>The supply-demand view from plain records: pure, so each figure is checkable without a database.</summary>
public static class CapacidadVista
{
    public static CapacidadDatos Construir(
        IReadOnlyList<ProductorVista> productores, IReadOnlyDictionary<string, string> marcados, IReadOnlyList<ContratoComida> contratos, IReadOnlyList<LineaComida> lineas,
        IReadOnlyList<DemandaProducto> demanda, UnspscFamilias nombres, int anioPlan, int desde, int hasta, IReadOnlyList<string> avisos)
    {
        var contados = contratos.Where(c => SecopRules.CountsAsContract(c.Contrato.Estado) && c.Contrato.Anio >= desde && c.Contrato.Anio <= hasta).ToList();
        var compras = contados.Where(c => FoodRule.IsFoodPurchase(c.Contrato.Unspsc)).ToList();
        var pae = contados.Where(c => FoodRule.IsPaeOperation(c.Contrato.Unspsc, c.Objeto)).ToList();
        var productos = productores.SelectMany(p => p.Productos.Select(x => (Productor: p, Producto: x))).ToList();

        var familias = productos.Select(p => p.Producto.Familia)
            .Concat(demanda.Select(d => d.Familia))
            .Concat(lineas.SelectMany(l => l.Codigos).Where(FoodRule.IsFoodPurchase).Select(c => c[..4]))
            .Concat(compras.Select(c => c.Contrato.Unspsc![..4]))
            .Distinct().Order(StringComparer.Ordinal)
            .Select(f => Familia(f, nombres.NameOf(f) ?? $"Familia {f}", productos.Where(p => p.Producto.Familia == f).ToList(),
                lineas.Where(l => l.Codigos.Any(c => c.StartsWith(f, StringComparison.Ordinal))).ToList(),
                compras.Where(c => c.Contrato.Unspsc!.StartsWith(f, StringComparison.Ordinal)).ToList(),
                demanda.Where(d => d.Familia == f).ToList(), desde, hasta))
            .ToList();

        var porNit = Ley2046.ProductoresPorNit(productores.Select(p => (p.Nit, p.Nombre)), marcados);
        return new CapacidadDatos(productores, familias, PorAnio(pae, desde, hasta),
            Ley2046.PorAnio(contratos.Select(c => c.Contrato), porNit, desde, hasta), anioPlan, desde, hasta, avisos);
    }

    private static FamiliaBalance Familia(string familia, string nombre, List<(ProductorVista Productor, ProductoVista Producto)> productos,
        List<LineaComida> lineas, List<ContratoComida> compras, List<DemandaProducto> demanda, int desde, int hasta)
    {
        var capacidad = productos.Where(p => p.Producto.Mensual.Normalizada).GroupBy(p => p.Producto.Mensual.Unidad!.Value)
            .Select(g => new CantidadMensual(g.Sum(p => p.Producto.Mensual.PorMes!.Value), g.Key)).OrderBy(c => c.Unidad).ToList();
        var noSumada = productos.Where(p => !p.Producto.Mensual.Normalizada)
            .Select(p => $"{p.Producto.Producto} ({p.Productor.Nombre}): {p.Producto.Mensual.Motivo}").ToList();
        var meses = Enumerable.Range(1, 12).Select(m => new MesPlaneado(m, lineas.Count(l => l.Mes == m), lineas.Where(l => l.Mes == m).Sum(l => l.Valor ?? 0))).ToList();

        var nombresProducto = productos.Select(p => p.Producto.Producto).Concat(demanda.Select(d => d.Producto))
            .DistinctBy(PlainText.Fold).Order(StringComparer.CurrentCulture);
        var balance = nombresProducto.Select(producto =>
        {
            var clave = PlainText.Fold(producto);
            var deProducto = productos.Where(p => PlainText.Fold(p.Producto.Producto) == clave).ToList();
            var capacidades = deProducto.Select(p => p.Producto.Mensual).ToList();
            var declarada = demanda.FirstOrDefault(d => PlainText.Fold(d.Producto) == clave);
            var cobertura = declarada is null ? null : Capacidad.Cobertura(capacidades, declarada.PromedioMensual, declarada.Unidad);
            return new ProductoBalance(producto, deProducto.Select(p => p.Productor.Nombre).Distinct().ToList(), capacidades, declarada, cobertura);
        }).ToList();

        var ganadores = compras.GroupBy(c => c.ProveedorId ?? c.Contrato.Proveedor ?? "")
            .Where(g => g.Key.Length > 0)
            .Select(g => new GanadorFamilia(g.First().ProveedorId, g.First().Contrato.Proveedor ?? "Sin nombre", g.Count(), g.Sum(c => c.Contrato.Valor ?? 0)))
            .OrderByDescending(g => g.Valor).ThenBy(g => g.Nombre, StringComparer.Ordinal).ToList();

        return new FamiliaBalance(familia, nombre, capacidad, noSumada, lineas.Count, lineas.Sum(l => l.Valor ?? 0), meses,
            PorAnio(compras, desde, hasta), balance, ganadores);
    }

    private static List<AnioContratado> PorAnio(List<ContratoComida> contratos, int desde, int hasta) =>
        Enumerable.Range(desde, hasta - desde + 1)
            .Select(a => new AnioContratado(a, contratos.Count(c => c.Contrato.Anio == a), contratos.Where(c => c.Contrato.Anio == a).Sum(c => c.Contrato.Valor ?? 0)))
            .ToList();
}
