using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;

namespace OpenLicitaciones.Features.Sync;

/// <summary>
/// `OpenLicitaciones sync [--dataset id] [--source demo|socrata] [--base-url url] [--database path] [--entity-nit nit]`:
/// one sync run for operators and automation; exit code 0 on success, 1 with a one-line reason on failure, 2 for bad arguments.
/// </summary>
public static class SyncCommand
{
    public const string Usage =
        "uso: OpenLicitaciones sync [--dataset <id>] [--source demo|socrata] [--base-url <url>] [--database <ruta>] [--entity-nit <nit>]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (!TryParse(args, out var settings, out var problem))
        {
            await error.WriteLineAsync($"Error: {problem}. {Usage}");
            return 2;
        }
        SecopDataset? only = null;
        if (settings.Dataset is { } id && (only = SecopDatasets.Find(id)) is null)
        {
            await error.WriteLineAsync($"Error: '{id}' no es un conjunto conocido ({string.Join(", ", SecopDatasets.All.Select(d => d.Id))}).");
            return 2;
        }

        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                ContentRootPath = AppContext.BaseDirectory,
                Args = [],
            });
            builder.Configuration.AddInMemoryCollection(settings.Overrides);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddData().AddSync(hosted: false);
            if (settings.EntityNit is { } nit)
                builder.Services.PostConfigure<EntitiesOptions>(o => o.Items = [new EntityOptions { Nit = nit }]);
            using var host = builder.Build();
            host.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
            await host.Services.InitializeDatabaseAsync(ct);
            var sync = host.Services.GetRequiredService<SecopSync>();
            IReadOnlyList<SyncResult> results = only is null ? await sync.RunAllAsync(ct) : [await sync.RunAsync(only, ct)];
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
                                       or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Error: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }

    public sealed record Settings(Dictionary<string, string?> Overrides, string? Dataset, string? EntityNit);

    public static bool TryParse(string[] args, out Settings settings, out string problem)
    {
        var overrides = new Dictionary<string, string?>();
        string? dataset = null, nit = null;
        settings = new Settings(overrides, null, null);
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            var option = args[i];
            if (i + 1 >= args.Length || string.IsNullOrWhiteSpace(args[i + 1]) || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"falta el valor de {option}";
                return false;
            }
            var value = args[++i];
            switch (option)
            {
                case "--dataset": dataset = value; break;
                case "--source" when value is "demo" or "socrata": overrides["Sync:Source"] = value; break;
                case "--source": problem = $"--source debe ser demo o socrata, no '{value}'"; return false;
                case "--base-url": overrides["Sync:BaseUrl"] = value; break;
                case "--database": overrides[$"ConnectionStrings:{DataRegistration.ConnectionName}"] = $"Data Source={value}"; break;
                case "--entity-nit" when Nit.Canonical(value) is { Length: >= 6 } canonical: nit = canonical; break;
                case "--entity-nit": problem = $"--entity-nit '{value}' no es un NIT"; return false;
                default: problem = $"opción desconocida {option}"; return false;
            }
        }
        settings = new Settings(overrides, dataset, nit);
        return true;
    }
}
