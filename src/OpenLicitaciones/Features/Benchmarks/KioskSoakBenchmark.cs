using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Benchmarks;

/// <summary>
/// `OpenLicitaciones benchmark kiosco [--minutos 10] [--vertical]`: the kiosk through a long stretch of the Feria (issue 13).
/// The app runs in this process over demo data with the kiosk on; the browser driver (benchmarks/CircuitLoad) keeps
/// /kiosco open on a touch screen, its carousel turning and a visitor now and then. Server RSS, and the page's JS heap,
/// DOM nodes and listeners are taken after the carousel's first loop and at the end: stable means within 10 %.
/// </summary>
public static class KioskSoakBenchmark
{
    public const double Tolerance = 0.10;

    public sealed record Medida(string Nombre, double PrimeraVuelta, double Final, string Unidad)
    {
        public double Cambio => PrimeraVuelta == 0 ? 0 : Final / PrimeraVuelta - 1;

        public bool Estable => Final <= PrimeraVuelta * (1 + Tolerance);
    }

    public static Command Create()
    {
        var minutes = Cli.Number("--minutos", 10, 1, "Minutos que el kiosco queda abierto.");
        var portrait = new Option<bool>("--vertical") { Description = "Pantalla vertical de 1080×1920 (tótem) en lugar de 1920×1080." };
        var command = new Command("kiosco", "El kiosco abierto durante un rato con su carrusel y visitantes: memoria del servidor y de la página, nodos del DOM y errores de consola.")
        {
            minutes, portrait,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(minutes), parse.GetValue(portrait), parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error, ct));
        return command;
    }

    private static async Task<int> RunAsync(int minutes, bool portrait, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var scratch = await BenchmarkDatabase.CreateAsync(DatabaseProvider.Sqlite, null, ct);
        if (await SyncCommand.RunAsync(["--database", scratch.File!, "--source", "demo"], TextWriter.Null, error, ct) != 0) return 1;
        try
        {
            var log = TextWriter.Synchronized(output);
            var driver = await CircuitLoadDriver.LocateAsync(log, ct);
            // A visitor's choices are cleared after 20 s without a touch, so that each visit ends within the run.
            await using var server = await CircuitsBenchmark.StartServerAsync(scratch.Settings, ct,
                "--Kiosco:Habilitado=true", "--Kiosco:SegundosInactividad=20", "--Site:PublicBaseUrl=https://licitaciones.palmira.gov.co");
            await using var browser = CircuitLoadDriver.StartKiosk(driver, server.BaseUrl, TimeSpan.FromMinutes(minutes), portrait, log);
            var first = await browser.WaitForAsync("primera-vuelta", TimeSpan.FromMinutes(12), ct);
            var rssFirst = ServerRss();
            await browser.SignalAsync();
            var end = await browser.WaitForAsync("fin", TimeSpan.FromMinutes(minutes + 15), ct);
            var rssEnd = ServerRss();
            await browser.SignalAsync();
            await browser.WaitForExitAsync(ct);

            double Metric(JsonElement phase, string name) => phase.GetProperty("metricas").TryGetProperty(name, out var v) ? v.GetDouble() : 0;
            Medida[] medidas =
            [
                new("Memoria del servidor (RSS)", rssFirst / 1048576.0, rssEnd / 1048576.0, "MB"),
                new("Montón JS de la página", Metric(first, "JSHeapUsedSize") / 1048576.0, Metric(end, "JSHeapUsedSize") / 1048576.0, "MB"),
                new("Nodos del DOM", Metric(first, "Nodes"), Metric(end, "Nodes"), ""),
                new("Escuchas de eventos", Metric(first, "JSEventListeners"), Metric(end, "JSEventListeners"), ""),
            ];
            var samples = end.GetProperty("muestrasErrores").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
            await WriteAsync(log, minutes, portrait, first.GetProperty("diapositivas").GetInt32(), end.GetProperty("visitas").GetInt32(),
                end.GetProperty("visitasFallidas").GetInt32(), end.GetProperty("erroresConsola").GetInt32(), samples, medidas);
            return medidas.All(m => m.Estable) && end.GetProperty("erroresConsola").GetInt32() == 0 ? 0 : 1;
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"Error: {e.Message}");
            return 1;
        }
    }

    /// <summary>This process's resident set (the server's: the browser is another process), from /proc when there is one.</summary>
    private static long ServerRss()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status) && File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) is { } line)
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return Environment.WorkingSet;
    }

    public static async Task WriteAsync(TextWriter output, int minutes, bool portrait, int slides, int visits, int failedVisits, int consoleErrors,
        IReadOnlyList<string> errorSamples, IReadOnlyList<Medida> medidas)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("es-CO"); // this flow only: the table reads in Colombian Spanish wherever it runs
        await output.WriteLineAsync($"Kiosco {(portrait ? "1080×1920" : "1920×1080")} durante {minutes} min: carrusel de {slides} diapositivas, {visits} visitas ({failedVisits} fallidas)");
        await output.WriteLineAsync($"  {"medida",-28} {"1.ª vuelta",12} {"final",12} {"cambio",9}  estable (≤ +{Tolerance:P0})");
        foreach (var m in medidas)
            await output.WriteLineAsync($"  {m.Nombre,-28} {m.PrimeraVuelta,9:N1} {m.Unidad,-2} {m.Final,9:N1} {m.Unidad,-2} {m.Cambio,9:+0.0 %;-0.0 %;0.0 %}  {(m.Estable ? "sí" : "NO")}");
        await output.WriteLineAsync($"  Errores de consola: {consoleErrors}");
        foreach (var sample in errorSamples) await output.WriteLineAsync($"    {sample}");
        var ok = medidas.All(m => m.Estable) && consoleErrors == 0;
        await output.WriteLineAsync($"  Resultado: {(ok ? "estable, sin errores de consola" : "NO estable o con errores de consola")}");
    }
}
