using System.Diagnostics;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OpenLicitaciones.Components;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Api;
using OpenLicitaciones.Features.Benchmarks;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Monitor;

/// <summary>
/// `OpenLicitaciones benchmark monitor [--suppliers 20000] [--bids 200000] [--runs 30]`: synthetic suppliers, competitive
/// processes with their bids, and contracts; then the server-side work of the supplier table and the red flags.
/// </summary>
public static class MonitorBenchmark
{
    public static readonly string[] Queries =
    [
        "", "mujer=si", "nuevo=true", "pyme=true&local=true", "q=comercializadora", "orden=-valorContratado",
        "modalidad=minima-cuantia&orden=tasaExito", "desde={y0}&hasta={y0}",
    ];

    // A quarter of the synthetic suppliers are located where the entity is.
    private const string LocalMunicipio = "Municipio de la entidad";

    public static Command Create(TimeProvider? time = null)
    {
        var suppliers = Cli.Number("--suppliers", 20_000, 10, "Proveedores sintéticos.");
        var bids = Cli.Number("--bids", 200_000, 10, "Ofertas sintéticas, unas diez por proceso competitivo.");
        var runs = Cli.Number("--runs", 30, 1, "Corridas en caliente por consulta.");
        var command = new Command("monitor", "Tabla de proveedores y alertas del Monitor: llena una base temporal y mide las consultas típicas.")
        {
            suppliers, bids, runs,
        };
        command.SetAction(parse => RunAsync(parse.GetValue(suppliers), parse.GetValue(bids), parse.GetValue(runs), parse.InvocationConfiguration.Output, time ?? TimeProvider.System));
        return command;
    }

    /// <summary>The command as `OpenLicitaciones benchmark monitor …` runs it: <paramref name="args"/> come after "monitor".</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null) =>
        Cli.InvokeAsync(new System.CommandLine.RootCommand { new Command("benchmark") { Create(time) } }, ["benchmark", "monitor", .. args], output, error);

    private static async Task<int> RunAsync(int suppliers, int bids, int runs, TextWriter output, TimeProvider time)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("es-CO"); // the report reads in Colombian Spanish wherever it runs
        await using var scratch = await BenchmarkDatabase.CreateAsync(DatabaseProvider.Sqlite, null, CancellationToken.None);
        var year = ColombiaTime.Now(time).Year;
        var clock = Stopwatch.StartNew();
        var (processes, contracts) = await SeedAsync(scratch, suppliers, bids, year);
        await output.WriteLineAsync($"Datos sintéticos: {suppliers:N0} proveedores, {bids:N0} ofertas en {processes:N0} procesos, {contracts:N0} contratos, en {clock.Elapsed.TotalSeconds:F1} s");

        var modalidades = Modalidades.Load(Path.Combine(AppContext.BaseDirectory, "data", "modalidades.csv"));
        var options = new MonitorOptions { Municipios = [LocalMunicipio] };
        // The service the endpoint calls, with its caches: the build happens on the first read, as in the server.
        var snapshot = new MonitorSnapshot(scratch, new DataChangedNotifier(), modalidades);
        clock.Restart();
        var data = await snapshot.GetAsync();
        await output.WriteLineAsync($"Construcción de la vista en memoria (tras cada sincronización): {clock.ElapsedMilliseconds} ms para {data.Proveedores.Count:N0} proveedores");

        int Request(IReadOnlyDictionary<string, string?> values)
        {
            var filter = MonitorFilter.Parse(QueryReader.From(values), modalidades, year);
            var items = MonitorQuery.Items(snapshot.GetAsync().GetAwaiter().GetResult(), filter, options);
            var page = items.Take(ListRequest.DefaultPageSize).ToList();
            _ = JsonSerializer.SerializeToUtf8Bytes(new ListResponse<MonitorItem>(items.Count, 1, ListRequest.DefaultPageSize, page, null), ApiList.Json);
            return items.Count;
        }

        clock.Restart();
        var coldRows = Request(new Dictionary<string, string?>());
        await output.WriteLineAsync($"Primera petición de la lista sin filtros tras la reconstrucción (calcula la ventana): {clock.Elapsed.TotalMilliseconds:F1} ms, {coldRows:N0} filas");

