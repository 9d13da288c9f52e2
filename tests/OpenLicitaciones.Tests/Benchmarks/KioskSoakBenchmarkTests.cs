using OpenLicitaciones.Features.Benchmarks;

namespace OpenLicitaciones.Tests.Benchmarks;

public sealed class KioskSoakBenchmarkTests
{
    [Theory]
    // after the first loop | at the end | change | stable (end within +10 % of the first loop)
    [InlineData(100.0, 100.0, 0.0, true)]
    [InlineData(100.0, 110.0, 0.10, true)]
    [InlineData(100.0, 110.5, 0.105, false)]
    [InlineData(200.0, 150.0, -0.25, true)] // less at the end (a collection) is stable
    [InlineData(1200.0, 1500.0, 0.25, false)]
    public void A_measure_is_stable_when_the_end_is_within_ten_percent_above_the_first_loop(double first, double end, double change, bool stable)
    {
        var medida = new KioskSoakBenchmark.Medida("Nodos del DOM", first, end, "");

        Assert.Equal(change, medida.Cambio, 6);
        Assert.Equal(stable, medida.Estable);
    }

    [Fact]
    public async Task The_report_names_each_measure_and_fails_on_a_console_error_even_when_memory_is_stable()
    {
        using var output = new StringWriter();
        KioskSoakBenchmark.Medida[] medidas = [new("Memoria del servidor (RSS)", 300, 305, "MB"), new("Nodos del DOM", 1200, 1200, "")];

        await KioskSoakBenchmark.WriteAsync(output, 10, false, 3, 6, 0, 1, ["Uncaught TypeError: x"], medidas);

        var text = output.ToString();
        Assert.Contains("Kiosco 1920×1080 durante 10 min: carrusel de 3 diapositivas, 6 visitas (0 fallidas)", text);
        Assert.Contains("Memoria del servidor (RSS)       300,0 MB     305,0 MB    +1,7 %  sí", text);
        Assert.Contains("    Uncaught TypeError: x", text);
        Assert.EndsWith("Resultado: NO estable o con errores de consola" + Environment.NewLine, text);
    }
}
