using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Indicadores;

public enum TipoDato { Numero, Proporcion, Razon }

/// <summary>A further number of a result: the counts behind G5 and G6, for instance.</summary>
public sealed record DatoIndicador(string Nombre, double? Valor, TipoDato Tipo);

/// <summary>One indicator in one period: its figure, the second figure (by value, or the median), the target and the counts behind it.</summary>
public sealed record ResultadoIndicador(string Codigo, Periodo Periodo, Cifra Cifra, Cifra? Segunda, double? Meta, IReadOnlyList<DatoIndicador> Datos)
{
    public DefinicionIndicador Definicion => CatalogoIndicadores.De(Codigo)!;
}

/// <summary>
/// What the indicators are computed from: the Monitor's supplier histories and processes (the synced data, with one
/// identity per supplier), the certifications staff recorded, the producer registry's NITs and the current plan per year.
/// </summary>
public sealed class FuentesIndicadores(
    IReadOnlyList<ProveedorHistoria> proveedores, IReadOnlyList<ProcesoMonitor> procesos, DateTime? historiaDesde,
    IReadOnlyList<Certificacion> certificaciones, IReadOnlyDictionary<string, string> productoresPorNit,
    IReadOnlyDictionary<int, IReadOnlyList<LineaPlan>> planPorAnio, int aniosNuevo)
{
    private readonly Dictionary<string, Certificacion[]> _certificaciones = certificaciones.GroupBy(c => c.Nit).ToDictionary(g => g.Key, g => g.ToArray());

    public IReadOnlyList<ProveedorHistoria> Proveedores => proveedores;
    public IReadOnlyList<ProcesoMonitor> Procesos => procesos;
    public DateTime? HistoriaDesde => historiaDesde;
    public IReadOnlyList<Certificacion> Certificaciones => certificaciones;
    public IReadOnlyDictionary<string, string> ProductoresPorNit => productoresPorNit;
    public IReadOnlyDictionary<int, IReadOnlyList<LineaPlan>> PlanPorAnio => planPorAnio;
    public int AniosNuevo => aniosNuevo;

    /// <summary>Counted contracts (set A) with a signature date, with their supplier.</summary>
    public IEnumerable<(ProveedorHistoria Proveedor, ContratoProveedor Contrato)> Contados() =>
        proveedores.SelectMany(h => h.Contratos.Where(c => c.Vigente && c.FechaFirma is not null).Select(c => (h, c)));

    /// <summary>A contract's women-led status at its signature (CONTRACTS §7).</summary>
    public EstadoMujer Mujer(ProveedorHistoria h, ContratoProveedor c) =>
        LiderazgoMujer.De(h.Nit, DateOnly.FromDateTime(c.FechaFirma!.Value), c.Genero, CertificacionesDe(h.Nit));

    /// <summary>
    /// Each bid of a process published in the period, with the bidder's status in that period. A bid is a row in
    /// Proponentes or Ofertas, or the award of a competitive process (its winner bid). Read period by period: over a
    /// department's million bids, holding every period's at once cost hundreds of MB (`benchmark vistas`).
    /// </summary>
    public IEnumerable<ParticipacionMujer> Participaciones(Periodo periodo)
    {
        var (desde, hasta) = (DateOnly.FromDateTime(periodo.Inicio), DateOnly.FromDateTime(periodo.Fin).AddDays(-1));
        for (var i = 0; i < proveedores.Count; i++)
        {
            var h = proveedores[i];
            foreach (var p in h.Participaciones)
            {
                if (p.Anio != periodo.Anio || (periodo.Trimestre is { } t && p.Trimestre != t)) continue;
                if (!(p.Oferto || (p.Adjudicado && p.Competitiva))) continue;
                yield return new ParticipacionMujer(h.Id, p.ProcesoId,
                    LiderazgoMujer.Entre(h.Nit, desde, hasta, _generoUltimoContrato.Value[i], CertificacionesDe(h.Nit)).Lider,
                    p.Competitiva, p.Adjudicado, p.ModalidadCodigo);
            }
        }
    }

    /// <summary>Each supplier's legal-representative gender on its most recent counted contract, by its place in the list: read once, not per period.</summary>
    private readonly Lazy<string?[]> _generoUltimoContrato = new(() => proveedores
        .Select(h => h.Contratos.Where(c => c.Vigente && c.FechaFirma is not null).MaxBy(c => (c.FechaFirma, c.IdContrato))?.Genero).ToArray());

    /// <summary>A counted food purchase as Ley 2046 reads it (the supplier is known when it has a document).</summary>
    public static ContratoAlimento Alimento(ProveedorHistoria h, ContratoProveedor c) =>
        new(c.IdContrato, c.FechaFirma?.Year, c.Valor, c.Unspsc, null, h.Nit is { } nit && Nit.IsCompany(nit) ? nit : null,
            h.Nit is null ? null : h.Id, h.Nombre);

    // Asked for each of a department's million contracts: no list is made for the many NITs without one.
    private IReadOnlyList<Certificacion> CertificacionesDe(string? nit) => nit is not null && _certificaciones.TryGetValue(nit, out var propias) ? propias : [];
}

