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
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    // A hard cap on the server's life so it stops by itself even if the test host dies before disposing it.
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(30);
    private const int MaxOutputChars = 200_000;

    private readonly StringBuilder _output = new();
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ol-e2e-{Guid.NewGuid():N}.db");
    private Process? _process;

    public const string PublicBaseUrl = "https://licitaciones.palmira.gov.co";

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The server's SQLite file, for tests that write to it from another process as the CLI does.</summary>
    public string DatabasePath => _databasePath;

    public HttpClient CreateClient() => new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>What the server printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public async Task InitializeAsync()
    {
        var executable = AppExecutable();
        if (!File.Exists(executable))
            throw new InvalidOperationException($"The app has not been built: {executable} is missing. Build the solution in the same configuration as the tests.");

        BaseUrl = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
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
        start.ArgumentList.Add(BaseUrl.GetLeftPart(UriPartial.Authority));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__OpenLicitaciones"] = $"Data Source={_databasePath}";
        start.Environment["Sync__Source"] = "demo";
        start.Environment["Sync__ScheduleEnabled"] = "false";
        start.Environment["Site__PublicBaseUrl"] = PublicBaseUrl;

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilHealthyAsync(_process);
    }

    private async Task WaitUntilHealthyAsync(Process process)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before answering /health.\n{Output}");
            try
            {
                using var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet: the app loads the demo data before it opens its port.
            }
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMilliseconds(250)));
        }
        throw new TimeoutException($"The app did not answer /health with 200 within {StartTimeout.TotalSeconds} s.\n{Output}");
    }

    public async Task DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_databasePath + suffix);
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
        var assembly = typeof(AppServer).Assembly;
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
