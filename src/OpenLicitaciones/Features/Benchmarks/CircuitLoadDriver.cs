using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Threading.Channels;

namespace OpenLicitaciones.Features.Benchmarks;

/// <summary>
/// The browser driver (benchmarks/CircuitLoad) as a child process. It speaks one JSON object per line on its standard
/// output ("phase": "idle" once the idle pages are up, "done" with its summary after the active phase) and waits for a
/// line on its standard input after each, so the server can be measured between the phases. Its standard error is
/// progress for people, copied to the benchmark's output.
/// </summary>
internal sealed class CircuitLoadDriver : IAsyncDisposable
{
    private const string Nice = "/usr/bin/nice";
    private readonly Process _process;
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private readonly List<string> _errorTail = [];

    private CircuitLoadDriver(Process process) => _process = process;

    /// <summary>The driver built for this configuration beside the app's sources; built with `dotnet build` if missing.</summary>
    public static async Task<string> LocateAsync(TextWriter log, CancellationToken ct)
    {
        var root = RepositoryRoot() ?? throw new InvalidOperationException(
            $"no encuentro OpenLicitaciones.sln por encima de {AppContext.BaseDirectory}: el banco de pruebas de circuitos se corre desde el repositorio.");
        var assembly = typeof(CircuitLoadDriver).Assembly;
        var configuration = assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var framework = new FrameworkName(assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);
        var tfm = $"net{framework.Version.Major}.{framework.Version.Minor}";
        var project = Path.Combine(root, "benchmarks", "CircuitLoad", "CircuitLoad.csproj");
        var dll = Path.Combine(root, "benchmarks", "CircuitLoad", "bin", configuration, tfm, "CircuitLoad.dll");
        if (File.Exists(dll)) return dll;

        await log.WriteLineAsync($"Compilando el conductor del navegador ({project}) …");
        var build = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "build", project, "-c", configuration, "--nologo", "-v", "quiet" }) build.ArgumentList.Add(arg);
        using var process = Process.Start(build)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 || !File.Exists(dll))
            throw new InvalidOperationException($"no se pudo compilar {project}:\n{await stdout}{await stderr}");
        return dll;
    }

    public static CircuitLoadDriver Start(string dll, Uri baseUrl, int active, int idle, TimeSpan duration, TextWriter log) =>
        Launch(dll,
        [
            "--url", baseUrl.ToString(), "--activas", active.ToString(CultureInfo.InvariantCulture), "--inactivas", idle.ToString(CultureInfo.InvariantCulture),
            "--segundos", ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture), "--esperar-senal",
        ], log);

    /// <summary>The driver's `vivo` side of `benchmark vivo`: one page per module, answering each "cambio" with when each showed it.</summary>
    public static CircuitLoadDriver StartLive(string dll, Uri baseUrl, TextWriter log) => Launch(dll, ["vivo", "--url", baseUrl.ToString()], log);

    /// <summary>The driver's `kiosco` side of `benchmark kiosco`: /kiosco on a touch screen for <paramref name="duration"/>.</summary>
    public static CircuitLoadDriver StartKiosk(string dll, Uri baseUrl, TimeSpan duration, bool portrait, TextWriter log) =>
        Launch(dll, ["kiosco", "--url", baseUrl.ToString(), "--segundos", ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
            .. portrait ? new[] { "--vertical" } : []], log);

    private static CircuitLoadDriver Launch(string dll, IEnumerable<string> args, TextWriter log)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // The browser stands in for the visitors' own machines but shares this one's cores: at a lower priority (inherited by
        // its Chromium) it yields them to the server being measured instead of queueing the server behind its rendering.
        if (File.Exists(Nice))
        {
            start.FileName = Nice;
            foreach (var arg in new[] { "-n", "10", DotnetHost() }) start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var driver = new CircuitLoadDriver(new Process { StartInfo = start, EnableRaisingEvents = true });
        driver._process.OutputDataReceived += (_, e) => driver.OnMessage(e.Data);
        driver._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { } line) return;
            lock (driver._errorTail)
            {
                driver._errorTail.Add(line);
                if (driver._errorTail.Count > 20) driver._errorTail.RemoveAt(0);
            }
            log.WriteLine($"  [navegador] {line}");
        };
        driver._process.Start();
        driver._process.BeginOutputReadLine();
        driver._process.BeginErrorReadLine();
        return driver;
    }

    /// <summary>The driver's next message of the given phase; fails if it exits or takes longer than <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> WaitForAsync(string phase, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await foreach (var message in _messages.Reader.ReadAllAsync(limit.Token))
                if (message.TryGetProperty("phase", out var p) && p.GetString() == phase) return message;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new InvalidOperationException($"el conductor del navegador no llegó a la fase '{phase}' en {timeout.TotalSeconds:N0} s.{ErrorTail()}");
        }
        throw new InvalidOperationException($"el conductor del navegador terminó antes de la fase '{phase}'.{ErrorTail()}");
    }

    /// <summary>Lets the driver go on to its next phase (or, for `vivo`, tells it what happened: "cambio", "fin").</summary>
    public async Task SignalAsync(string line = "sigue")
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public async Task WaitForExitAsync(CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(limit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true); // its Chromium too
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void OnMessage(string? line)
    {
        if (line is null)
        {
            _messages.Writer.TryComplete();
            return;
        }
        try
        {
            using var json = JsonDocument.Parse(line);
            _messages.Writer.TryWrite(json.RootElement.Clone());
        }
        catch (JsonException)
        {
            // not a protocol line; the driver writes its progress to standard error
        }
    }

    private string ErrorTail()
    {
        lock (_errorTail) return _errorTail.Count == 0 ? "" : "\n" + string.Join('\n', _errorTail);
    }

    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpenLicitaciones.sln"))) return dir.FullName;
        return null;
    }
}
