using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Kiosco;

/// <summary>Hand-made plan lines for the kiosk's tests; the clock of every test is 22 November 2026, 9:00 in Colombia.</summary>
internal static class FilasKiosco
{
    public static readonly DateTime Ahora = new(2026, 11, 22, 9, 0, 0);

    public static readonly Modalidad Minima = new("minima-cuantia", "Mínima cuantía", true, true);
    public static readonly Modalidad Directa = new("contratacion-directa", "Contratación directa", false, false);

    public static Oportunidad Planeada(string id, string codigo, int anio, int? mes, Modalidad? modalidad = null) =>
        new(id, "7", anio, 1, $"Línea {id}", [codigo], mes, 1_000_000, null, modalidad ?? Minima, modalidad ?? Minima, null, false, null, [], []);

    /// <summary>A line whose process was published on <paramref name="publicada"/> and takes offers until <paramref name="cierre"/>.</summary>
    public static Oportunidad Publicada(string id, string codigo, int mes, DateTime publicada, DateTime cierre, Modalidad? modalidad = null) =>
        Planeada(id, codigo, 2026, mes, modalidad) with
        {
            Procesos = [new ProcesoVinculado($"CO1.REQ.{id}", null, null, "Publicado", null, null, publicada, cierre, null, null, null, null, null, null, null, null, null)],
        };

    public static Oportunidad Contratada(string id, string codigo, int mes) =>
        Planeada(id, codigo, 2026, mes) with
        {
            Procesos = [new ProcesoVinculado($"CO1.REQ.{id}", null, null, "Adjudicado", null, true, new(2026, 6, 1), new(2026, 6, 10), null, null, null, null, null, null, null, null, null)],
            Contratos = [new ContratoVinculado($"CO1.PCCNTR.{id}", null, "En ejecución", new(2026, 7, 1), 1_000_000, null, null, null, null, null)],
        };

    public static OportunidadActual Actual(Oportunidad o) => new(o, BancoStatus.Of(o.Procesos, o.Contratos, Ahora));

    /// <summary>
    /// The database of the page tests: two calls open on 22 November 2026 (K-abierta closes in 8 days, K-abierta2 in 13),
    /// three lines planned for December 2026 or later, one planned for March and never published, one already contracted.
    /// </summary>
    public static async Task SembrarAsync(TestDb testDb)
    {
        await using var db = testDb.CreateDbContext();
        await db.Database.MigrateAsync();
        PaaLine Linea(string id, string descripcion, string codigo, int anio, int mes, string modalidad, string? procesos = null) => new()
        {
            Id = id, CodigoEntidad = "7", Annio = anio, VersionDelPaa = 1, Descripcion = descripcion, CategoriasUnspsc = $";{codigo};", MesEsperadoInicio = mes,
            Modalidad = modalidad, ProcesosRelacionados = procesos, ValorTotalEsperado = 12_000_000, Source = "demo",
            Fingerprint = PaaLinesDataset.Fingerprint(descripcion, [codigo], modalidad, mes),
        };
        db.PaaLines.AddRange(
            Linea("K-abierta", "Compra de computadores portátiles", "43211500", 2026, 11, "Mínima cuantía", "CO1.REQ.501"),
            Linea("K-abierta2", "Mantenimiento de vehículos", "78181500", 2026, 11, "Selección Abreviada de Menor Cuantía", "CO1.REQ.502"),
            Linea("K-aseo", "Compra de elementos de aseo", "47131700", 2026, 12, "Mínima cuantía"),
            Linea("K-cafe", "Compra de café para eventos", "50201700", 2026, 12, "Contratación directa"),
            Linea("K-papel", "Resmas de papel", "14111500", 2027, 2, "Contratación directa"),
            Linea("K-vieja", "Línea de marzo sin publicar", "47131700", 2026, 3, "Mínima cuantía"),
            Linea("K-hecha", "Obra ya contratada", "72141100", 2026, 12, "Licitación pública", "CO1.REQ.503"));
        db.PaaVigentes.AddRange(
            new PaaVigente { CodigoEntidad = "7", Annio = 2026, Version = 1 },
            new PaaVigente { CodigoEntidad = "7", Annio = 2027, Version = 1 });
        db.Procesos.AddRange(
            new Proceso { IdDelProceso = "CO1.REQ.501", NitEntidad = "891380007", Modalidad = "Mínima cuantía", EstadoDelProcedimiento = "Publicado",
                FechaPublicacion = new(2026, 11, 10), FechaRecepcion = new(2026, 11, 30), Source = "demo" },
            new Proceso { IdDelProceso = "CO1.REQ.502", NitEntidad = "891380007", Modalidad = "Selección Abreviada de Menor Cuantía", EstadoDelProcedimiento = "Publicado",
                FechaPublicacion = new(2026, 11, 18), FechaRecepcion = new(2026, 12, 5), Source = "demo" },
            new Proceso { IdDelProceso = "CO1.REQ.503", IdDelPortafolio = "CO1.BDOS.503", NitEntidad = "891380007", Modalidad = "Licitación pública",
                EstadoDelProcedimiento = "Adjudicado", FechaPublicacion = new(2026, 8, 1), Source = "demo" });
        db.Contratos.Add(new Contrato { IdContrato = "CO1.PCCNTR.503", ProcesoDeCompra = "CO1.BDOS.503", EstadoContrato = "En ejecución", NitEntidad = "891380007", Source = "demo" });
        await db.SaveChangesAsync();
    }
}
