using System.Globalization;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Indicadores;

/// <summary>
/// One record behind an indicator in a period: a contract, a supplier, a bid, a process or a plan line, with where it
/// counts (<see cref="Cuenta"/>) and why (<paramref name="Clasificacion"/>). The detail view and its export show the same rows.
/// </summary>
/// <param name="ProveedorId">The supplier's public id in the Monitor (never a person's document number).</param>
/// <param name="Cuenta">"numerador" (counts in the numerator and the base), "base" (in the base only) or "sin-dato" (left out as unknown).</param>
public sealed record FilaDetalle(
    string Tipo, string Id, DateTime? Fecha, string? Descripcion, string? ProveedorId, string? Proveedor, long? Valor, string Clasificacion,
    string Cuenta, string? UrlSecop);

public static class Cuenta
{
    public const string Numerador = "numerador", Base = "base", SinDato = "sin-dato";

    public static string Nombre(string cuenta) => cuenta switch
    {
        Numerador => "En el numerador",
        Base => "Solo en la base",
        _ => "Fuera: sin dato",
    };
}

/// <summary>The rows behind each indicator (numerator first, then the rest of the base, then the unknown), as pure functions.</summary>
public static class DetalleIndicador
{
    /// <param name="nombreModalidad">The label of a modality code, for process rows.</param>
    /// <param name="urlsProcesos">SECOP II's page of each process of the period, by id (the derived data keeps no addresses).</param>
    /// <param name="textosPlan">The description of each plan line of the year, by id (nor descriptions).</param>
    public static IReadOnlyList<FilaDetalle> Filas(FuentesIndicadores f, string codigo, Periodo p, Func<string, string> nombreModalidad,
        IReadOnlyDictionary<string, string>? urlsProcesos = null, IReadOnlyDictionary<string, string>? textosPlan = null)
    {
        var filas = codigo switch
        {
            "g1" or "g2" or "g12" or "g7" => Contratos(f, codigo, p),
            "g3" => ProveedoresAdjudicados(f, p),
            "g9" => NuevosProveedores(f, p),
            "g4" => Proponentes(f, p),
            "g5" or "g6" => Ofertas(f, p, nombreModalidad, urlsProcesos ?? new Dictionary<string, string>()),
            "g8" or "r018" or "r013" => Procesos(f, codigo, p, nombreModalidad, urlsProcesos ?? new Dictionary<string, string>()),
            "g10" => Alimentos(f, p),
            "g13" => Plan(f, p, textosPlan ?? new Dictionary<string, string>()),
            _ => [],
        };
        return filas.OrderBy(r => r.Cuenta switch { Cuenta.Numerador => 0, Cuenta.Base => 1, _ => 2 })
            .ThenByDescending(r => r.Valor ?? -1).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<FilaDetalle> Contratos(FuentesIndicadores f, string codigo, Periodo p) =>
        f.Contados().Where(x => p.Contiene(x.Contrato.FechaFirma!.Value)).Select(x =>
        {
            var (h, c) = x;
            var indicador = Tablero.Contrato(f, h, c);
            var (marca, clasificacion) = codigo switch
            {
                "g12" => (indicador.Pyme, indicador.Pyme switch { true => "Mipyme", false => "No es mipyme", null => "Sin dato de tamaño" }),
                "g7" => (indicador.GeneroRegistrado, indicador.GeneroRegistrado ? $"Registrado: {c.Genero}" : "Sin registro del género"),
                _ => (indicador.Mujer.Lider, Mujer(indicador.Mujer)),
            };
            // A share of value cannot weigh a contract without value.
            var cuenta = codigo is "g1" or "g12" && c.Valor is null ? Cuenta.SinDato : Clasificar(marca);
            if (codigo == "g7") cuenta = indicador.GeneroRegistrado ? Cuenta.Numerador : Cuenta.Base;
            return new FilaDetalle("contrato", c.IdContrato, c.FechaFirma, c.Unspsc is null ? null : $"UNSPSC {c.Unspsc}", h.Id, h.Nombre, c.Valor,
                clasificacion, cuenta, c.Url);
        });

    private static IEnumerable<FilaDetalle> ProveedoresAdjudicados(FuentesIndicadores f, Periodo p) =>
        f.Contados().Where(x => p.Contiene(x.Contrato.FechaFirma!.Value)).GroupBy(x => x.Proveedor).Select(g =>
        {
            // The status of its most recent contract of the period whose status is known (G3).
            var estado = g.OrderBy(x => x.Contrato.FechaFirma).Select(x => f.Mujer(x.Proveedor, x.Contrato)).LastOrDefault(e => e.Lider is not null)
                         ?? EstadoMujer.Desconocido;
            return new FilaDetalle("proveedor", g.Key.Id, g.Max(x => x.Contrato.FechaFirma), Contratos(g.Count()), g.Key.Id, g.Key.Nombre,
                g.Sum(x => x.Contrato.Valor ?? 0), Mujer(estado), Clasificar(estado.Lider), null);
        });

    private static IEnumerable<FilaDetalle> NuevosProveedores(FuentesIndicadores f, Periodo p) =>
        f.Contados().GroupBy(x => x.Proveedor).Where(g => g.Any(x => p.Contiene(x.Contrato.FechaFirma!.Value))).Select(g =>
        {
            var enPeriodo = g.Where(x => p.Contiene(x.Contrato.FechaFirma!.Value)).ToList();
            var primera = enPeriodo.Min(x => x.Contrato.FechaFirma!.Value);
            var nuevo = ProveedorNuevo.Es(primera, g.Select(x => x.Contrato.FechaFirma!.Value), f.AniosNuevo, f.HistoriaDesde);
            var clasificacion = nuevo switch
            {
                true => $"Nuevo: sin contratos en los {f.AniosNuevo} años anteriores",
                false => $"Ya había contratado en los {f.AniosNuevo} años anteriores",
                null => $"Sin dato: los datos no alcanzan {f.AniosNuevo} años antes",
            };
            return new FilaDetalle("proveedor", g.Key.Id, primera, Contratos(enPeriodo.Count), g.Key.Id, g.Key.Nombre,
                enPeriodo.Sum(x => x.Contrato.Valor ?? 0), clasificacion, Clasificar(nuevo), null);
        });

    private static IEnumerable<FilaDetalle> Proponentes(FuentesIndicadores f, Periodo p)
    {
        var proveedores = f.Proveedores.ToDictionary(h => h.Id, h => h.Nombre);
        return OfertasDe(f, p).GroupBy(o => o.Proveedor).Select(g => new FilaDetalle("proponente", g.Key, null, Ofertas(g.Count()), g.Key,
            proveedores.GetValueOrDefault(g.Key), null, Mujer(g.First().Mujer), Clasificar(g.First().Mujer), null));
    }

    private static IEnumerable<FilaDetalle> Ofertas(FuentesIndicadores f, Periodo p, Func<string, string> nombreModalidad, IReadOnlyDictionary<string, string> urls)
    {
        var proveedores = f.Proveedores.ToDictionary(h => h.Id, h => h.Nombre);
        return OfertasDe(f, p).Where(o => o.Competitiva).Select(o => new FilaDetalle("oferta", o.Proceso, null,
            $"{nombreModalidad(o.ModalidadCodigo)}; {(o.Adjudicado ? "ganó" : "no ganó")}", o.Proveedor, proveedores.GetValueOrDefault(o.Proveedor), null,
            Mujer(o.Mujer), Clasificar(o.Mujer), urls.GetValueOrDefault(o.Proceso)));
    }

    private static IEnumerable<FilaDetalle> Procesos(FuentesIndicadores f, string codigo, Periodo p, Func<string, string> nombreModalidad,
        IReadOnlyDictionary<string, string> urls) =>
        f.Procesos.Where(x => x.FechaPublicacion is { } fecha && p.Contiene(fecha) && !x.Cancelado && (codigo == "r013" || x.Competitiva)).Select(x =>
        {
            var proponentes = x.Proponentes is > 0 ? $"{x.Proponentes} proponente{(x.Proponentes == 1 ? "" : "s")}" : "Proponentes sin dato final";
            var cuenta = codigo switch
            {
                "g8" => x.Proponentes is > 0 ? Cuenta.Numerador : Cuenta.SinDato,
                "r018" => x.Proponentes is not > 0 ? Cuenta.SinDato : x.Proponentes == 1 ? Cuenta.Numerador : Cuenta.Base,
                _ => x.ModalidadCodigo == Modalidad.Otra ? Cuenta.SinDato : x.Competitiva ? Cuenta.Base : Cuenta.Numerador,
            };
            var clasificacion = codigo == "r013" ? (x.Competitiva ? "Competitivo" : "Sin competencia") : proponentes;
            return new FilaDetalle("proceso", x.Id, x.FechaPublicacion, nombreModalidad(x.ModalidadCodigo), null, null, x.Valor is > 0 ? x.Valor : null,
                clasificacion, cuenta, urls.GetValueOrDefault(x.Id));
        });

    private static IEnumerable<FilaDetalle> Alimentos(FuentesIndicadores f, Periodo p) =>
        f.Contados().Where(x => p.Contiene(x.Contrato.FechaFirma!.Value) && FoodRule.IsFoodPurchase(x.Contrato.Unspsc)).Select(x =>
        {
            var a = FuentesIndicadores.Alimento(x.Proveedor, x.Contrato);
            var conocido = a.Valor is not null && a.CodigoProveedor is not null;
            var productor = a.NitProveedor is { } nit && f.ProductoresPorNit.ContainsKey(nit);
            return new FilaDetalle("contrato", a.IdContrato, x.Contrato.FechaFirma, $"UNSPSC {a.Unspsc}", x.Proveedor.Id, x.Proveedor.Nombre, a.Valor,
                productor ? "Productor del registro local" : conocido ? "Otro proveedor" : "Sin dato del proveedor o del valor",
                !conocido ? Cuenta.SinDato : productor ? Cuenta.Numerador : Cuenta.Base, x.Contrato.Url);
        });

    private static IEnumerable<FilaDetalle> Plan(FuentesIndicadores f, Periodo p, IReadOnlyDictionary<string, string> textos) =>
        (f.PlanPorAnio.TryGetValue(p.Anio, out var lineas) ? lineas : []).Select(l =>
        {
            var conocida = l.Modalidad.Code is not Modalidad.Otra && l.Modalidad != Modalidad.SinDato;
            return new FilaDetalle("linea-plan", l.Id, null, textos.GetValueOrDefault(l.Id), null, null, l.Valor,
                conocida ? $"{l.Modalidad.Label}: {(l.Modalidad.Accesible ? "accesible" : "no accesible")}" : "Modalidad sin dato",
                !conocida ? Cuenta.SinDato : l.Modalidad.Accesible ? Cuenta.Numerador : Cuenta.Base, null);
        });

    private static IEnumerable<ParticipacionMujer> OfertasDe(FuentesIndicadores f, Periodo p) => f.Participaciones(p);

    private static string Clasificar(bool? marca) => marca switch { true => Cuenta.Numerador, false => Cuenta.Base, null => Cuenta.SinDato };

    private static string Mujer(EstadoMujer e) => e.Lider switch
    {
        true => $"Liderada por mujer ({e.Etiqueta})",
        false => "Otra: representante legal hombre u otro, según SECOP II",
        null => "Sin dato",
    };

    private static string Mujer(bool? lider) => lider switch
    {
        true => "Liderada por mujer",
        false => "Otra",
        null => "Sin dato",
    };

    private static string Contratos(int n) => n == 1 ? "1 contrato" : $"{n.ToString("N0", CultureInfo.GetCultureInfo("es-CO"))} contratos";

    private static string Ofertas(int n) => n == 1 ? "1 participación" : $"{n.ToString("N0", CultureInfo.GetCultureInfo("es-CO"))} participaciones";
}
