using Microsoft.Extensions.DependencyInjection;
using OpenLicitaciones.Components;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Benchmarks;
using OpenLicitaciones.Tests.Api;

namespace OpenLicitaciones.Tests.Benchmarks;

public sealed class MainViewsTestsOnSqlite(SqliteDemoApiFixture demo) : MainViewsTests(demo), IClassFixture<SqliteDemoApiFixture>;

public sealed class MainViewsTestsOnPostgresql(PostgresDemoApiFixture demo) : MainViewsTests(demo), IClassFixture<PostgresDemoApiFixture>;

/// <summary>
/// The benchmark's main views on the demo data, on each engine: the app's answer and the hand-written SQL's must count
/// the same rows, or the SQL is no reference for that view. Timings are the benchmark's business, not asserted here.
/// </summary>
public abstract class MainViewsTests(DemoApiFixture demo)
{
    private IReadOnlyList<MainView> Views()
    {
        var services = demo.Api.Services;
        return MainViews.Create(services, services.GetRequiredService<DatabaseSettings>(), ColombiaTime.Now(services.GetRequiredService<TimeProvider>()));
    }

    [Fact]
    public async Task Every_view_counts_the_same_rows_in_the_app_and_in_its_SQL()
    {
        var differences = new List<string>();
        foreach (var view in Views())
        {
            var (app, sql) = (await view.App(CancellationToken.None), await view.Sql(CancellationToken.None));
            if (app != sql) differences.Add($"{view.Name} ?{view.Query}: app {app}, SQL {sql}");
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public async Task Every_view_finds_rows_in_the_demo_data()
    {
        foreach (var view in Views())
        {
            var total = await view.App(CancellationToken.None);
            Assert.True(total > 0, $"{view.Name} ?{view.Query}: no rows");
        }
    }

    [Fact]
    public async Task The_views_are_the_issue_s_main_views_and_answer_as_their_endpoints_do()
    {
        var views = Views();

        Assert.Equal(
        [
            "Banco: lista sin filtros", "Banco: alimentación (PAE) de enero a junio, por valor", "Banco: detalle de una oportunidad",
            "Monitor: proveedores sin filtros", "Monitor: proveedores con mujer representante y mipyme, tres años",
            "Monitor: perfil de un proveedor", "Monitor: alertas",
            "Capacidad: registro de productores para el mapa", "Capacidad: oferta y demanda por familia y año",
            "Indicadores: tablero por año", "Indicadores: contratos detrás de G1 en un año",
        ], views.Select(v => v.Name));
        Assert.Equal("pae=true&mesDesde=2026-01&mesHasta=2026-06&orden=-valor", views[1].Query); // the year is the clock's
        Assert.Equal("mujer=si&pyme=true&desde=2024&hasta=2026", views[4].Query);
        // The detail was picked with a process and a contract: the line, at least one of each.
        Assert.True(await views[2].App(CancellationToken.None) >= 3);
        // A filter narrows the list it filters.
        Assert.True(await views[1].App(CancellationToken.None) < await views[0].App(CancellationToken.None));
        Assert.True(await views[4].App(CancellationToken.None) < await views[3].App(CancellationToken.None));
        Assert.Equal(6, await views[6].App(CancellationToken.None)); // the six red flags
    }
}
