using System.Diagnostics;
using System.Text.Json;
using CircuitLoad;
using Microsoft.Playwright;

// The browser side of `OpenLicitaciones benchmark circuitos`: holds idle pages with live circuits, then runs the active
// pages' scripted visits; with `vivo` or `kiosco` first, the side of `benchmark vivo` (LivePages) or `benchmark kiosco`
// (KioskSoak). One JSON object per line on standard
// output (the protocol), progress in Spanish on standard error.
var mode = args.FirstOrDefault() is "vivo" or "kiosco" ? args[0] : null;
var portrait = args.Contains("--vertical");
if (LoadOptions.Parse(mode is null ? args : [.. args[1..].Where(a => a != "--vertical")], out var problem) is not { } options)
{
    await Console.Error.WriteLineAsync($"Error: {problem}. {LoadOptions.Usage}");
    return 2;
}

// Playwright's own browser download cannot reach its servers here: Debian's chromium, launched as the end-to-end tests do
// (one flag more, below).
const string chromium = "/usr/bin/chromium";
if (!File.Exists(chromium))
{
    await Console.Error.WriteLineAsync($"Error: falta {chromium} (./test.sh instala el chromium de Debian).");
    return 1;
}
Assertions.SetDefaultExpectTimeout(30_000);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromium,
    Headless = true,
    Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        // One renderer process per site and context instead of one per page: 37 MB of memory per idle page instead of 57
        // (measured with 40 pages), which is what limits how many circuits this machine can hold open.
        "--process-per-site",
    ],
});

if (mode == "vivo") return await LivePages.RunAsync(browser, options.BaseUrl);
if (mode == "kiosco") return await KioskSoak.RunAsync(browser, options.BaseUrl, options.Seconds, portrait);

var clock = Stopwatch.StartNew();
var idle = await IdlePages.OpenAsync(browser, options);
Protocol.Send(new
{
    phase = "idle", idleHeld = idle.Held, idleFailed = idle.Failed, idleStoppedByBudget = idle.StoppedByBudget,
    seconds = Math.Round(clock.Elapsed.TotalSeconds, 1), contexts = idle.Contexts,
});
if (options.WaitForSignal) await Console.In.ReadLineAsync();

var summary = await Visitors.RunAsync(browser, options);
Protocol.Send(new
{
    phase = "done", pagesOpened = idle.Held + summary.PagesOpened, idleHeld = idle.Held, activePages = summary.PagesOpened,
    interactions = summary.Interactions, errors = summary.Errors, errorSamples = summary.ErrorSamples,
    seconds = Math.Round(summary.Seconds, 1),
});
if (options.WaitForSignal) await Console.In.ReadLineAsync();
return 0;

internal static class Protocol
{
    public static void Send(object message)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(message));
        Console.Out.Flush();
    }

    public static void Progress(string line) => Console.Error.WriteLine(line);
}

/// <summary>The machine's available memory (MemAvailable in /proc/meminfo), in MB; null where there is none.</summary>
internal static class Memory
{
    public static long? AvailableMb()
    {
        if (!File.Exists("/proc/meminfo")) return null;
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
