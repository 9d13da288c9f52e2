using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using OpenLicitaciones.Components;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Indicadores;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Productores;

namespace OpenLicitaciones.Features.Benchmarks;

/// <summary>
/// `OpenLicitaciones benchmark vistas --provider … --connection …`: the derived views built over an existing database by
/// the app's own services, in a process that does nothing else, as a server does after starting or after a sync — so
/// its peak resident set is the server's, not the benchmark's. The scale benchmark runs it as a child process.
/// </summary>
public static class ViewsBenchmark
{
    public sealed record Report(double BancoBuildMs, int BancoRows, double MonitorBuildMs, int MonitorSuppliers, double AlertasMs,
        long RetainedBytes, long FragmentedBytes, long PeakRssBytes, bool ServerGc, double CapacidadBuildMs, int CapacidadFamilias,
        double IndicadoresBuildMs, int IndicadoresResultados, double IndicadoresDetalleMs, int IndicadoresDetalleFilas, double IndicadoresModalidadMs,
        long PeakRssMonitorBytes, long PeakRssIndicadoresBytes, long PeakRssPrimerasBytes);

    public static Command Create()
    {
        var provider = ScaleBenchmark.ProviderOption();
        var connection = Cli.Text("--connection", "cadena", "Cadena de conexión de la base ya cargada (SQLite: Data Source=archivo.db).");
        var json = Cli.Text("--json", "archivo", "Dónde escribir el resultado en JSON.");
        var command = new Command("vistas",
            "Construye las vistas derivadas (Banco, Monitor y sus alertas) sobre una base ya cargada, como el servidor, y mide tiempo y memoria.")
        {
            provider, connection, json,
        };
        Cli.Require(command, connection);
        command.SetAction(async (parse, ct) =>
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("es-CO");
            var settings = new DatabaseSettings(DatabaseSettings.ParseProvider(parse.GetValue(provider)), parse.GetValue(connection)!);
            var report = await MeasureAsync(settings, ct);
            await WriteAsync(parse.InvocationConfiguration.Output, report);
            if (parse.GetValue(json) is { } path) await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report), ct);
            return 0;
        });
        return command;
    }

    public static async Task<Report> MeasureAsync(DatabaseSettings settings, CancellationToken ct)
    {
        await using var app = AppComposition.CreateBuilder(BenchmarkDatabase.AppArguments(settings)).Build();
        var before = ProcessMemory.ManagedAfterFullCollection();
        // All at once, as after a sync: the change notice starts every view's rebuild together.
        var clock = Stopwatch.StartNew();
        var bancoTask = Timed(app.Services.GetRequiredService<BancoSnapshot>().GetAsync(ct), clock);
        var monitorTask = Timed(app.Services.GetRequiredService<MonitorSnapshot>().GetAsync(ct), clock);
        var capacidadTask = Timed(app.Services.GetRequiredService<CapacidadSnapshot>().GetAsync(ct), clock);
        // The indicators are built from the Monitor's histories: ready after them.
        var indicadoresTask = Timed(app.Services.GetRequiredService<IndicadoresSnapshot>().GetAsync(ct), clock);
        var (banco, bancoMs) = await bancoTask;
        var (monitor, monitorMs) = await monitorTask;
        // The peak so far, once the Monitor is ready (the Indicadores build from it, after): which build sets the peak.
        var peakMonitor = ProcessMemory.PeakRss();
        var (capacidad, capacidadMs) = await capacidadTask;
        var (indicadores, indicadoresMs) = await indicadoresTask;
        var peakIndicadores = ProcessMemory.PeakRss();
        // The alerts of the Monitor's default window, as the first request after a sync gets them.
        var year = ColombiaTime.Now(TimeProvider.System).Year;
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MonitorOptions>>().Value;
        clock.Restart();
        var alertas = monitor.Alertas(year - (MonitorFilter.Years - 1), year, options);
        var alertasMs = clock.Elapsed.TotalMilliseconds;
        // The rows behind G1 last year and the modality comparison, as the first request after a rebuild computes them.
        clock.Restart();
        var detalle = indicadores.Detalle("g1", new Periodo(year - 1));
        var detalleMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var modalidades = indicadores.Modalidades(new Periodo(year - 1));
        var modalidadMs = clock.Elapsed.TotalMilliseconds;
        // Before the full collection below, which is the benchmark's (to weigh what the views keep), not the server's.
        var peakPrimeras = ProcessMemory.PeakRss();
        var retained = ProcessMemory.ManagedAfterFullCollection() - before;
        // Free space the last full collection could not compact away (pinned buffers keep it), counted in the heap size.
        var fragmented = GC.GetGCMemoryInfo(GCKind.FullBlocking).FragmentedBytes;
        GC.KeepAlive(banco);
        GC.KeepAlive(alertas);
        GC.KeepAlive(capacidad);
        GC.KeepAlive(indicadores);
        GC.KeepAlive(modalidades);
        return new Report(bancoMs, banco.Count, monitorMs, monitor.Proveedores.Count, alertasMs, retained, fragmented, ProcessMemory.PeakRss(), GCSettings.IsServerGC,
            capacidadMs, capacidad.Familias.Count, indicadoresMs, indicadores.Resultados(false).Count + indicadores.Resultados(true).Count,
            detalleMs, detalle.Count, modalidadMs, peakMonitor, peakIndicadores, peakPrimeras);
    }

    private static async Task<(T, double)> Timed<T>(Task<T> task, Stopwatch clock) => (await task, clock.Elapsed.TotalMilliseconds);

    /// <summary>Runs `benchmark vistas` in a new process of this same program and reads its report.</summary>
    public static async Task<Report> RunChildAsync(DatabaseSettings settings, CancellationToken ct)
    {
        var json = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
            // Under the `dotnet` host (`dotnet OpenLicitaciones.dll`, or a test run) the program is this assembly.
            var program = typeof(ViewsBenchmark).Assembly.Location;
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) != Path.GetFileNameWithoutExtension(program)) start.ArgumentList.Add(program);
            foreach (var arg in new[] { "benchmark", "vistas", "--provider", settings.Provider.ToString().ToLowerInvariant(), "--connection", settings.ConnectionString, "--json", json })
                start.ArgumentList.Add(arg);
            using var child = Process.Start(start)!;
            var stdout = child.StandardOutput.ReadToEndAsync(ct);
            var stderr = child.StandardError.ReadToEndAsync(ct);
            await child.WaitForExitAsync(ct);
            if (child.ExitCode != 0)
                throw new InvalidOperationException($"benchmark vistas terminó con código {child.ExitCode}: {await stderr}{await stdout}");
            return JsonSerializer.Deserialize<Report>(await File.ReadAllTextAsync(json, ct))!;
        }
        finally
        {
            File.Delete(json);
        }
    }

    public static async Task WriteAsync(TextWriter output, Report v)
    {
        await output.WriteLineAsync($"Vistas derivadas, construidas a la vez: Banco lista a los {v.BancoBuildMs:N0} ms ({v.BancoRows:N0} oportunidades), Monitor a los {v.MonitorBuildMs:N0} ms ({v.MonitorSuppliers:N0} proveedores, con la lista y las alertas de la ventana por omisión); alertas al pedirlas: {v.AlertasMs:N1} ms; Capacidad productiva a los {v.CapacidadBuildMs:N0} ms ({v.CapacidadFamilias:N0} familias de alimentos); Indicadores a los {v.IndicadoresBuildMs:N0} ms ({v.IndicadoresResultados:N0} cifras por año y trimestre)");
        await output.WriteLineAsync($"  al pedirlos por primera vez: contratos detrás de G1 del año pasado {v.IndicadoresDetalleMs:N0} ms ({v.IndicadoresDetalleFilas:N0} filas), comparación por modalidad {v.IndicadoresModalidadMs:N0} ms");
        await output.WriteLineAsync($"  memoria que conservan: {v.RetainedBytes / 1048576.0:N1} MiB (montículo fragmentado tras la última colección: {v.FragmentedBytes / 1048576.0:N1} MiB); pico de RSS del proceso que las construye: {v.PeakRssBytes / 1048576.0:N0} MiB (al quedar listos el Monitor {v.PeakRssMonitorBytes / 1048576.0:N0} MiB, los Indicadores {v.PeakRssIndicadoresBytes / 1048576.0:N0} MiB, tras las primeras consultas {v.PeakRssPrimerasBytes / 1048576.0:N0} MiB; meta < 2 GiB; GC {(v.ServerGc ? "de servidor" : "de estación")})");
    }
}
