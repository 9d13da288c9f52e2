using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenLicitaciones.Tests.Sync;

/// <summary>p6dx-8zbt rows shaped like the API's (field names of the DANE sample record), for Palmira's NIT.</summary>
public static class ProcesoRows
{
    public const string Dataset = "p6dx-8zbt";
    public const string Palmira = "891380007";

    /// <summary>Rows share an :updated_at in groups of four, as after a bulk re-stamp, so pages split ties on :id.</summary>
    public static string Stamp(int n) => $"2026-01-02T12:{(n - 1) / 4:00}:00.000Z";

    public static string RowId(int n) => $"row-{n:0000}";

    public static string ProcessId(int n) => $"CO1.REQ.{9_000_000 + n}";

    public static List<JsonObject> Many(int count) => Enumerable.Range(1, count).Select(n => Row(n)).ToList();

    public static JsonObject Row(int n, string? updatedAt = null, string nit = Palmira) => new()
    {
        [":id"] = RowId(n),
        [":created_at"] = "2026-01-01T08:00:00.000Z",
        [":updated_at"] = updatedAt ?? Stamp(n),
        ["entidad"] = "ALCALDÍA MUNICIPIO DE PALMIRA",
        ["nit_entidad"] = nit,
        ["departamento_entidad"] = "Valle del Cauca",
        ["ciudad_entidad"] = "Palmira",
        ["ordenentidad"] = "Territorial",
        ["codigo_pci"] = "No Aplica",
        ["id_del_proceso"] = ProcessId(n),
        ["referencia_del_proceso"] = $"SSA-MC-{n:000}-2026",
        ["ppi"] = "No Definido",
        ["id_del_portafolio"] = $"CO1.BDOS.{8_000_000 + n}",
        ["nombre_del_procedimiento"] = $"Suministro de alimentos para el PAE, grupo {n}",
        ["descripci_n_del_procedimiento"] = $"Suministro de raciones para el Programa de Alimentación Escolar, grupo {n}.",
        ["fase"] = "Presentación de oferta",
        ["fecha_de_publicacion_del"] = "2026-01-15T00:00:00.000",
        ["fecha_de_ultima_publicaci"] = "2026-01-16T00:00:00.000",
        ["fecha_de_publicacion_fase_3"] = "2026-01-15T00:00:00.000",
        ["precio_base"] = (1_000_000L * n).ToString(CultureInfo.InvariantCulture),
        ["modalidad_de_contratacion"] = "Mínima cuantía",
        ["justificaci_n_modalidad_de"] = "No Definido",
        ["duracion"] = "30",
        ["unidad_de_duracion"] = "día(s)",
        ["ciudad_de_la_unidad_de"] = "Palmira",
        ["nombre_de_la_unidad_de"] = "SECRETARÍA DE EDUCACIÓN",
        ["proveedores_invitados"] = "0",
        ["proveedores_con_invitacion"] = "0",
        ["visualizaciones_del"] = "12",
        ["proveedores_que_manifestaron"] = "2",
        ["respuestas_al_procedimiento"] = "3",
        ["respuestas_externas"] = "0",
        ["conteo_de_respuestas_a_ofertas"] = "0",
        ["proveedores_unicos_con"] = "3",
        ["numero_de_lotes"] = "0",
        ["estado_del_procedimiento"] = "Publicado",
        ["id_estado_del_procedimiento"] = "50",
        ["adjudicado"] = "No",
        ["id_adjudicacion"] = "No Adjudicado",
        ["codigoproveedor"] = "No Definido",
        ["departamento_proveedor"] = "No Definido",
        ["ciudad_proveedor"] = "No Definido",
        ["valor_total_adjudicacion"] = "0",
        ["nombre_del_adjudicador"] = "No Adjudicado",
        ["nombre_del_proveedor"] = "No Definido",
        ["nit_del_proveedor_adjudicado"] = "No Definido",
        ["codigo_principal_de_categoria"] = "V1.50192100",
        ["estado_de_apertura_del_proceso"] = "Abierto",
        ["tipo_de_contrato"] = "Suministros",
        ["subtipo_de_contrato"] = "No Definido",
        ["categorias_adicionales"] = "No definido",
        ["urlproceso"] = new JsonObject
        {
            ["url"] = $"https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID=CO1.NTC.{7_000_000 + n}",
        },
        ["codigo_entidad"] = "704185021",
        ["estado_resumen"] = "Presentación de oferta",
    };
}
