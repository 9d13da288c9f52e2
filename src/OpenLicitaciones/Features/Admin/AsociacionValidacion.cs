using System.Globalization;
using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Admin;

/// <summary>A product row as the staff member typed it.</summary>
public sealed record ProductoDatos(string? Producto, string? Familia, double? Cantidad, string? Unidad, string? Periodo);

/// <summary>An association as the staff member typed it: nothing checked, nothing converted yet.</summary>
/// <param name="Nit">As typed, with its check digit ("891380007-3" or "8913800073").</param>
/// <param name="PorcentajeMujeres">0–100, as a percentage.</param>
/// <param name="GruposEtnicos">Codes of <see cref="EnfoqueDiferencial.GruposEtnicos"/>, or <see cref="EnfoqueDiferencial.Ninguno"/>.</param>
public sealed record AsociacionDatos(
    string? Nombre,
    string? Nit,
    IReadOnlyList<ProductoDatos> Productos,
    double? Latitud,
    double? Longitud,
    string? Lugar,
    bool? RepresentanteMujer,
    double? PorcentajeMujeres,
    string? Zona,
    bool? IncluyeVictimas,
    IReadOnlyList<string> GruposEtnicos);

/// <summary>What is wrong with one field: shown next to it.</summary>
public sealed record ErrorCampo(string Campo, string Mensaje);

public sealed record ProductoValido(string Producto, string Familia, double? Cantidad, string? Unidad, string? Periodo);

/// <summary>An association ready to store: trimmed, the NIT without its check digit, the share of women as a fraction.</summary>
public sealed record AsociacionValida(
    string Nombre,
    string? Nit,
    IReadOnlyList<ProductoValido> Productos,
    double? Latitud,
    double? Longitud,
    string? Lugar,
    bool? RepresentanteMujer,
    double? ProporcionMujeres,
    string? Zona,
    bool? IncluyeVictimas,
    string? GruposEtnicos);

/// <summary>What the checks need from the installation: the municipality's boundary and the food families on offer.</summary>
/// <param name="Dentro">Whether (latitude, longitude) lies in the municipality.</param>
/// <param name="Familias">The UNSPSC families (4 digits, segment 50) a product may belong to.</param>
public sealed record ReglasAsociacion(Func<double, double, bool> Dentro, string Municipio, IReadOnlySet<string> Familias)
{
    public static ReglasAsociacion De(Geografia geografia, UnspscFamilias familias) =>
        new(geografia.Contiene, geografia.NombreMunicipio, FamiliasAlimentos(familias).Select(f => f.Codigo).ToHashSet(StringComparer.Ordinal));

    /// <summary>The food families (segment 50) that have a Spanish name, by code.</summary>
    public static IReadOnlyList<OpcionLista> FamiliasAlimentos(UnspscFamilias familias) =>
        Enumerable.Range(5000, 100).Select(i => i.ToString(CultureInfo.InvariantCulture))
            .Select(c => familias.NameOf(c) is { } nombre ? new OpcionLista(c, nombre) : null)
            .OfType<OpcionLista>()
            .ToList();
}

/// <summary>The names of the form's fields, as the errors carry them.</summary>
public static class CamposAsociacion
{
    public const string Nombre = "nombre";
    public const string Nit = "nit";
    public const string Latitud = "latitud";
    public const string Longitud = "longitud";
    /// <summary>The point as a whole (outside the municipality).</summary>
    public const string Ubicacion = "ubicacion";
    public const string PorcentajeMujeres = "porcentajeMujeres";
    public const string Zona = "zona";
    public const string GruposEtnicos = "gruposEtnicos";

    public static string Producto(int fila, string campo) => $"productos[{fila}].{campo}";
}

/// <summary>
/// The checks of the association form, pure: the same data in gives the same messages out, each for the field it is
/// about. Nothing that fails them is stored; the messages never repeat a number typed in the NIT field, which could be
/// a person's document.
/// </summary>
public static class AsociacionValidacion
{
    public const int LargoNombre = 200;
    public const int LargoProducto = 120;

    public const string NoEsOrganizacion = Nit.NoEsOrganizacion;

    public static IReadOnlyList<ErrorCampo> Validar(AsociacionDatos datos, ReglasAsociacion reglas)
    {
        var errores = new List<ErrorCampo>();
        void Error(string campo, string mensaje) => errores.Add(new ErrorCampo(campo, mensaje));

        if (string.IsNullOrWhiteSpace(datos.Nombre)) Error(CamposAsociacion.Nombre, "Escriba el nombre de la asociación.");
        else if (datos.Nombre.Trim().Length > LargoNombre) Error(CamposAsociacion.Nombre, $"El nombre puede tener hasta {LargoNombre} caracteres.");
        else if (datos.Nombre.Any(char.IsControl)) Error(CamposAsociacion.Nombre, "El nombre no puede tener saltos de línea ni caracteres de control.");

        if (LeerNit(datos.Nit).Error is { } errorNit) Error(CamposAsociacion.Nit, errorNit);

        ValidarProductos(datos.Productos, reglas, Error);
        ValidarUbicacion(datos, reglas, Error);

        if (datos.PorcentajeMujeres is { } porcentaje && !(double.IsFinite(porcentaje) && porcentaje is >= 0 and <= 100))
            Error(CamposAsociacion.PorcentajeMujeres, "El porcentaje de mujeres debe estar entre 0 y 100.");
        if (datos.Zona is not null && EnfoqueDiferencial.Zonas.All(z => z.Codigo != datos.Zona))
            Error(CamposAsociacion.Zona, "Elija rural o urbana, o déjelo sin dato.");
        if (datos.GruposEtnicos.Any(g => !EnfoqueDiferencial.GrupoConocido(g)))
            Error(CamposAsociacion.GruposEtnicos, "Elija los grupos étnicos de la lista.");
        else if (datos.GruposEtnicos.Contains(EnfoqueDiferencial.Ninguno) && datos.GruposEtnicos.Any(g => g != EnfoqueDiferencial.Ninguno))
            Error(CamposAsociacion.GruposEtnicos, "«Ninguno» no se puede marcar junto con un grupo étnico.");
        return errores;
    }

