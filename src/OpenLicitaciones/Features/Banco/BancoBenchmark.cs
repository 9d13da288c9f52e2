using System.Diagnostics;
using System.Globalization;
using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Components;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Api;
using OpenLicitaciones.Features.Benchmarks;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Banco;

/// <summary>
/// `OpenLicitaciones benchmark banco [--lines 50000] [--runs 50]`: fills a scratch database with synthetic plan lines,
/// processes and contracts, builds the Banco snapshot, then times the server-side work of the filtered list (parse the
/// filter, filter and order every line, map and serialise the first page) for typical queries over warm runs.
/// </summary>
public static class BancoBenchmark
{
    public static readonly string[] Queries =
    [
        "", "pae=true", "q=huevo", "familia=5040", "mesDesde={y}-03&mesHasta={y}-06", "accesible=true&orden=-valor",
        "estado=publicado", "modalidad=licitacion-publica&valorMin=100000000", "q=servicios&pae=false&orden=estado",
        "pae=true&accesible=true&mesDesde={y}-01&mesHasta={y}-12&orden=-valor",
    ];

    public static Command Create(TimeProvider? time = null)
    {
        var lines = Cli.Number("--lines", 50_000, 1, "Líneas del PAA sintéticas (con sus procesos y contratos).");
        var runs = Cli.Number("--runs", 50, 1, "Corridas en caliente por consulta.");
        var command = new Command("banco", "Lista filtrada del Banco de Licitaciones: llena una base temporal y mide las consultas típicas.") { lines, runs };
        command.SetAction(parse => RunAsync(parse.GetValue(lines), parse.GetValue(runs), parse.InvocationConfiguration.Output, time ?? TimeProvider.System));
        return command;
    }

    /// <summary>The command as `OpenLicitaciones benchmark banco …` runs it: <paramref name="args"/> come after "banco".</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null) =>
        Cli.InvokeAsync(new System.CommandLine.RootCommand { new Command("benchmark") { Create(time) } }, ["benchmark", "banco", .. args], output, error);

    private static async Task<int> RunAsync(int lines, int runs, TextWriter output, TimeProvider time)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("es-CO"); // the report reads in Colombian Spanish wherever it runs
        await using var factory = await BenchmarkDatabase.CreateAsync(DatabaseProvider.Sqlite, null, CancellationToken.None);
        var now = new DateTime(ColombiaTime.Now(time).Year, 6, 15);
        var clock = Stopwatch.StartNew();
        await SeedAsync(factory, lines, now.Year);
        await output.WriteLineAsync($"Datos sintéticos: {lines:N0} líneas del PAA, con procesos y contratos, en {clock.Elapsed.TotalSeconds:F1} s");

        var modalidades = Modalidades.Load(Path.Combine(AppContext.BaseDirectory, "data", "modalidades.csv"));
        var familias = UnspscFamilias.Load(Path.Combine(AppContext.BaseDirectory, "data", "unspsc_familias_es.csv"));
        clock.Restart();
        var snapshot = await BancoSnapshot.BuildAsync(factory, modalidades, [now.Year, now.Year + 1], CancellationToken.None);
        await output.WriteLineAsync($"Construcción de la vista en memoria (tras cada sincronización): {clock.ElapsedMilliseconds} ms para {snapshot.Count:N0} oportunidades");

        await Benchmark.WriteAsync(output, Measure(snapshot, modalidades, familias, now, runs), runs, "Lista filtrada del Banco");
        return 0;
    }

    public static IReadOnlyList<Benchmark.Timing> Measure(IReadOnlyList<Oportunidad> snapshot, Modalidades modalidades, UnspscFamilias familias, DateTime now, int runs) =>
        Queries.Select(template =>
        {
            var query = template.Replace("{y}", now.Year.ToString(CultureInfo.InvariantCulture));
            var values = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]);
            return Benchmark.Measure(query, runs, () =>
            {
                var filter = BancoFilter.Parse(QueryReader.From(values), modalidades);
                var found = BancoQuery.Apply(snapshot, filter, now);
                var page = found.Take(ListRequest.DefaultPageSize).Select(r => BancoItem.From(r, familias)).ToList();
                _ = JsonSerializer.SerializeToUtf8Bytes(new ListResponse<BancoItem>(found.Count, 1, ListRequest.DefaultPageSize, page, null), ApiList.Json);
                return found.Count;
            });
        }).ToList();

    /// <summary>Plan lines spread over two years, 40 % linked to a process, half of those contracted.</summary>
    private static async Task SeedAsync(IDbContextFactory<AppDbContext> factory, int count, int year)
    {
        string[] codes = ["50401500", "50131700", "80111600", "72141100", "44121600", "85151600", "90101600", "43211500", "78111800", "50301500"];
        string[] modalities = ["Mínima cuantía", "Contratación directa", "Selección Abreviada de Menor Cuantía", "Licitación pública", "Selección abreviada subasta inversa"];
        string[] words = ["huevo", "plátano", "servicios profesionales", "papelería", "computadores", "transporte escolar", "vía terciaria", "café", "aseo", "eventos"];
        var random = new Random(20_461_020);
        const int batch = 5_000;
        for (var start = 0; start < count; start += batch)
        {
            await using var db = factory.CreateDbContext();
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var annio = i % 5 == 0 ? year + 1 : year;
                var linked = i % 5 is 1 or 2;
                var modality = modalities[random.Next(modalities.Length)];
                var description = $"Adquisición de {words[random.Next(words.Length)]} número {i} para la dependencia {i % 40}";
                db.PaaLines.Add(new PaaLine
                {
                    Id = $"B{i}", CodigoEntidad = "700000001", Annio = annio, VersionDelPaa = 2, Descripcion = description,
                    CategoriasUnspsc = $";{codes[i % codes.Length]};", MesEsperadoInicio = 1 + random.Next(12),
                    ValorTotalEsperado = random.NextInt64(1_000_000, 2_000_000_000), Modalidad = modality,
                    ProcesosRelacionados = linked ? $"CO1.REQ.{i}" : null, Source = "benchmark",
                    Fingerprint = PaaLinesDataset.Fingerprint(description, [codes[i % codes.Length]], modality, 1),
                });
                if (!linked) continue;
                db.Procesos.Add(new Proceso
                {
                    IdDelProceso = $"CO1.REQ.{i}", IdDelPortafolio = $"CO1.BDOS.{i}", NitEntidad = "891380007", Modalidad = modality,
                    EstadoDelProcedimiento = i % 2 == 0 ? "Publicado" : "Adjudicado", Adjudicado = i % 2 == 1,
                    FechaPublicacion = new DateTime(year, 1 + i % 12, 1), FechaRecepcion = new DateTime(year, 1 + i % 12, 15),
                    NombreUnidad = $"Secretaría {i % 12}", Source = "benchmark",
                });
                if (i % 2 == 1)
                    db.Contratos.Add(new Contrato
                    {
                        IdContrato = $"CO1.PCCNTR.{i}", ProcesoDeCompra = $"CO1.BDOS.{i}", NitEntidad = "891380007", EstadoContrato = "En ejecución",
                        ValorDelContrato = random.NextInt64(1_000_000, 2_000_000_000), ProveedorAdjudicado = $"Proveedor {i % 900}", Source = "benchmark",
                    });
            }
            if (start == 0)
                db.PaaVigentes.AddRange(
                    new PaaVigente { CodigoEntidad = "700000001", Annio = year, Version = 2 },
                    new PaaVigente { CodigoEntidad = "700000001", Annio = year + 1, Version = 2 });
            await db.SaveChangesAsync();
        }
    }
}
