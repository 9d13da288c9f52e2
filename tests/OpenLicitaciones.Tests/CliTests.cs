using OpenLicitaciones.Features.Sync;

namespace OpenLicitaciones.Tests;

/// <summary>The command line as Program.cs runs it: commands, help, exit codes, and everything else to the web host.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Help_of_sync_describes_every_option_in_spanish_and_exits_0_without_syncing()
    {
        var (code, output, error) = await RunAsync(["sync", "--help"]);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Sincroniza una vez los conjuntos de SECOP II", output);
        Assert.Contains("Opciones:", output); // the library's own headings, in Spanish too
        foreach (var option in new[] { "--dataset <id>", "--source <demo|socrata>", "--base-url <url>", "--database <ruta>", "--entity-nit <nit>" })
            Assert.Contains(option, output);
        Assert.DoesNotContain("leídas", output);
    }

    [Fact]
    public async Task Help_without_a_command_lists_the_commands_and_says_the_dashboard_is_the_default()
    {
        var web = false;

        var (code, output, _) = await RunAsync(["--help"], _ => { web = true; return Task.FromResult(0); });

        Assert.Equal(0, code);
        Assert.False(web);
        Assert.Contains("Comandos:", output);
        Assert.Contains("sync", output);
        Assert.Contains("benchmark", output);
        Assert.Contains("inicia el tablero web", output);
    }

    [Fact]
    public async Task Help_of_a_benchmark_shows_its_defaults()
    {
        var (code, output, _) = await RunAsync(["benchmark", "monitor", "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("--suppliers <n ≥ 10>", output);
        Assert.Contains("20000", output);
    }

    [Theory]
    [InlineData(new[] { "sync", "--verbose" }, "Error: opción desconocida --verbose. uso: OpenLicitaciones sync [--dataset <id>] [--source <demo|socrata>] [--base-url <url>] [--database <ruta>] [--entity-nit <nit>]")]
    [InlineData(new[] { "sync", "todo" }, "Error: argumento inesperado 'todo'. uso: OpenLicitaciones sync")]
    [InlineData(new[] { "benchmark", "banco", "--lines" }, "Error: falta el valor de --lines. uso: OpenLicitaciones benchmark banco [--lines <n ≥ 1>] [--runs <n ≥ 1>]")]
    [InlineData(new[] { "benchmark", "--provider", "oracle" }, "Error: --provider debe ser sqlite o postgresql, no 'oracle'. uso: OpenLicitaciones benchmark banco|monitor|circuitos|vivo|kiosco|vistas|consultas [--scale <entity|department|national>] [--entidades <n ≥ 0>] [--provider <sqlite|postgresql>] [--connection <cadena>] [--json <archivo>] [--circuitos <n ≥ 0>]")]
    [InlineData(new[] { "benchmark", "circuitos", "--activas", "21" },
        "Error: --activas debe ser como mucho 20, no 21. uso: OpenLicitaciones benchmark circuitos [--activas <n ≥ 1>] [--inactivas <n ≥ 0>] [--segundos <n ≥ 5>]")]
    [InlineData(new[] { "benchmark", "vistas" }, "Error: falta --connection. uso: OpenLicitaciones benchmark vistas [--provider <sqlite|postgresql>] [--connection <cadena>] [--json <archivo>]")]
    [InlineData(new[] { "benchmark", "vistas", "--provider", "oracle", "--connection", "Data Source=x.db" },
        "Error: --provider debe ser sqlite o postgresql, no 'oracle'. uso: OpenLicitaciones benchmark vistas")]
    [InlineData(new[] { "benchmark", "consultas", "--provider", "postgresql" }, "Error: falta --connection. uso: OpenLicitaciones benchmark consultas [--provider <sqlite|postgresql>] [--connection <cadena>]")]
    public async Task Arguments_a_command_does_not_take_exit_with_code_2_and_one_spanish_line(string[] args, string expected)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line.Trim());
    }

    [Theory]
    [InlineData("")]
    [InlineData("--urls http://127.0.0.1:5099")]
    [InlineData("--environment=Development --contentRoot /tmp @no-es-un-archivo")]
    public async Task Without_a_command_the_dashboard_runs_and_its_exit_code_is_the_process_code(string line)
    {
        var runs = 0;

        var (code, output, error) = await RunAsync(line.Split(' ', StringSplitOptions.RemoveEmptyEntries), _ => { runs++; return Task.FromResult(7); });

        Assert.Equal((1, 7), (runs, code));
        Assert.Equal(("", ""), (output, error));
    }

    [Fact]
    public async Task An_exception_from_the_dashboard_reaches_the_caller_as_the_test_host_needs()
    {
        var stop = new InvalidOperationException("the test host stops the app here");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(["--urls", "http://127.0.0.1:0"], _ => throw stop));

        Assert.Same(stop, thrown);
    }

    [Theory]
    // output redirected, writes to the console, interactive terminal → progress bar
    [InlineData(false, true, true, true)]
    [InlineData(true, true, true, false)] // `sync > log.txt`, a pipe, CI
    [InlineData(false, false, true, false)] // a caller's own writer (tests, tools)
    [InlineData(false, true, false, false)] // a terminal that cannot redraw
    [InlineData(true, false, false, false)]
    public void A_progress_bar_is_shown_only_to_a_person_at_a_terminal(bool redirected, bool console, bool interactive, bool bar)
    {
        Assert.Equal(bar, SyncCommand.ShowsProgressBar(redirected, console, interactive));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args, Func<CancellationToken, Task<int>>? web = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.InvokeAsync(Cli.Create(web), args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
