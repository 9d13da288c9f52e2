using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;

namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>
/// The built app's own executable, as a citizen's browser meets it: Production settings, a free loopback port,
/// a fresh database filled by the demo source on first start, no scheduled syncs.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ol-e2e-{Guid.NewGuid():N}.db");
    private readonly IReadOnlyDictionary<string, string> _extra;
    private AppProcess? _app;

    public AppServer() : this(new Dictionary<string, string>())
    {
    }

    /// <summary>A server with settings of its own on top of the usual ones (environment variable names: Section__Key).</summary>
    // Internal: xunit builds a fixture through its one public constructor.
    internal AppServer(IReadOnlyDictionary<string, string> extra) => _extra = extra;

    public const string PublicBaseUrl = "https://licitaciones.palmira.gov.co";

    public Uri BaseUrl => _app?.BaseUrl ?? new Uri("http://127.0.0.1/");

    /// <summary>The server's SQLite file, for tests that write to it from another process as the CLI does.</summary>
    public string DatabasePath => _databasePath;

    public HttpClient CreateClient() => _app!.CreateClient();

    /// <summary>What the server printed so far, for failure messages.</summary>
    public string Output => _app?.Output ?? "";

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync(Settings());

    /// <summary>Stops the server and starts it again on the same address and database, as an operator's restart does.</summary>
    public async Task RestartAsync(TimeSpan? down = null)
    {
        var port = BaseUrl.Port;
        await _app!.DisposeAsync();
        if (down is { } pause) await Task.Delay(pause);
        _app = await AppProcess.StartAsync(Settings(), port);
    }

    private Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__OpenLicitaciones"] = $"Data Source={_databasePath}",
            ["Sync__Source"] = "demo",
            ["Sync__ScheduleEnabled"] = "false",
            ["Site__PublicBaseUrl"] = PublicBaseUrl,
            // Every browser of the run signs in from 127.0.0.1: the per-address limit is tested on its own (IngresoTests).
            ["Personal__IntentosPorMinuto"] = "1000",
        };
        foreach (var (key, value) in _extra) settings[key] = value;
        return settings;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_databasePath + suffix);
    }
}

/// <summary>
/// One process of the built app's own executable on a free loopback port, in Production, with the given settings as
/// environment variables; started when it answers /health, killed when disposed (and by itself after 30 minutes).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    // A hard cap on the server's life so it stops by itself even if the test host dies before disposing it.
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(30);
    private const int MaxOutputChars = 200_000;

    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private AppProcess(Process process, Uri baseUrl) => (_process, BaseUrl) = (process, baseUrl);

    public Uri BaseUrl { get; }

    public HttpClient CreateClient() => new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>What the server printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var executable = AppExecutable();
        if (!File.Exists(executable))
            throw new InvalidOperationException($"The app has not been built: {executable} is missing. Build the solution in the same configuration as the tests.");

        var baseUrl = new Uri($"http://127.0.0.1:{port ?? FreeLoopbackPort()}/");
        var start = new ProcessStartInfo
        {
            WorkingDirectory = Path.GetDirectoryName(executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (File.Exists("/usr/bin/timeout"))
        {
            start.FileName = "/usr/bin/timeout";
            start.ArgumentList.Add("--kill-after=10");
            start.ArgumentList.Add($"{(int)MaxLifetime.TotalSeconds}");
            start.ArgumentList.Add(executable);
        }
        else
        {
            start.FileName = executable;
        }
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl.GetLeftPart(UriPartial.Authority));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var app = new AppProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, baseUrl);
        app._process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthyAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // without a timeout it also waits until the redirected output has been read to its end
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before answering /health.\n{Output}");
            }
            try
            {
                using var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet: the app loads the demo data before it opens its port.
            }
            await Task.WhenAny(_process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMilliseconds(250)));
        }
        throw new TimeoutException($"The app did not answer /health with 200 within {StartTimeout.TotalSeconds} s.\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Length < MaxOutputChars) _output.AppendLine(line);
        }
    }

    /// <summary>The apphost the app project built for this configuration and framework (framework-dependent: no runtime folder).</summary>
    internal static string AppExecutable()
    {
        var assembly = typeof(AppProcess).Assembly;
        var configuration = assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
            ?? throw new InvalidOperationException("The test assembly does not say which configuration built it.");
        var framework = new FrameworkName(assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName
            ?? throw new InvalidOperationException("The test assembly does not say which framework it targets."));
        var tfm = $"net{framework.Version.Major}.{framework.Version.Minor}";
        var name = OperatingSystem.IsWindows() ? "OpenLicitaciones.exe" : "OpenLicitaciones";
        return Path.Combine(RepositoryRoot.Path, "src", "OpenLicitaciones", "bin", configuration, tfm, name);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