/// <summary>
/// The board: every indicator of the catalog in every period, from <see cref="FuentesIndicadores"/>. Each figure comes
/// from the pure function of its indicator; this only groups the records by period.
/// </summary>
public static class Tablero
{
    /// <param name="periodos">The years and quarters to compute, in the order the results come.</param>
    /// <param name="meta">The target of an indicator in a year, or null.</param>
    public static IReadOnlyList<ResultadoIndicador> Calcular(FuentesIndicadores f, IReadOnlyList<Periodo> periodos, Func<string, int, double?> meta)
    {
        // One pass over the records per period rather than every period grouped at once: slower by a few seconds over a
        // department, lighter by hundreds of MB at the build's peak (`benchmark vistas`).
        var contados = f.Contados().ToList();
        var historia = contados.Select(x => new Adjudicacion(x.Proveedor.Id, x.Contrato.FechaFirma!.Value, x.Contrato.Valor)).ToLookup(a => a.Proveedor);

        var resultados = new List<ResultadoIndicador>();
        foreach (var periodo in periodos)
        {
            var contratosPeriodo = contados.Where(x => periodo.Contiene(x.Contrato.FechaFirma!.Value)).ToList();
            var delPeriodo = contratosPeriodo.Select(x => Contrato(f, x.Proveedor, x.Contrato)).ToList();
            var ofertas = f.Participaciones(periodo).ToList();
            var procesosPeriodo = f.Procesos.Where(p => p.FechaPublicacion is { } fecha && periodo.Contiene(fecha)).ToList();
            var etapas = IndicadoresProcesos.Etapas(ofertas);
            var competitivas = ofertas.Count(o => o.Competitiva);
            var (nuevos, nuevosValor) = ProveedoresNuevos.G9(historia, periodo.Inicio, periodo.Fin, f.AniosNuevo, f.HistoriaDesde);
            var plan = f.PlanPorAnio.TryGetValue(periodo.Anio, out var lineas) ? PlanAccesible.G13(lineas) : (Cifra.Vacia, Cifra.Vacia);
            var oferentes = IndicadoresProcesos.G8(procesosPeriodo.Where(p => p.Competitiva && !p.Cancelado).Select(p => p.Proponentes));
            var competitivos = procesosPeriodo.Count(p => p.Competitiva && !p.Cancelado);
            var unico = RedFlags.UnicoProponente(procesosPeriodo);
            var (directa, directaValor) = RedFlags.AdjudicacionDirecta(procesosPeriodo);
            var ley = Ley2046.Calcular(periodo.Anio, contratosPeriodo.Where(x => FoodRule.IsFoodPurchase(x.Contrato.Unspsc))
                .Select(x => FuentesIndicadores.Alimento(x.Proveedor, x.Contrato)).ToList(), f.ProductoresPorNit);

            ResultadoIndicador R(string codigo, Cifra cifra, Cifra? segunda = null, IReadOnlyList<DatoIndicador>? datos = null) =>
                new(codigo, periodo, cifra, segunda, meta(codigo, periodo.Anio), datos ?? []);

            resultados.Add(R("g1", IndicadoresContratos.G1(delPeriodo)));
            resultados.Add(R("g2", IndicadoresContratos.G2(delPeriodo)));
            resultados.Add(R("g3", IndicadoresContratos.G3(delPeriodo)));
            resultados.Add(R("g4", IndicadoresProcesos.G4(ofertas)));
            var datosEtapas = Etapas(etapas);
            var coberturaEtapas = new CoberturaDatos(etapas.OferentesMujer + etapas.OferentesOtros, competitivas, 0, 0);
            resultados.Add(R("g5", Razon(IndicadoresProcesos.G5(etapas), competitivas, coberturaEtapas,
                TasaExito(etapas.GanadoresMujer, etapas.OferentesMujer), TasaExito(etapas.GanadoresOtros, etapas.OferentesOtros),
                "Sin datos: hace falta que ambos grupos se presenten y que las demás empresas ganen alguna vez."), null, datosEtapas));
            resultados.Add(R("g6", Razon(IndicadoresProcesos.G6(etapas), competitivas, coberturaEtapas, null, null,
                "Sin datos: alguna de las cuatro cuentas (ofertas y adjudicaciones de cada grupo) es 0 en este periodo."), null, datosEtapas));
            resultados.Add(R("g7", IndicadoresContratos.G7(delPeriodo)));
            resultados.Add(R("g8", Promedio(oferentes, competitivos), oferentes.Mediana is { } mediana
                ? new Cifra(mediana, null, null, new CoberturaDatos(oferentes.Procesos, competitivos, 0, 0), null) : null));
            resultados.Add(R("g9", nuevos, nuevosValor));
            resultados.Add(R("g10", Ley(ley)));
            resultados.Add(R("g12", IndicadoresContratos.G12(delPeriodo)));
            resultados.Add(R("g13", plan.Item1, plan.Item2));
            resultados.Add(R("r018", Alerta(unico, procesosPeriodo.Count)));
            resultados.Add(R("r013", Alerta(directa, procesosPeriodo.Count), Alerta(directaValor, procesosPeriodo.Count, porValor: true)));
        }
        return resultados;
    }

