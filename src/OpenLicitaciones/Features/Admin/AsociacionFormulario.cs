using OpenLicitaciones.Features.Productores;

namespace OpenLicitaciones.Features.Admin;

/// <summary>
/// What the association form holds while the staff member types: kept as typed through failed checks and refused
/// saves, turned into <see cref="AsociacionDatos"/> only to be checked and saved.
/// </summary>
public sealed class AsociacionFormulario
{
    public string? Nombre { get; set; }
    public string? Nit { get; set; }
    public List<ProductoFormulario> Productos { get; } = [];
    /// <summary>The DANE populated place picked, when the point is that place's.</summary>
    public string? CodigoLugar { get; set; }
    public double? Latitud { get; set; }
    public double? Longitud { get; set; }
    /// <summary>The place's name as stored with the point; null for a point marked on the map or typed.</summary>
    public string? Lugar { get; set; }
    /// <summary><see cref="SiNo.Si"/>, <see cref="SiNo.No"/> or null (sin dato).</summary>
    public string? RepresentanteMujer { get; set; }
    public double? PorcentajeMujeres { get; set; }
    public string? Zona { get; set; }
    public string? IncluyeVictimas { get; set; }
    public HashSet<string> GruposEtnicos { get; } = new(StringComparer.Ordinal);

    public AsociacionDatos Datos() => new(
        Nombre, Nit,
        Productos.Select(p => new ProductoDatos(p.Producto, p.Familia, p.Cantidad, p.Unidad, p.Periodo)).ToList(),
        Latitud, Longitud, Lugar,
        SiNo.Leer(RepresentanteMujer), PorcentajeMujeres, Zona, SiNo.Leer(IncluyeVictimas),
        EnfoqueDiferencial.OpcionesGrupos.Select(g => g.Codigo).Where(GruposEtnicos.Contains).ToList());

    public static AsociacionFormulario De(AsociacionDatos datos, Geografia geografia)
    {
        var form = new AsociacionFormulario
        {
            Nombre = datos.Nombre, Nit = datos.Nit, Latitud = datos.Latitud, Longitud = datos.Longitud, Lugar = datos.Lugar,
            RepresentanteMujer = SiNo.Escribir(datos.RepresentanteMujer), PorcentajeMujeres = datos.PorcentajeMujeres, Zona = datos.Zona,
            IncluyeVictimas = SiNo.Escribir(datos.IncluyeVictimas),
        };
        form.CodigoLugar = geografia.CentrosPoblados.FirstOrDefault(c => c.Nombre == datos.Lugar && Mismo(c.Latitud, datos.Latitud) && Mismo(c.Longitud, datos.Longitud))?.Codigo;
        form.Productos.AddRange(datos.Productos.Select(p => new ProductoFormulario
        {
            Producto = p.Producto, Familia = p.Familia, Cantidad = p.Cantidad, Unidad = p.Unidad, Periodo = p.Periodo,
        }));
        foreach (var g in datos.GruposEtnicos) form.GruposEtnicos.Add(g);
        return form;
    }

    /// <summary>The point is the populated place's own (its name goes with it).</summary>
    public void ElegirLugar(CentroPoblado? centro) =>
        (CodigoLugar, Latitud, Longitud, Lugar) = centro is null
            ? ((string?)null, (double?)null, (double?)null, (string?)null)
            : (centro.Codigo, centro.Latitud, centro.Longitud, centro.Nombre);

    /// <summary>A point marked on the map or typed: no populated place's name goes with it.</summary>
    public void MarcarPunto(double? latitud, double? longitud) => (CodigoLugar, Latitud, Longitud, Lugar) = (null, latitud, longitud, null);

    private static bool Mismo(double a, double? b) => b is { } v && Math.Abs(a - v) < 1e-9;
}

/// <summary>A product row of the form; <see cref="Clave"/> keeps each row's inputs its own when rows are removed.</summary>
public sealed class ProductoFormulario
{
    public Guid Clave { get; } = Guid.NewGuid();
    public string? Producto { get; set; }
    public string? Familia { get; set; }
    public double? Cantidad { get; set; }
    public string? Unidad { get; set; }
    public string? Periodo { get; set; }

    /// <summary>The capacity per month, or why it cannot be given as one (CONTRACTS §7).</summary>
    public string Mensual()
    {
        var mensual = Capacidad.Mensual(new CapacidadPublicada(Cantidad, string.IsNullOrWhiteSpace(Unidad) ? null : Unidad, string.IsNullOrWhiteSpace(Periodo) ? null : Periodo));
        return mensual is { PorMes: { } porMes, Unidad: { } unidad } ? $"Capacidad mensual: {Capacidad.Texto(porMes, unidad)}" : $"No se suma: {mensual.Motivo}";
    }
}

/// <summary>A yes / no / not recorded answer as the form's selects hold it.</summary>
public static class SiNo
{
    public const string Si = "si";
    public const string No = "no";

    public static bool? Leer(string? valor) => valor switch { Si => true, No => false, _ => null };

    public static string? Escribir(bool? valor) => valor switch { true => Si, false => No, null => null };
}
