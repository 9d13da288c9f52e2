using System.Globalization;

namespace CircuitLoad;

/// <summary>
/// `CircuitLoad --url http://127.0.0.1:5000/ [--activas 20] [--inactivas 0] [--segundos 60] [--pausa-ms 1500]
/// [--por-contexto 10] [--presupuesto-mb 9000] [--esperar-senal]`. The budget is how much of the machine's available memory
/// the run may take (browser and server together) before it stops opening idle pages.
/// </summary>
public sealed record LoadOptions(Uri BaseUrl, int Active, int Idle, int Seconds, int PauseMs, int PagesPerContext, int BudgetMb, bool WaitForSignal)
{
    public const int MaxActive = 20;
    public const string Usage =
        "uso: CircuitLoad --url <url> [--activas 0..20] [--inactivas n] [--segundos n] [--pausa-ms n] [--por-contexto n] [--presupuesto-mb n] [--esperar-senal]";

    /// <summary>The options, or null with the reason in <paramref name="problem"/>.</summary>
    public static LoadOptions? Parse(string[] args, out string problem)
    {
        var values = new Dictionary<string, string>();
        var wait = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--esperar-senal") wait = true;
            else if (args[i] is "--url" or "--activas" or "--inactivas" or "--segundos" or "--pausa-ms" or "--por-contexto" or "--presupuesto-mb" && i + 1 < args.Length)
                values[args[i]] = args[++i];
            else
            {
                problem = $"argumento desconocido o sin valor '{args[i]}'";
                return null;
            }
        }
        if (!values.TryGetValue("--url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var baseUrl))
        {
            problem = "falta --url con la dirección del servidor";
            return null;
        }
        int Number(string name, int fallback) =>
            values.TryGetValue(name, out var raw) && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : values.ContainsKey(name) ? -1 : fallback;
        var options = new LoadOptions(new Uri(baseUrl.ToString().TrimEnd('/') + "/"), Number("--activas", MaxActive), Number("--inactivas", 0),
            Number("--segundos", 60), Number("--pausa-ms", 1500), Number("--por-contexto", 10), Number("--presupuesto-mb", 9000), wait);
        problem = options switch
        {
            { Active: < 0 or > MaxActive } => $"--activas debe estar entre 0 y {MaxActive}",
            { Idle: < 0 } => "--inactivas debe ser un número entero ≥ 0",
            { Seconds: < 1 } => "--segundos debe ser un número entero ≥ 1",
            { PauseMs: < 0 } => "--pausa-ms debe ser un número entero ≥ 0",
            { PagesPerContext: < 1 } => "--por-contexto debe ser un número entero ≥ 1",
            { BudgetMb: < 1 } => "--presupuesto-mb debe ser un número entero ≥ 1",
            _ => "",
        };
        return problem == "" ? options : null;
    }
}
