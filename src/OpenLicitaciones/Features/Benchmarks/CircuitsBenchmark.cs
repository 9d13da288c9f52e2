using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Features.Benchmarks;

/// <summary>
/// `OpenLicitaciones benchmark circuitos [--activas 20] [--inactivas 100] [--segundos 60]`: real Blazor Server circuits
/// against the app hosted in this process on a loopback port. A separate program (benchmarks/CircuitLoad, Playwright and
/// Debian's Chromium, so neither ships with the app) holds idle pages open, then drives the active pages' visits and
/// filter changes; this side measures what the server pays: managed heap per idle circuit, CPU, and each interaction's
/// time from its dispatch on the circuit until its render batch is sent.
/// </summary>
public static class CircuitsBenchmark
{
    public const int MaxActivePages = 20;
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-CO");

    public static Command Create()
    {
        var active = Cli.Number("--activas", MaxActivePages, 1, $"Páginas que visitan y filtran durante la fase activa (hasta {MaxActivePages}).");
        active.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, CultureInfo.InvariantCulture, out var n) && n > MaxActivePages)
                r.AddError($"--activas debe ser como mucho {MaxActivePages}, no {n}");
        });
        var idle = Cli.Number("--inactivas", 100, 0, "Circuitos abiertos sin actividad mientras tanto.");
        var seconds = Cli.Number("--segundos", 60, 5, "Duración de la fase activa, en segundos.");
        var command = new Command("circuitos",
            "Circuitos reales de Blazor Server sobre datos de demostración: memoria por circuito inactivo, CPU y latencia de cada interacción en el servidor.")
        {
            active, idle, seconds,
        };
        command.SetAction((parse, ct) => RunCommandAsync(parse.GetValue(active), parse.GetValue(idle), TimeSpan.FromSeconds(parse.GetValue(seconds)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    private static async Task<int> RunCommandAsync(int active, int idle, TimeSpan duration, TextWriter output, TextWriter error, CancellationToken ct)
    {
        CultureInfo.CurrentCulture = Spanish;
        await using var scratch = await BenchmarkDatabase.CreateAsync(DatabaseProvider.Sqlite, null, ct);
        var clock = Stopwatch.StartNew();
        // The demo source through the real sync, as `sync --database <file>` fills a new installation.
        if (await SyncCommand.RunAsync(["--database", scratch.File!, "--source", "demo"], TextWriter.Null, error, ct) != 0) return 1;
        await output.WriteLineAsync($"Datos de demostración en una base SQLite temporal, en {clock.Elapsed.TotalSeconds:N1} s");
        try
        {
            await RunAsync(scratch.Settings, active, idle, duration, output, ct);
            return 0;
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"Error: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Hosts the app over <paramref name="database"/> (already filled), holds <paramref name="idleCircuits"/> idle circuits,
    /// runs <paramref name="activePages"/> scripted visitors for <paramref name="duration"/>, prints a Spanish table to
    /// <paramref name="output"/> and returns the numbers.
    /// </summary>
    public static async Task<CircuitsReport> RunAsync(DatabaseSettings database, int activePages, int idleCircuits, TimeSpan duration,
        TextWriter output, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(activePages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(activePages, MaxActivePages);
        ArgumentOutOfRangeException.ThrowIfNegative(idleCircuits);
        var log = TextWriter.Synchronized(output);
        var driver = await CircuitLoadDriver.LocateAsync(log, ct);

        await using var server = await StartServerAsync(database, ct);
        await WarmUpAsync(server.BaseUrl, ct);
        var heapBase = ManagedHeapAfterFullGc();
        var rssBase = Environment.WorkingSet;

        await using var load = CircuitLoadDriver.Start(driver, server.BaseUrl, activePages, idleCircuits, duration, log);
        var idleReady = await load.WaitForAsync("idle", TimeSpan.FromSeconds(120 + 10 * idleCircuits), ct);
        var openAtMeasure = server.Timings.OpenCircuits;
        var heapIdle = ManagedHeapAfterFullGc();
        var rssIdle = Environment.WorkingSet;

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var machineBefore = MachineCpu.Read();
        var wall = Stopwatch.StartNew();
        server.Timings.StartRecording();
        await load.SignalAsync();
        var done = await load.WaitForAsync("done", duration + TimeSpan.FromMinutes(3), ct);
        var samples = server.Timings.StopRecording();
        wall.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var machine = MachineCpu.CoresUsed(machineBefore, MachineCpu.Read());
        var openAtEnd = server.Timings.OpenCircuits;
        await load.SignalAsync(); // the driver closes its browser and exits
        await load.WaitForExitAsync(ct);

        var (interaction, events, navigations, starts, other) = CircuitsReport.Split(samples);
        var report = new CircuitsReport(activePages, idleCircuits, idleReady.GetProperty("idleHeld").GetInt32(), openAtMeasure, openAtEnd,
            wall.Elapsed.TotalSeconds, done.GetProperty("interactions").GetInt32(), done.GetProperty("errors").GetInt32(),
            done.GetProperty("errorSamples").EnumerateArray().Select(e => e.GetString() ?? "").ToList(),
            heapBase, heapIdle, rssBase, rssIdle, cpu, machine, interaction, events, navigations, starts, other);
        await WriteAsync(log, report);
        return report;
    }

    /// <summary>The app through its composition root on a free loopback port, with the circuit timings registered.</summary>
    public static async Task<CircuitsServer> StartServerAsync(DatabaseSettings database, CancellationToken ct, params string[] settings)
    {
        // Settings as command-line arguments: AddData reads them while the builder is created.
        var builder = AppComposition.CreateBuilder(["--urls=http://127.0.0.1:0", .. BenchmarkDatabase.AppArguments(database), .. settings]);
        builder.Services.AddCircuitTimings();
        var app = builder.Build();
        try
        {
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
            await app.Services.InitializeDatabaseAsync(ct);
            app.MapEverything();
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CircuitsServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>The managed heap after two forced, blocking, compacting full collections with finalizers run.</summary>
    public static long ManagedHeapAfterFullGc()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    // Each view builds its in-memory snapshot on first use: build them before the baseline, or the first circuit pays for them.
    private static async Task WarmUpAsync(Uri baseUrl, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        foreach (var path in new[] { "/", "/licitaciones", "/proveedores", "/licitaciones?pae=true&orden=-valor", "/proveedores?orden=valorContratado" })
        {
            using var response = await client.GetAsync(path, ct);
            response.EnsureSuccessStatusCode();
        }
    }

    public static async Task WriteAsync(TextWriter output, CircuitsReport r)
    {
        CultureInfo.CurrentCulture = Spanish; // this flow only: the table reads in Colombian Spanish wherever it runs
        static string Mb(double bytes) => (bytes / CircuitsExtrapolation.BytesPerMb).ToString("N1");
        static string Row(string name, Latency l) => $"  {name,-38} {l.Count,7:N0} {l.P50Ms,9:N1} {l.P95Ms,9:N1} {l.MaxMs,9:N1}";
        var at = r.At(CircuitsReport.ReferenceCircuits);
        string[] lines =
        [
            $"Circuitos de Blazor Server: {r.IdleHeld:N0} inactivos sostenidos (de {r.IdleRequested:N0} pedidos; el servidor contaba {r.OpenAtMeasure:N0} abiertos) y {r.ActivePages} páginas activas durante {r.ActiveSeconds:N0} s",
            $"  Páginas activas: {r.Interactions:N0} acciones de visitante, {r.Errors:N0} errores; circuitos abiertos al final de la fase activa: {r.OpenAtEnd:N0} (de {r.IdleHeld + r.ActivePages:N0})",
            .. r.ErrorSamples.Select(e => $"    error: {e}"),
            "Latencia en el servidor, del despacho en el circuito al lote de render enviado (ms):",
            $"  {"tipo",-38} {"n",7} {"p50",9} {"p95",9} {"máx",9}",
            Row("interacción (eventos + navegación)", r.Interaction),
            Row("  eventos del navegador", r.Events),
            Row("  navegación (enlace o filtro en URL)", r.Navigations),
            Row("apertura de circuito (primer render)", r.Starts),
            Row("otras (acuses de render, interop JS)", r.Other),
            $"  Meta: p95 de interacción < 250 ms con los circuitos sostenidos: {r.Interaction.P95Ms:N1} ms, {(r.Interaction.P95Ms < 250 ? "cumple" : "NO cumple")}",
            $"Memoria administrada tras GC completo forzado: {Mb(r.HeapBaseBytes)} MB sin circuitos, {Mb(r.HeapIdleBytes)} MB con {r.OpenAtMeasure:N0}",
            $"  Por circuito inactivo: ({Mb(r.HeapIdleBytes)} − {Mb(r.HeapBaseBytes)}) MB ÷ {r.OpenAtMeasure:N0} = {r.BytesPerCircuit / 1024:N1} KB (meta: < 1 MB, {(r.BytesPerCircuit < CircuitsExtrapolation.BytesPerMb ? "cumple" : "NO cumple")})",
            $"  Memoria del proceso (RSS): {Mb(r.RssBaseBytes)} MB sin circuitos, {Mb(r.RssIdleBytes)} MB con ellos",
            $"CPU del servidor en la fase activa: {r.ServerCores:N2} núcleos ({r.CoresPerActivePage:N3} por página activa)" +
                (r.MachineCores is { } m ? $"; la máquina entera, navegador incluido: {m:N2} de {Environment.ProcessorCount} núcleos" : ""),
            $"Extrapolación a {at.Circuits} circuitos: memoria administrada = base + {at.Circuits} × por circuito = {at.MemoryArithmetic}",
            $"  CPU si los {at.Circuits} estuvieran tan activos como las páginas activas: {at.CpuArithmetic}",
        ];
        foreach (var line in lines) await output.WriteLineAsync(line);
    }
}

/// <summary>The app hosted by the benchmark; stopping it closes every circuit.</summary>
public sealed class CircuitsServer(WebApplication app, Uri baseUrl) : IAsyncDisposable
{
    public Uri BaseUrl { get; } = baseUrl;

    public CircuitTimings Timings { get; } = app.Services.GetRequiredService<CircuitTimings>();

    public IServiceProvider Services => app.Services;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}

/// <summary>The whole machine's busy processor time, from /proc/stat (Linux only): the browser shares the cores with the server.</summary>
internal static class MachineCpu
{
    public static (long Busy, long Total)? Read()
    {
        if (!File.Exists("/proc/stat")) return null;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum(); // user nice system idle iowait irq softirq steal
        return (total - fields[3] - fields[4], total);
    }

    public static double? CoresUsed((long Busy, long Total)? before, (long Busy, long Total)? after) =>
        before is { } b && after is { } a && a.Total > b.Total ? (double)(a.Busy - b.Busy) / (a.Total - b.Total) * Environment.ProcessorCount : null;
}
