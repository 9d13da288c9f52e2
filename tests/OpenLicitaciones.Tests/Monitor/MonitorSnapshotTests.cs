using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Monitor;

/// <summary>Supplier histories built from hand-made rows of every dataset on SQLite.</summary>
public sealed class MonitorSnapshotTests
{
    private static readonly Modalidades Catalog = Modalidades.Load(Path.Combine(AppContext.BaseDirectory, "data", "modalidades.csv"));

    [Fact]
    public async Task One_supplier_across_codes_nits_with_check_digit_and_spellings()
    {
        using var testDb = new TestDb();
        await using (var db = testDb.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            db.Proveedores.Add(new ProveedorRegistrado { Codigo = "718", Nit = "901623692", Nombre = "SOLUCIONES M Y T SAS", Municipio = "Palmira", EsPyme = true, Source = "demo" });
            db.Procesos.AddRange(
                new Proceso { IdDelProceso = "CO1.REQ.1", IdDelPortafolio = "CO1.BDOS.1", NitEntidad = "891380007", FechaPublicacion = new(2024, 2, 1), Modalidad = "Mínima cuantía",
                    Adjudicado = true, CodigoProveedor = "718", NombreProveedor = "Soluciones M y T S.A.S.", Source = "demo" },
                new Proceso { IdDelProceso = "CO1.REQ.2", IdDelPortafolio = "CO1.BDOS.2", NitEntidad = "891380007", FechaPublicacion = new(2025, 3, 1), Modalidad = "Mínima cuantía",
                    Adjudicado = false, Source = "demo" });
            // It bids on REQ.2 by code only (hgi6) and on BDOS.1 by NIT with its check digit glued on (wi7w).
            db.Proponentes.Add(new Proponente { Id = "CO1.REQ.2|718", IdProcedimiento = "CO1.REQ.2", CodigoProveedor = "718", Proveedor = "SOLUCIONES MYT", Source = "demo" });
            db.Ofertas.Add(new Oferta { Id = "CO1.BDOS.1|O1", IdentificadorDeLaOferta = "O1", IdDelProcesoDeCompra = "CO1.BDOS.1", NitDelProveedor = "9016236929", Source = "demo" });
            db.Contratos.Add(new Contrato { IdContrato = "C1", ProcesoDeCompra = "CO1.BDOS.1", NitEntidad = "891380007", DocumentoProveedor = "901623692", EstadoContrato = "En ejecución",
                FechaDeFirma = new(2024, 2, 20), ValorDelContrato = 7_000_000, ProveedorAdjudicado = "SOLUCIONES M Y T S.A.S", GeneroRepresentanteLegal = "Mujer",
                TipoDocProveedor = "NIT", Source = "demo" });
            // A consortium without NIT is known by its code.
            db.Contratos.Add(new Contrato { IdContrato = "C2", ProcesoDeCompra = "CO1.BDOS.9", NitEntidad = "891380007", DocumentoProveedor = "No Definido",
                CodigoProveedor = "555", EsGrupo = true, EstadoContrato = "terminado", FechaDeFirma = new(2023, 6, 1), ValorDelContrato = 1, ProveedorAdjudicado = "CONSORCIO VÍAS", Source = "demo" });
            await db.SaveChangesAsync();
        }

        var built = await MonitorSnapshot.BuildAsync(testDb, Catalog, CancellationToken.None);
        var (suppliers, from) = (built.Proveedores, built.HistoriaDesde);

        Assert.Equal(["901623692", "c-555"], suppliers.Select(s => s.Id).Order());
        var s = suppliers.Single(x => x.Id == "901623692");
        Assert.Equal("SOLUCIONES M Y T S.A.S", s.Nombre); // the most recent spelling (the 2024-02-20 contract)
        Assert.Equal(TipoProveedor.PersonaJuridica, s.Tipo);
        Assert.Equal(["CO1.REQ.1", "CO1.REQ.2"], s.Participaciones.Select(p => p.ProcesoId).Order());
        var p1 = s.Participaciones.Single(p => p.ProcesoId == "CO1.REQ.1");
        Assert.Equal((2024, true, true, true), (p1.Anio!.Value, p1.Competitiva, p1.Oferto, p1.Adjudicado));
        var p2 = s.Participaciones.Single(p => p.ProcesoId == "CO1.REQ.2");
        Assert.Equal((2025, true, false), (p2.Anio!.Value, p2.Oferto, p2.Adjudicado));
        Assert.Equal(new DateTime(2023, 6, 1), from);

        var r = MonitorCounts.Resumen(s, 2021, 2026, 3, ["Palmira"], from);
        Assert.Equal((2, 1, 0.5, 1, 7_000_000L), (r.Participaciones, r.Adjudicaciones, r.TasaExito!.Value, r.Contratos, r.ValorContratado));
        Assert.Equal((TriState.Si, TriState.Si, TriState.Si), (r.Mujer, r.Pyme, r.Local));
        Assert.Equal(TriState.SinDato, r.Nuevo); // history starts 2023-06-01, not 3 years before 2024-02-20
        Assert.Equal(TipoProveedor.ConsorcioOUnion, suppliers.Single(x => x.Id == "c-555").Tipo);
    }
}
