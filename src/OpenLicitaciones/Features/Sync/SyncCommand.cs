using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Shared;
using Spectre.Console;

namespace OpenLicitaciones.Features.Sync;

/// <summary>
/// `OpenLicitaciones sync [--dataset id] [--source demo|socrata] [--base-url url] [--database path] [--entity-nit nit]`:
/// one sync run for operators and automation; exit code 0 on success, 1 with a one-line reason on failure, 2 for bad arguments.
/// At a terminal a progress bar per dataset shows the rows read so far; otherwise only the summary lines are written.
/// </summary>
public static class SyncCommand
{
    public static Command Create()
    {
        var dataset = Cli.Text("--dataset", "id",
            $"Solo este conjunto ({string.Join(", ", SecopDatasets.All.Select(d => d.Id))}); sin él, los siete en orden.");
        dataset.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } id && !id.StartsWith("--", StringComparison.Ordinal) && SecopDatasets.Find(id) is null)
                r.AddError($"'{id}' no es un conjunto conocido ({string.Join(", ", SecopDatasets.All.Select(d => d.Id))})");
        });
        var source = Cli.Text("--source", "demo|socrata", "De dónde leer: demo (datos de ejemplo, sin red) o socrata (datos.gov.co). Por omisión, Sync:Source.");
        source.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } value && value is not ("demo" or "socrata") && !value.StartsWith("--", StringComparison.Ordinal))
                r.AddError($"--source debe ser demo o socrata, no '{value}'");
        });
        var baseUrl = Cli.Text("--base-url", "url", "Raíz del portal Socrata; por omisión, Sync:BaseUrl.");
        var database = Cli.Text("--database", "ruta", "Archivo SQLite; por omisión, el de la cadena de conexión de la configuración.");
        var entityNit = Cli.Text("--entity-nit", "nit", "Sincroniza para esta entidad (NIT sin dígito de verificación) en vez de las configuradas.");
        entityNit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } value && !value.StartsWith("--", StringComparison.Ordinal) && Nit.Canonical(value) is not { Length: >= 6 })
                r.AddError($"--entity-nit '{value}' no es un NIT");
        });

        var command = new Command("sync",
            "Sincroniza una vez los conjuntos de SECOP II (los siete en orden, o uno) y termina: 0 si todo salió bien, " +
            "1 con el motivo si un conjunto falló, 2 si los argumentos no sirven.")
        {
            dataset, source, baseUrl, database, entityNit,
        };
        command.SetAction((parse, ct) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(source) is { } s) overrides["Sync:Source"] = s;
            if (parse.GetValue(baseUrl) is { } url) overrides["Sync:BaseUrl"] = url;
            if (parse.GetValue(database) is { } path)
                foreach (var (key, value) in Cli.SqliteFile(path)) overrides[key] = value;
            var only = parse.GetValue(dataset) is { } id ? SecopDatasets.Find(id) : null;
            var nit = parse.GetValue(entityNit) is { } raw ? Nit.Canonical(raw) : null;
            var output = parse.InvocationConfiguration.Output;
            var progress = ShowsProgressBar(Console.IsOutputRedirected, ReferenceEquals(output, Console.Out), AnsiConsole.Profile.Capabilities.Interactive);
            return RunAsync(new Settings(overrides, only, nit, progress), output, parse.InvocationConfiguration.Error, ct);
        });
        return command;
    }

    /// <summary>The command as `OpenLicitaciones sync …` runs it, for tests and tools: <paramref name="args"/> come after "sync".</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default) =>
        Cli.InvokeAsync(Cli.Create(), ["sync", .. args], output, error, ct);

    /// <summary>
    /// A live progress bar only for a person watching a terminal; output that goes to a file, a pipe, CI or a test
    /// keeps the plain summary lines, which scripts read.
    /// </summary>
    public static bool ShowsProgressBar(bool outputRedirected, bool writesToConsole, bool interactiveTerminal) =>
        !outputRedirected && writesToConsole && interactiveTerminal;

    private sealed record Settings(Dictionary<string, string?> Overrides, SecopDataset? Only, string? EntityNit, bool ProgressBar);

    private static async Task<int> RunAsync(Settings settings, TextWriter output, TextWriter error, CancellationToken ct)
    {
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                ContentRootPath = AppContext.BaseDirectory,
                Args = [],
            });
            builder.Configuration.AddInMemoryCollection(settings.Overrides);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (settings.ProgressBar) builder.Logging.ClearProviders(); // log lines would tear the bar; failures still reach the summary
            builder.AddData().AddSync(hosted: false);
            if (settings.EntityNit is { } nit)
                builder.Services.PostConfigure<EntitiesOptions>(o => o.Items = [ForNit(o, nit)]);
            using var host = builder.Build();
            host.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
            await host.Services.InitializeDatabaseAsync(ct);
            var sync = host.Services.GetRequiredService<SecopSync>();
            IReadOnlyList<SecopDataset> datasets = settings.Only is null ? SecopDatasets.All : [settings.Only];
            var results = settings.ProgressBar ? await WithProgressBarAsync(sync, datasets, ct) : await RunEachAsync(sync, datasets, ct);
            foreach (var r in results)
                await output.WriteLineAsync($"{r.Dataset} ({r.Source}): {r.RowsRead} leídas, {r.RowsUpserted} guardadas, {r.RowsQuarantined} en cuarentena{(r.Error is null ? "" : " — FALLÓ")}");
            if (results.FirstOrDefault(r => !r.Succeeded) is { } failed)
            {
                await error.WriteLineAsync($"Error: {failed.Error}");
                return 1;
            }
            return 0;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            await error.WriteLineAsync($"Error: configuración inválida: {string.Join(" ", e.Failures)}");
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FormatException or DbUpdateException
                                       or System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Error: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }

    /// <summary>
    /// The entity a `--entity-nit` run syncs: the configured one with that NIT, or one named by its NIT in the place the
    /// settings give (the names only label rows; the NIT selects them).
    /// </summary>
    private static EntityOptions ForNit(EntitiesOptions configured, string nit) =>
        configured.Items.FirstOrDefault(e => Nit.Canonical(e.Nit) == nit) is { } known ? known : new EntityOptions
        {
            Nit = nit, Nombre = $"Entidad con NIT {nit}",
            Municipio = configured.Items.FirstOrDefault()?.Municipio ?? "", Departamento = configured.Items.FirstOrDefault()?.Departamento ?? "",
        };

    private static async Task<IReadOnlyList<SyncResult>> RunEachAsync(SecopSync sync, IReadOnlyList<SecopDataset> datasets, CancellationToken ct)
    {
        var results = new List<SyncResult>();
        foreach (var dataset in datasets) results.Add(await sync.RunAsync(dataset, ct));
        return results;
    }

    /// <summary>One bar per dataset: waiting, moving while its pages arrive (the total is not known in advance), then full.</summary>
    private static Task<IReadOnlyList<SyncResult>> WithProgressBarAsync(SecopSync sync, IReadOnlyList<SecopDataset> datasets, CancellationToken ct) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync<IReadOnlyList<SyncResult>>(async context =>
            {
                var bars = datasets.Select(d => context.AddTask(Label(d, null), autoStart: false)).ToList();
                var results = new List<SyncResult>();
                for (var i = 0; i < datasets.Count; i++)
                {
                    var bar = bars[i];
                    bar.StartTask();
                    bar.IsIndeterminate = true;
                    var result = await sync.RunAsync(datasets[i], new RowsRead(bar, datasets[i]), ct);
                    bar.IsIndeterminate = false;
                    if (result.Succeeded) bar.Value = bar.MaxValue;
                    bar.Description = Label(datasets[i], result.RowsRead) + (result.Succeeded ? "" : " — FALLÓ");
                    bar.StopTask();
                    results.Add(result);
                }
                return results;
            });

    private static string Label(SecopDataset dataset, int? rows) =>
        Markup.Escape($"{dataset.Nombre} ({dataset.Id}){(rows is { } n ? $": {n:N0} filas" : "")}");

    /// <summary>Updates a bar as each page is stored (synchronously, so the count never arrives after the bar is closed).</summary>
    private sealed class RowsRead(ProgressTask bar, SecopDataset dataset) : IProgress<int>
    {
        public void Report(int value) => bar.Description = Label(dataset, value);
    }
}
