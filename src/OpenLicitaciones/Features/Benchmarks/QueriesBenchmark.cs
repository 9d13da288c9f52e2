using System.CommandLine;
using System.Globalization;
using OpenLicitaciones.Components;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Benchmarks;

/// <summary>
/// `OpenLicitaciones benchmark consultas --provider … --connection …`: each module's main views as the server answers
/// them, beside hand-written SQL answering the same question, on an existing database. The scale benchmark runs the
/// same measurement on the database it has just loaded.
/// </summary>
public static class QueriesBenchmark
{
    /// <summary>A main view's server-side time beside the hand-written SQL answering the same question.</summary>
    public sealed record QueryReport(string View, string Query, int Rows, double AppP50Ms, double AppP95Ms, double SqlP50Ms, double SqlP95Ms)
    {
        public double RatioP95 => ScaleBenchmark.Ratio(AppP95Ms, SqlP95Ms);
    }

    public static Command Create()
    {
        var provider = ScaleBenchmark.ProviderOption();
        var connection = Cli.Text("--connection", "cadena", "Cadena de conexión de la base ya cargada (SQLite: Data Source=archivo.db).");
        var command = new Command("consultas",
            "Mide las vistas principales de cada módulo sobre una base ya cargada, frente a SQL escrito a mano que responde lo mismo.")
        {
            provider, connection,
        };
        Cli.Require(command, connection);
        command.SetAction(async (parse, ct) =>
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("es-CO");
            var settings = new DatabaseSettings(DatabaseSettings.ParseProvider(parse.GetValue(provider)), parse.GetValue(connection)!);
            await WriteAsync(parse.InvocationConfiguration.Output, await MeasureAsync(settings, ColombiaTime.Now(TimeProvider.System), ct));
            return 0;
        });
        return command;
    }

    public const int QueryRuns = 30;
    private static readonly TimeSpan QueryBudget = TimeSpan.FromSeconds(20);

    public static async Task<IReadOnlyList<QueryReport>> MeasureAsync(DatabaseSettings database, DateTime today, CancellationToken ct)
    {
        // The app's own services over the benchmark's database, not started: no server, no schedule, no first load.
        var app = AppComposition.CreateBuilder(BenchmarkDatabase.AppArguments(database)).Build();
        await using (app)
        {
            var reports = new List<QueryReport>();
            foreach (var view in MainViews.Create(app.Services, database, today))
            {
                var ours = await Benchmark.MeasureAsync(view.Query, QueryRuns, view.App, ct, QueryBudget);
                var sql = await Benchmark.MeasureAsync(view.Query, QueryRuns, view.Sql, ct, QueryBudget);
                reports.Add(new QueryReport(view.Name, view.Query, ours.Rows, ours.P50Ms, ours.P95Ms, sql.P50Ms, sql.P95Ms));
            }
            return reports;
        }
    }

    public static async Task WriteAsync(TextWriter output, IReadOnlyList<QueryReport> queries)
    {
        await output.WriteLineAsync($"Vistas principales, trabajo del servidor (hasta {QueryRuns} corridas en caliente, al menos {Benchmark.MinimumRuns}, unos {QueryBudget.TotalSeconds:N0} s por consulta) frente a SQL escrito a mano:");
        foreach (var q in queries)
            await output.WriteLineAsync($"  {q.View,-62} p50 {q.AppP50Ms,7:N1} ms  p95 {q.AppP95Ms,7:N1} ms │ SQL p50 {q.SqlP50Ms,7:N1} ms  p95 {q.SqlP95Ms,7:N1} ms │ razón p95 {q.RatioP95,5:N2} │ {q.Rows,7:N0} filas");
        await output.WriteLineAsync($"  Peor p95: {queries.Max(q => q.AppP95Ms):N1} ms (meta: < 100 ms por entidad, < 500 ms por departamento; razón ≤ 3)");
    }
}
