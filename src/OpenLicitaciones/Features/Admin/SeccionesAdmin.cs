namespace OpenLicitaciones.Features.Admin;

/// <summary>A section of the staff area, as its home page and the menu list it.</summary>
public sealed record SeccionAdmin(string Href, string Titulo, string Descripcion, bool SoloAdmin);

public static class SeccionesAdmin
{
    public static readonly IReadOnlyList<SeccionAdmin> Todas =
    [
        new("/admin/asociaciones", "Asociaciones de productores", "Productos, capacidades, ubicación, NIT y enfoque diferencial.", false),
        new("/admin/certificaciones", "Empresas de mujeres certificadas", "Certificaciones del Decreto 1860 de 2021 y pequeños productores (Ley 2046).", false),
        new("/admin/metas", "Metas de los indicadores", "La meta de cada indicador por año.", false),
        new("/admin/demanda", "Demanda declarada de alimentos", "Cuánto necesita el municipio de cada producto, por mes.", false),
        new("/admin/sincronizacion", "Sincronización", "Últimas corridas, sincronizar ahora y filas en cuarentena.", true),
        new("/admin/usuarios", "Usuarios", "Invitar editores, deshabilitar cuentas.", true),
        new("/admin/auditoria", "Registro de auditoría", "Quién cambió qué y cuándo; descargable.", true),
    ];
}
