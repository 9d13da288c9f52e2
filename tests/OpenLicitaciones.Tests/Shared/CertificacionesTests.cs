using OpenLicitaciones.Features.Shared;

namespace OpenLicitaciones.Tests.Shared;

public sealed class CertificacionesTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ol-certificaciones-{Guid.NewGuid():N}.csv");

    [Fact]
    public void Bad_rows_are_left_out_by_row_and_field_without_repeating_a_document_number()
    {
        File.WriteAllText(_path, """
            NIT,Desde,Hasta,Evidencia
            901200303-1,2024-01-01,,Acta 3 de 2024
            1144055123,2024-01-01,,Acta 4
            901200304,01/02/2024,,Acta 5
            901200305,2024-01-01,2023-12-31,Acta 6
            901200306,2024-01-01,2025-13-01,Acta 7
            901200307,2024-01-01,,
            901200308,2024-01-01
            """);

        var (filas, errores) = Certificaciones.Leer(_path);

        var fila = Assert.Single(filas);
        Assert.Equal(("901200303", new DateOnly(2024, 1, 1), (DateOnly?)null, "Acta 3 de 2024"), (fila.Nit, fila.Desde, fila.Hasta, fila.Evidencia));
        Assert.Equal([("fila 3", "nit"), ("fila 4", "desde"), ("fila 5", "hasta"), ("fila 6", "hasta"), ("fila 7", "evidencia"), ("fila 8", "evidencia")],
            errores.Select(e => (e.Fila, e.Campo)));
        Assert.DoesNotContain(errores, e => e.ToString().Contains("1144055123"));
    }

    [Fact]
    public void The_shipped_file_is_empty_and_the_demo_file_loads_whole()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");

        Assert.Equal((0, 0), (Certificaciones.Leer(Path.Combine(data, "certificaciones.csv")).Filas.Count, Certificaciones.Leer(Path.Combine(data, "certificaciones.csv")).Errores.Count));
        var (demo, errores) = Certificaciones.Leer(Path.Combine(data, "certificaciones_demo.csv"));
        Assert.Empty(errores);
        Assert.NotEmpty(demo);
        Assert.All(demo, c => Assert.StartsWith("Demostración", c.Evidencia));
    }

    public void Dispose() => File.Delete(_path);
}
