using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Components;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Features.Benchmarks;

/// <summary>
/// `OpenLicitaciones benchmark --scale entity|department|national [--provider sqlite|postgresql]`: fills a throw-away
/// database with the demo generator's synthetic entities and measures, as ratios against the engine's own work in the
/// same run, what limits the app as it grows: ingest, re-sync, derived views and database size.
/// </summary>
public static class ScaleBenchmark
{
    /// <summary>Entities per scale. One demo entity holds about 4,200 processes over six years, so a department of about
    /// 1 M processes is 240 entities, and SECOP II's 8.75 M processes about 2,080.</summary>
    public static int EntitiesFor(string scale) => scale switch
    {
        "entity" => 1,
        "department" => 240,
        "national" => 2_080,
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "entity, department o national"),
    };

    /// <summary>The parts a run measures. The data is always loaded (the sync's path fills the database the others read);
    /// <see cref="Ingesta"/> adds the engine's bulk load and the re-sync beside it.</summary>
    [Flags]
    public enum Parts
    {
        Ingesta = 1,
        Vistas = 2,
        Consultas = 4,
        All = Ingesta | Vistas | Consultas,
    }

    private const string PartNames = "ingesta, vistas, consultas";

    /// <summary>"ingesta,vistas" → those parts; null and a Spanish reason when a name is not one of them.</summary>
    public static Parts? ParseParts(string text, out string? problem)
    {
        problem = null;
        var parts = (Parts)0;
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries))
        {
            Parts? part = name switch { "ingesta" => Parts.Ingesta, "vistas" => Parts.Vistas, "consultas" => Parts.Consultas, _ => null };
            if (part is null)
            {
                problem = name.Length == 0
                    ? $"--partes lleva nombres separados por comas ({PartNames}), no '{text}'"
                    : $"--partes admite {PartNames}, no '{name}'";
                return null;
            }
            parts |= part.Value;
        }
        return parts;
    }

    /// <param name="IdleCircuits">Idle circuits held while 20 browser pages visit (0: no browser part).</param>
    public sealed record Options(string Scale, int Entities, DatabaseProvider Provider, string? Connection, string? JsonPath, int IdleCircuits = 0,
        Parts Measure = Parts.All);

    public static Command Create()
    {
        var scale = new Option<string>("--scale")
        {
            HelpName = "entity|department|national",
            Description = "Tamaño: una entidad, un departamento (≈1 M procesos) o el país (≈8,75 M procesos).",
            DefaultValueFactory = _ => "entity",
        };
        OneOf(scale, "entity", "department", "national");
        var entities = Cli.Number("--entidades", 0, 0, "Número explícito de entidades sintéticas (reemplaza --scale).");
        var provider = ProviderOption();
        var connection = Cli.Text("--connection", "cadena", "Servidor PostgreSQL donde crear la base temporal (scripts/throwaway-postgres.sh start DIR --durable la da).");
        var json = Cli.Text("--json", "archivo", "Dónde escribir el resultado en JSON; por omisión, benchmark-<escala>-<motor>.json.");
        var circuits = Cli.Number("--circuitos", 0, 0,
            "Usuarios simultáneos al final: circuitos inactivos sostenidos mientras 20 páginas de Chromium navegan y filtran (0: se omite).");
        var parts = new Option<string>("--partes")
        {
            HelpName = "ingesta,vistas,consultas",
            Description = "Qué medir, separado por comas: la carga y la resincronización frente al motor, las vistas derivadas, " +
                "las vistas principales frente a SQL. Los datos se cargan siempre.",
            DefaultValueFactory = _ => "ingesta,vistas,consultas",
        };
        parts.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } value && ParseParts(value, out var problem) is null) r.AddError(problem!);
        });
        var command = new Command("benchmark",
            "Mide la app a escala sobre datos sintéticos: carga, resincronización, vistas derivadas y tamaño, como razones frente al motor.")
        {
            scale, entities, provider, connection, json, circuits, parts,
        };
        command.SetAction((parse, ct) =>
        {
            var chosenScale = parse.GetValue(scale)!;
            var count = parse.GetValue(entities) is > 0 and var n ? n : EntitiesFor(chosenScale);
            var options = new Options(parse.GetValue(entities) > 0 ? $"{count} entidades" : chosenScale, count,
                DatabaseSettings.ParseProvider(parse.GetValue(provider)), parse.GetValue(connection), parse.GetValue(json), parse.GetValue(circuits),
                ParseParts(parse.GetValue(parts)!, out _) ?? Parts.All);
            return RunAsync(options, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        });
        return command;
    }

    /// <summary>`--provider sqlite|postgresql`, as every benchmark that opens a database takes it.</summary>
    public static Option<string> ProviderOption()
    {
        var provider = new Option<string>("--provider")
        {
            HelpName = "sqlite|postgresql", Description = "Motor de base de datos.", DefaultValueFactory = _ => "sqlite",
        };
        OneOf(provider, "sqlite", "postgresql");
        return provider;
    }

    private static void OneOf(Option<string> option, params string[] values) => option.Validators.Add(r =>
    {
        if (r.GetValueOrDefault<string>() is { } value && !values.Contains(value))
            r.AddError($"{option.Name} debe ser {string.Join(", ", values[..^1])} o {values[^1]}, no '{value}'");
    });

    public static async Task<int> RunAsync(Options options, TextWriter output, TextWriter error, CancellationToken ct)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("es-CO");
        try
        {
            var report = await MeasureAsync(options, output, ct);
            var path = options.JsonPath ?? $"benchmark-{options.Scale.Replace(' ', '-')}-{options.Provider.ToString().ToLowerInvariant()}.json";
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }), ct);
            await output.WriteLineAsync($"Resultado en JSON: {Path.GetFullPath(path)}");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or Npgsql.NpgsqlException or IOException)
        {
            await error.WriteLineAsync($"Error: {e.Message}");
            return 1;
        }
    }

    public sealed record Report(string Scale, int Entities, string Provider, string Machine,
        IngestReport? Ingest, ViewsBenchmark.Report? Views, IReadOnlyList<QueriesBenchmark.QueryReport>? Queries, StorageReport Storage, CircuitsReport? Circuits);

    public sealed record IngestReport(long Rows, double RowsPerSecond, double BulkRowsPerSecond, double RatioToBulk,
        long ResyncRows, double ResyncRowsPerSecond, long ResyncRowsWritten, double ResyncSpeedup, long Rejected);

    public sealed record StorageReport(long Bytes, long Rows, double BytesPerMillionRows);

    private static async Task<Report> MeasureAsync(Options options, TextWriter output, CancellationToken ct)
    {
        var today = ColombiaTime.Now(TimeProvider.System);
        var entities = Ingest.SyntheticEntities(options.Entities);
        await output.WriteLineAsync($"Escala {options.Scale}: {options.Entities:N0} entidades sintéticas, motor {options.Provider}, {Environment.ProcessorCount} núcleos");
        await using var database = await BenchmarkDatabase.CreateAsync(options.Provider, options.Connection, ct);
        var csvFolder = Directory.CreateTempSubdirectory("ol-benchmark-csv-");
        try
        {
            var ingest = new Ingest(database, entities, today);
            var progress = new Progress<int>(done =>
            {
                if (done == options.Entities || done % Math.Max(1, options.Entities / 10) == 0) output.WriteLine($"  cargadas {done:N0} de {options.Entities:N0} entidades");
            });

            var measureIngest = options.Measure.HasFlag(Parts.Ingesta);
            // 1. First ingest through the sync's path, writing the same stored rows to CSV for the engine's bulk path.
            using var bulk = new BulkLoad(database, csvFolder.FullName);
            await using (var model = database.CreateDbContext())
            {
                var first = await ingest.RunAsync(measureIngest ? (_, rows) => bulk.Append(model, rows) : null, progress, ct);
                IngestReport? ingestReport = null;
                if (measureIngest)
                {
                    var engine = await bulk.LoadAsync(ct);
                    // 2. The same rows again: nothing changed, so nothing may be written.
                    var again = await ingest.RunAsync(null, null, ct);
                        ingestReport = new IngestReport(first.Rows, first.RowsPerSecond, engine.RowsPerSecond, Ratio(first.RowsPerSecond, engine.RowsPerSecond),
                        again.Rows, again.RowsPerSecond, again.Written, Ratio(again.RowsPerSecond, first.RowsPerSecond), first.Rejected);
                    await WriteIngestAsync(output, ingestReport);
                }

                // 3. Derived views, built by the app's services in a process of their own, as a server does after a sync.
                ViewsBenchmark.Report? views = null;
                if (options.Measure.HasFlag(Parts.Vistas))
                {
                    views = await ViewsBenchmark.RunChildAsync(database.Settings, ct);
                    await ViewsBenchmark.WriteAsync(output, views);
                }

                // 4. Each module's main views as the server answers them, beside hand-written SQL.
                IReadOnlyList<QueriesBenchmark.QueryReport>? queries = null;
                if (options.Measure.HasFlag(Parts.Consultas))
                {
                    queries = await QueriesBenchmark.MeasureAsync(database.Settings, today, ct);
                    await QueriesBenchmark.WriteAsync(output, queries);
                }

                // 5. Size on disk, without the bulk tables.
                await using (var db = database.CreateDbContext()) await DropBulkTablesAsync(db, ct);
                var bytes = await database.SizeAsync(ct);
                var storage = new StorageReport(bytes, first.Rows, first.Rows > 0 ? bytes / (first.Rows / 1_000_000.0) : 0);
                await output.WriteLineAsync($"Tamaño de la base: {bytes / 1048576.0:N1} MiB para {first.Rows:N0} filas = {storage.BytesPerMillionRows / 1048576.0:N1} MiB por millón de filas");

                // 6. Concurrent users on this data: real circuits, latency measured in the server.
                var circuitsReport = options.IdleCircuits > 0
                    ? await CircuitsBenchmark.RunAsync(database.Settings, 20, options.IdleCircuits, TimeSpan.FromSeconds(60), output, ct)
                    : null;

                return new Report(options.Scale, options.Entities, options.Provider.ToString().ToLowerInvariant(),
                    $"{Environment.ProcessorCount} núcleos, {Environment.OSVersion}", ingestReport, views, queries, storage, circuitsReport);
            }
        }
        finally
        {
            csvFolder.Delete(recursive: true);
        }
    }

    public static double Ratio(double value, double reference) => reference > 0 ? value / reference : 0;

    private static async Task DropBulkTablesAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