    /// <summary>The association as it is stored. Call only when <see cref="Validar"/> found nothing.</summary>
    public static AsociacionValida Normalizar(AsociacionDatos datos)
    {
        var ubicado = datos.Latitud is not null && datos.Longitud is not null;
        return new AsociacionValida(
            datos.Nombre!.Trim(),
            LeerNit(datos.Nit).Nit,
            datos.Productos.Select(p => new ProductoValido(p.Producto!.Trim(), p.Familia!.Trim(), p.Cantidad, Vacio(p.Unidad), Vacio(p.Periodo))).ToList(),
            ubicado ? datos.Latitud : null,
            ubicado ? datos.Longitud : null,
            ubicado ? Vacio(datos.Lugar) : null,
            datos.RepresentanteMujer,
            datos.PorcentajeMujeres / 100,
            datos.Zona,
            datos.IncluyeVictimas,
            EnfoqueDiferencial.EscribirGrupos(datos.GruposEtnicos));
    }

    /// <summary>
    /// An organisation's NIT typed with its DIAN check digit ("891380007-3", "891.380.007-3", "8913800073"), without the
    /// check digit; or why it is refused. Blank is no NIT (it is optional).
    /// </summary>
    public static (string? Nit, string? Error) LeerNit(string? texto) => string.IsNullOrWhiteSpace(texto) ? (null, null) : Nit.ValidarOrganizacion(texto);

    private static void ValidarProductos(IReadOnlyList<ProductoDatos> productos, ReglasAsociacion reglas, Action<string, string> error)
    {
        var vistos = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < productos.Count; i++)
        {
            var p = productos[i];
            var campo = (string nombre) => CamposAsociacion.Producto(i, nombre);
            if (string.IsNullOrWhiteSpace(p.Producto)) error(campo("producto"), "Escriba el nombre del producto.");
            else if (p.Producto.Trim().Length > LargoProducto) error(campo("producto"), $"El producto puede tener hasta {LargoProducto} caracteres.");
            else if (p.Producto.Any(char.IsControl)) error(campo("producto"), "El producto no puede tener saltos de línea ni caracteres de control.");
            else if (!vistos.Add(PlainText.Fold(p.Producto))) error(campo("producto"), "Este producto ya está en la lista.");

            if (string.IsNullOrWhiteSpace(p.Familia)) error(campo("familia"), "Elija la familia UNSPSC del producto.");
            else if (!reglas.Familias.Contains(p.Familia.Trim())) error(campo("familia"), "Elija una familia de alimentos (segmento 50) de la lista.");

            if (p.Cantidad is { } cantidad && !(double.IsFinite(cantidad) && cantidad >= 0))
                error(campo("cantidad"), "La capacidad debe ser un número mayor o igual que cero.");
            // A capacity needs its unit and period; without one ("no publicada") they may stay empty, but never unknown.
            var (unidad, periodo) = (Vacio(p.Unidad), Vacio(p.Periodo));
            if (p.Cantidad is not null && unidad is null) error(campo("unidad"), "Elija la unidad de la capacidad.");
            else if (unidad is not null && !Capacidad.UnidadConocida(unidad))
                error(campo("unidad"), $"Unidad desconocida; se aceptan: {Capacidad.UnidadesAceptadas}.");
            if (p.Cantidad is not null && periodo is null) error(campo("periodo"), "Elija el periodo de la capacidad.");
            else if (periodo is not null && !Capacidad.PeriodoConocido(periodo))
                error(campo("periodo"), $"Periodo desconocido; se aceptan: {Capacidad.PeriodosAceptados}.");
        }
    }

    private static void ValidarUbicacion(AsociacionDatos datos, ReglasAsociacion reglas, Action<string, string> error)
    {
        var (lat, lon) = (datos.Latitud, datos.Longitud);
        if (lat is null && lon is null) return; // "ubicación por confirmar": never an invented place
        if (lat is null) error(CamposAsociacion.Latitud, "Falta la latitud: la ubicación necesita latitud y longitud.");
        else if (!double.IsFinite(lat.Value) || lat is < -90 or > 90) error(CamposAsociacion.Latitud, "La latitud va de −90 a 90 grados.");
        if (lon is null) error(CamposAsociacion.Longitud, "Falta la longitud: la ubicación necesita latitud y longitud.");
        else if (!double.IsFinite(lon.Value) || lon is < -180 or > 180) error(CamposAsociacion.Longitud, "La longitud va de −180 a 180 grados.");
        if (lat is { } la && lon is { } lo && double.IsFinite(la) && double.IsFinite(lo) && la is >= -90 and <= 90 && lo is >= -180 and <= 180 && !reglas.Dentro(la, lo))
            error(CamposAsociacion.Ubicacion, $"El punto queda fuera de {reglas.Municipio}: elija un lugar dentro del municipio.");
    }


    private static string? Vacio(string? texto) => string.IsNullOrWhiteSpace(texto) ? null : texto.Trim();
}