    /// <summary>A counted contract as the contract-based indicators read it.</summary>
    public static ContratoIndicador Contrato(FuentesIndicadores f, ProveedorHistoria h, ContratoProveedor c) =>
        new(c.IdContrato, DateOnly.FromDateTime(c.FechaFirma!.Value), c.Valor, h.Id, f.Mujer(h, c), LiderazgoMujer.Proxy(c.Genero) is not null, c.EsPyme ?? h.PymeRegistro);

    private static double? TasaExito(int ganadas, int ofertas) => ofertas == 0 ? null : (double)ganadas / ofertas;

    private static IReadOnlyList<DatoIndicador> Etapas(EtapasMujer e) =>
    [
        new("Ofertas de empresas lideradas por mujeres", e.OferentesMujer, TipoDato.Numero),
        new("Ofertas de las demás empresas", e.OferentesOtros, TipoDato.Numero),
        new("Adjudicaciones a empresas lideradas por mujeres", e.GanadoresMujer, TipoDato.Numero),
        new("Adjudicaciones a las demás empresas", e.GanadoresOtros, TipoDato.Numero),
    ];

    private static Cifra Razon(double? valor, int todas, CoberturaDatos cobertura, double? numerador, double? denominador, string motivo) =>
        todas == 0 ? Cifra.Vacia : new Cifra(valor, numerador, denominador, cobertura, valor is null ? motivo : null);

    private static Cifra Promedio((double? Promedio, double? Mediana, int Procesos) g8, int competitivos)
    {
        if (competitivos == 0) return Cifra.Vacia;
        var cobertura = new CoberturaDatos(g8.Procesos, competitivos, 0, 0);
        return g8.Promedio is { } promedio
            ? new Cifra(promedio, promedio * g8.Procesos, g8.Procesos, cobertura, null)
            : new Cifra(null, 0, 0, cobertura, "Sin datos: ningún proceso competitivo del periodo tiene su número de proponentes final.");
    }

    private static Cifra Ley(Ley2046Anio ley) => new(ley.Participacion, ley.ValorProductores, ley.Cobertura.ValorConocido,
        ley.Cobertura, ley.Motivo is null ? null : ley.Motivo == Ley2046.SinDatos ? Cifra.SinDatos : ley.Motivo);

    /// <summary>A red flag's share (the Monitor's rule) as a board figure: flagged ÷ measured, with the unknown as coverage.</summary>
    /// <param name="porValor">A share of value: the flag keeps no sums, so the figure has no numerator or denominator.</param>
    private static Cifra Alerta(Alerta a, int procesos, bool porValor = false)
    {
        if (procesos == 0) return Cifra.Vacia;
        var cobertura = new CoberturaDatos(a.Cobertura, a.Cobertura + a.NoAplica, 0, 0);
        return a.Valor is null
            ? new Cifra(null, porValor ? null : a.Marcados, porValor ? null : a.Cobertura, cobertura, a.Cobertura + a.NoAplica == 0 ? Cifra.SinDatos : Cifra.SinBaseConocida)
            : new Cifra(a.Valor, porValor ? null : a.Marcados, porValor ? null : a.Cobertura, cobertura, null);
    }
}