#pragma warning disable EF1002 // table names come from the EF model, not from input
            await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS \"bulk_{table}\"", ct);
#pragma warning restore EF1002
    }

    private static async Task WriteIngestAsync(TextWriter output, IngestReport r)
    {
        await output.WriteLineAsync($"Carga por la ruta de la sincronización: {r.Rows:N0} filas a {r.RowsPerSecond:N0} filas/s ({r.Rejected:N0} rechazadas)");
        await output.WriteLineAsync($"Carga masiva del motor (mismas filas, misma clave única): {r.BulkRowsPerSecond:N0} filas/s → razón {r.RatioToBulk:P0} (meta ≥ 30 %)");
        await output.WriteLineAsync($"Resincronización sin cambios: {r.ResyncRowsPerSecond:N0} filas/s, {r.ResyncRowsWritten:N0} filas reescritas → {r.ResyncSpeedup:N1}× la primera carga (meta ≥ 3×)");
    }
}

/// <summary>The process's memory as Linux and the runtime report it.</summary>
public static class ProcessMemory
{
    /// <summary>Managed heap bytes after a full, compacting, blocking collection (twice, to run finalizers in between).</summary>
    public static long ManagedAfterFullCollection()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    /// <summary>Peak resident set (VmHWM) since the process started; 0 where /proc is missing.</summary>
    public static long PeakRss()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status)) return 0;
        var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
