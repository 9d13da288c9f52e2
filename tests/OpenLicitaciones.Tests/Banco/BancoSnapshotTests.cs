using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace OpenLicitaciones.Tests.Banco;

/// <summary>The join of plan lines to processes and contracts, on SQLite with rows built by hand.</summary>
public sealed class BancoSnapshotTests
{
    private static readonly Modalidades Catalog = Modalidades.Load(Path.Combine(AppContext.BaseDirectory, "data", "modalidades.csv"));
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0);

    [Fact]
    public async Task Plan_lines_link_to_processes_by_any_of_the_three_ids_and_to_contracts_through_the_portfolio_or_notice()
    {
        using var testDb = new TestDb();
        await SeedAsync(testDb);

        var rows = (await BancoSnapshot.BuildAsync(testDb, Catalog, [2026, 2027], CancellationToken.None)).ToDictionary(o => o.Id);

        Assert.Equal(["L-bdos", "L-next", "L-none", "L-ntc", "L-req", "L-two"], rows.Keys.Order()); // 2025 and version 1 are out
        Assert.Equal("CO1.REQ.1", Assert.Single(rows["L-req"].Procesos).IdDelProceso);
        Assert.Equal("CO1.REQ.2", Assert.Single(rows["L-bdos"].Procesos).IdDelProceso);
        Assert.Equal("CO1.REQ.3", Assert.Single(rows["L-ntc"].Procesos).IdDelProceso);
        Assert.Equal(["CO1.REQ.1", "CO1.REQ.2"], rows["L-two"].Procesos.Select(p => p.IdDelProceso).Order());
        Assert.Empty(rows["L-none"].Procesos);

        Assert.Equal("CO1.PCCNTR.1", Assert.Single(rows["L-req"].Contratos).IdContrato); // via the process's BDOS
        Assert.Equal("CO1.PCCNTR.3", Assert.Single(rows["L-ntc"].Contratos).IdContrato); // via the notice id
        Assert.Empty(rows["L-bdos"].Contratos);

        var status = rows.ToDictionary(r => r.Key, r => BancoStatus.Of(r.Value.Procesos, r.Value.Contratos, Now).Estado);
        Assert.Equal(EstadoBanco.Contratado, status["L-req"]);
        Assert.Equal(EstadoBanco.Publicado, status["L-bdos"]);
        Assert.Equal(EstadoBanco.Contratado, status["L-ntc"]);
        Assert.Equal(EstadoBanco.Planeado, status["L-none"]);
    }

    [Fact]
    public async Task Actual_modality_beats_planned_and_lines_missing_from_the_previous_version_are_new()
    {
        using var testDb = new TestDb();
        await SeedAsync(testDb);

        var rows = (await BancoSnapshot.BuildAsync(testDb, Catalog, [2026, 2027], CancellationToken.None)).ToDictionary(o => o.Id);

        Assert.Equal("minima-cuantia", rows["L-bdos"].ModalidadPlaneada.Code);
        Assert.Equal("seleccion-abreviada-menor-cuantia", rows["L-bdos"].Modalidad.Code);
        Assert.True(rows["L-bdos"].ModalidadCambio);
        Assert.False(rows["L-req"].ModalidadCambio);
        Assert.Equal("Secretaría de Educación", rows["L-req"].Unidad);
        Assert.Null(rows["L-none"].Unidad);
        // L-none's fingerprint was not in version 1; the others were.
        Assert.Equal(["L-none"], rows.Values.Where(o => o.Nueva).Select(o => o.Id));
        Assert.False(rows["L-next"].Nueva); // 2027 has a single version: nothing to compare with
        Assert.Equal(202603, rows["L-req"].MesClave);
    }

    [Fact]
    public async Task The_snapshot_is_reused_until_data_changes_are_announced()
    {
        using var testDb = new TestDb();
        await SeedAsync(testDb);
        var notifier = new Features.Sync.DataChangedNotifier();
        var snapshot = new BancoSnapshot(testDb, notifier, Catalog, TestClock.At(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(-5))));

        var first = await snapshot.GetAsync();
        await using (var db = testDb.CreateDbContext())
        {
            db.PaaLines.Add(new PaaLine { Id = "L-late", CodigoEntidad = "7", Annio = 2026, VersionDelPaa = 2, Descripcion = "Llegó después", Source = "demo" });
            await db.SaveChangesAsync();
        }
        var cached = await snapshot.GetAsync();
        await notifier.NotifyAsync();
        var rebuilt = await snapshot.GetAsync();

        Assert.Same(first, cached);
        Assert.Equal(6, cached.Count);
        Assert.Contains(rebuilt, o => o.Id == "L-late");
    }

    internal static async Task SeedAsync(TestDb testDb)
    {
        await using var db = testDb.CreateDbContext();
        await db.Database.MigrateAsync();
        PaaLine Line(string id, int year, int version, string description, string? refs, string modality = "Mínima cuantía", int month = 3) => new()
        {
            Id = id, CodigoEntidad = "7", Annio = year, VersionDelPaa = version, Descripcion = description, ProcesosRelacionados = refs,
            Modalidad = modality, MesEsperadoInicio = month, CategoriasUnspsc = ";50401500;", Source = "demo",
            Fingerprint = Features.Sync.PaaLinesDataset.Fingerprint(description, ["50401500"], modality, month),
        };
        db.PaaLines.AddRange(
            Line("V1-req", 2026, 1, "Compra de plátano", "CO1.REQ.1"), Line("V1-bdos", 2026, 1, "Compra de huevos", null),
            Line("V1-ntc", 2026, 1, "Compra de café", null), Line("V1-two", 2026, 1, "Dos procesos", null),
            Line("L-req", 2026, 2, "Compra de plátano", "CO1.REQ.1"),
            Line("L-bdos", 2026, 2, "Compra de huevos", "https://community.secop.gov.co/x?id=CO1.BDOS.20"),
            Line("L-ntc", 2026, 2, "Compra de café", "No Definido"),
            Line("L-two", 2026, 2, "Dos procesos", "CO1.REQ.1; co1.bdos.20"),
            Line("L-none", 2026, 2, "Compra nueva de aguacate", null),
            Line("L-next", 2027, 1, "Plan del próximo año", null),
            Line("L-old", 2025, 4, "Plan del año pasado", "CO1.REQ.1"));
        db.PaaLines.Local.Single(l => l.Id == "L-ntc").UrlProceso = "https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID=CO1.NTC.30";
        db.PaaVigentes.AddRange(
            new PaaVigente { CodigoEntidad = "7", Annio = 2026, Version = 2, VersionAnterior = 1 },
            new PaaVigente { CodigoEntidad = "7", Annio = 2027, Version = 1 },
            new PaaVigente { CodigoEntidad = "7", Annio = 2025, Version = 4 });
        db.Procesos.AddRange(
            new Proceso { IdDelProceso = "CO1.REQ.1", IdDelPortafolio = "CO1.BDOS.10", NoticeUid = "CO1.NTC.10", NitEntidad = "891380007", Modalidad = "Mínima cuantía",
                EstadoDelProcedimiento = "Seleccionado", NombreUnidad = "Secretaría de Educación", FechaPublicacion = new(2026, 3, 1), Source = "demo" },
            new Proceso { IdDelProceso = "CO1.REQ.2", IdDelPortafolio = "CO1.BDOS.20", NitEntidad = "891380007", Modalidad = "Selección Abreviada de Menor Cuantía",
                EstadoDelProcedimiento = "Publicado", FechaRecepcion = new(2026, 12, 1), FechaPublicacion = new(2026, 11, 1), Source = "demo" },
            new Proceso { IdDelProceso = "CO1.REQ.3", IdDelPortafolio = "CO1.BDOS.30", NoticeUid = "CO1.NTC.30", NitEntidad = "891380007", Source = "demo" });
        db.Contratos.AddRange(
            new Contrato { IdContrato = "CO1.PCCNTR.1", ProcesoDeCompra = "CO1.BDOS.10", EstadoContrato = "En ejecución", NitEntidad = "891380007", Source = "demo" },
            new Contrato { IdContrato = "CO1.PCCNTR.3", ProcesoDeCompra = "CO1.BDOS.999", NoticeUid = "CO1.NTC.30", EstadoContrato = "terminado", NitEntidad = "891380007", Source = "demo" });
        await db.SaveChangesAsync();
    }
}