        var timings = Queries.Select(template =>
        {
            var query = template.Replace("{y0}", (year - 5).ToString(CultureInfo.InvariantCulture));
            var values = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]);
            return Benchmark.Measure(query, runs, () => Request(values));
        }).ToList();
        timings.Add(Benchmark.Measure("(alertas)", runs, () => MonitorAlertas.Calcular(data, year - 5, year, options).Count));
        await Benchmark.WriteAsync(output, timings, runs, "Tabla de proveedores y alertas");
        return 0;
    }

    /// <summary>Competitive processes of about ten bids each over six years; one in three awarded with a contract.</summary>
    private static async Task<(int Processes, int Contracts)> SeedAsync(BenchmarkDatabase scratch, int suppliers, int bids, int year)
    {
        var random = new Random(20_461_020);
        string[] municipios = [LocalMunicipio, "Municipio vecino", "Otro municipio", "Bogotá"];
        string[] modalities = ["Mínima cuantía", "Selección Abreviada de Menor Cuantía", "Licitación pública", "Contratación directa"];
        string[] words = ["Comercializadora", "Soluciones", "Construcciones", "Servicios"];
        await using (var db = scratch.CreateDbContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var s = 0; s < suppliers; s++)
                db.Proveedores.Add(new ProveedorRegistrado
                {
                    Codigo = $"7{s:D8}", Nit = (900_000_000 + s).ToString(CultureInfo.InvariantCulture), Nombre = $"{words[s % 4]} número {s} S.A.S.",
                    Municipio = municipios[s % 4], EsPyme = s % 3 == 0, Source = "benchmark",
                });
            await db.SaveChangesAsync();
        }
        var processes = Math.Max(1, bids / 10);
        var contracts = 0;
        for (var start = 0; start < processes; start += 2_000)
        {
            await using var db = scratch.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var p = start; p < Math.Min(processes, start + 2_000); p++)
            {
                var published = new DateTime(year - 5 + p % 6, 1 + p % 12, 1 + p % 28);
                var modality = modalities[p % 4];
                db.Procesos.Add(new Proceso
                {
                    IdDelProceso = $"CO1.REQ.{p}", IdDelPortafolio = $"CO1.BDOS.{p}", NitEntidad = "891380007", FechaPublicacion = published,
                    FechaRecepcion = published.AddDays(3 + p % 20), Modalidad = modality, EstadoDelProcedimiento = "Adjudicado", Adjudicado = p % 3 == 0,
                    PrecioBase = 10_000_000 + p, RespuestasAlProcedimiento = 10, Source = "benchmark",
                });
                var winner = -1;
                for (var b = 0; b < 10 && p * 10 + b < bids; b++)
                {
                    var s = random.Next(suppliers);
                    if (b == 0) winner = s;
                    db.Proponentes.Add(new Proponente
                    {
                        Id = $"CO1.REQ.{p}|7{s:D8}|{b}", IdProcedimiento = $"CO1.REQ.{p}", CodigoProveedor = $"7{s:D8}", Proveedor = $"{words[s % 4]} número {s} S.A.S.",
                        FechaPublicacion = published, Source = "benchmark",
                    });
                }
                if (p % 3 != 0 || winner < 0) continue;
                contracts++;
                db.Contratos.Add(new Contrato
                {
                    IdContrato = $"CO1.PCCNTR.{p}", ProcesoDeCompra = $"CO1.BDOS.{p}", NitEntidad = "891380007", EstadoContrato = "En ejecución",
                    FechaDeFirma = published.AddDays(30), ValorDelContrato = 9_000_000 + p, CodigoProveedor = $"7{winner:D8}",
                    DocumentoProveedor = (900_000_000 + winner).ToString(CultureInfo.InvariantCulture), ProveedorAdjudicado = $"{words[winner % 4]} número {winner} S.A.S.",
                    GeneroRepresentanteLegal = (p % 5) switch { 0 => "Mujer", 1 => "Hombre", _ => null }, EsPyme = winner % 3 == 0,
                    CodigoCategoriaPrincipal = $"{10 + p % 80}101500", Modalidad = modality, Source = "benchmark",
                });
            }
            await db.SaveChangesAsync();
        }
        return (processes, contracts);
    }
}
