using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Benchmarks;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones;

/// <summary>
/// The app's command line (System.CommandLine): `sync`, `users add|list|disable` and `benchmark banco|monitor|circuitos|vivo|kiosco|vistas|consultas`, each with --help. With no command
/// the web dashboard starts and every argument (--urls, --environment …) goes to the web host as it came.
/// Exit codes: 0 done (or help shown), 1 the work failed, 2 the arguments do not make sense.
/// </summary>
public static class Cli
{
    public const int BadArguments = 2;
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-CO");

    /// <param name="web">Runs the dashboard; null where only the commands are wanted (tests).</param>
    public static RootCommand Create(Func<CancellationToken, Task<int>>? web = null)
    {
        var root = new RootCommand(
            "OpenLicitaciones: qué compra la entidad, quién le vende y cuán incluyentes son sus compras. Sin comando, " +
            "inicia el tablero web; los argumentos de ASP.NET Core (como --urls) pasan al servidor.")
        {
            SyncCommand.Create(),
            UsuariosCommand.Create(),
            Benchmark(),
        };
        // Tokens the commands do not know belong to the web host; inside a command they are errors (see InvokeAsync).
        root.TreatUnmatchedTokensAsErrors = false;
        if (web is not null) root.SetAction((_, ct) => web(ct));
        return root;
    }

    private static Command Benchmark()
    {
        var benchmark = ScaleBenchmark.Create();
        benchmark.Subcommands.Add(BancoBenchmark.Create());
        benchmark.Subcommands.Add(MonitorBenchmark.Create());
        benchmark.Subcommands.Add(CircuitsBenchmark.Create());
        benchmark.Subcommands.Add(LiveBenchmark.Create());
        benchmark.Subcommands.Add(KioskSoakBenchmark.Create());
        benchmark.Subcommands.Add(ViewsBenchmark.Create());
        benchmark.Subcommands.Add(QueriesBenchmark.Create());
        return benchmark;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen command, or explains in one Spanish line why not.</summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        CultureInfo.CurrentUICulture = Spanish; // help and the library's own messages in Spanish wherever the CLI runs
        // No response files: an argument for the web host may start with '@'.
        var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Action is not HelpAction && Problem(result) is { } problem)
        {
            await error.WriteLineAsync($"Error: {problem}. {Usage(result.CommandResult)}");
            return BadArguments;
        }
        return await result.InvokeAsync(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // The web host handles its own shutdown signals, and the test host stops it with an exception that must get through.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        }, ct);
    }

    /// <summary>The first thing wrong with the arguments of a command, in our words; null when there is nothing.</summary>
    public static string? Problem(ParseResult result)
    {
        if (result.Errors.FirstOrDefault() is { } first)
            return first.SymbolResult is OptionResult { Tokens.Count: 0 } option ? $"falta el valor de {option.Option.Name}" : first.Message.TrimEnd('.');
        if (result.CommandResult.Command is not RootCommand && result.UnmatchedTokens.FirstOrDefault() is { } extra)
            return extra.StartsWith('-') ? $"opción desconocida {extra}" : $"argumento inesperado '{extra}'";
        return null;
    }

    /// <summary>A text option whose value must be given, not empty, and not the next option's name.</summary>
    public static Option<string> Text(string name, string helpName, string description)
    {
        var option = new Option<string>(name) { HelpName = helpName, Description = description };
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && (string.IsNullOrWhiteSpace(r.Tokens[0].Value) || r.Tokens[0].Value.StartsWith("--", StringComparison.Ordinal)))
                r.AddError($"falta el valor de {name}");
        });
        return option;
    }

    /// <summary>`--database ruta`: a SQLite file instead of the configured database (for this command and its subcommands).</summary>
    public static Option<string> Database()
    {
        var option = Text("--database", "ruta", "Archivo SQLite; por omisión, la base de datos de la configuración.");
        option.Recursive = true;
        return option;
    }

    /// <summary>The settings that point a command at the SQLite file <paramref name="path"/>.</summary>
    public static Dictionary<string, string?> SqliteFile(string path) => new()
    {
        [$"ConnectionStrings:{Data.DataRegistration.ConnectionName}"] = $"Data Source={path}",
        [Data.DatabaseSettings.ProviderKey] = "sqlite",
    };

    /// <summary>Makes <paramref name="option"/> obligatory for <paramref name="command"/>, with the error in Spanish.</summary>
    public static void Require(Command command, Option option) => command.Validators.Add(r =>
    {
        if (r.GetResult(option) is null) r.AddError($"falta {option.Name}");
    });

    /// <summary>A whole-number option of at least <paramref name="minimum"/>, with a default shown in the help.</summary>
    public static Option<int> Number(string name, int fallback, int minimum, string description) => new(name)
    {
        HelpName = $"n ≥ {minimum}",
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = r =>
        {
            var raw = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum) return value;
            r.AddError($"{name} debe ser un número entero ≥ {minimum}, no '{raw}'");
            return fallback;
        },
    };

    /// <summary>"uso: OpenLicitaciones sync [--dataset &lt;id&gt;] …" for the command the arguments reached.</summary>
    public static string Usage(CommandResult command)
    {
        var path = new List<string>();
        for (SymbolResult? at = command; at is CommandResult c && c.Command is not RootCommand; at = c.Parent) path.Insert(0, c.Command.Name);
        List<string> parts = ["uso: OpenLicitaciones", .. path];
        if (command.Command.Subcommands.Count > 0) parts.Add(string.Join('|', command.Command.Subcommands.Select(s => s.Name)));
        parts.AddRange(command.Command.Options.Where(o => o is not HelpOption and not VersionOption).Select(o => $"[{o.Name} <{o.HelpName}>]"));
        return string.Join(' ', parts);
    }
}
