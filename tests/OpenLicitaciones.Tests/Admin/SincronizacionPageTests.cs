using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;
using static OpenLicitaciones.Tests.Sync.ProcesoRows;

namespace OpenLicitaciones.Tests.Admin;

/// <summary>The sync section's two pages rendered by bunit over the app's services, signed in as an admin with the second factor.</summary>
public sealed class SincronizacionPageTests : ComponentTest
{
    private const string Email = "admin@palmira.gov.co";
    private static readonly DateTime Ayer = new(2026, 11, 21, 13, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The app over <paramref name="testDb"/>, seeded; bunit's user is a real admin account. Unless <paramref name="colaReal"/>,
    /// the page gets a queue that is never started, so what it queued stays queued.
    /// </summary>
    private async Task<(ApiHost App, ColaSincronizacion Cola)> StartAsync(TestDb testDb, string url, Action<AppDbContext>? seed = null, bool colaReal = false)
    {
        var app = await ApiHost.StartAsync(testDb);
        if (seed is not null)
        {
            await using var db = testDb.CreateDbContext();
            seed(db);
            await db.SaveChangesAsync();
        }
        await IngresarComoPersonalAsync(app.Services, Email, Roles.Admin);
        UseAppServices(app.Services);
        var cola = colaReal
            ? app.Services.GetRequiredService<ColaSincronizacion>()
            : new ColaSincronizacion(app.Services.GetRequiredService<IServiceScopeFactory>(), testDb, TimeProvider.System, NullLogger<ColaSincronizacion>.Instance);
        Services.AddSingleton(cola);
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return (app, cola);
    }

    private static SyncRun Corrida(string dataset, int horasAntes, int leidas, string? error = null) => new()
    {
        Dataset = dataset, Source = "socrata", StartedAt = Ayer.AddHours(-horasAntes), FinishedAt = Ayer.AddHours(-horasAntes).AddSeconds(75),
        RowsRead = leidas, RowsUpserted = leidas - 1, RowsQuarantined = 1, Error = error,
    };

    private static QuarantinedRow EnCuarentena(string dataset, string? clave, string motivo, string raw = "{}") => new()
    {
        Dataset = dataset, RowKey = clave, Reason = motivo, RawJson = raw, QuarantinedAt = Ayer,
    };

    private static IElement Conjunto(IRenderedComponent<SincronizacionPage> page, string id) =>
        page.FindAll("[data-testid=conjunto]").Single(s => s.GetAttribute("data-conjunto") == id);

    /// <summary>Finds and clicks in one go on the renderer's thread: the queue's events re-render the page at any time.</summary>
    private static Task Sincronizar(IRenderedComponent<SincronizacionPage> page, string dataset) =>
        page.InvokeAsync(() => Conjunto(page, dataset).QuerySelector("button[data-testid=sincronizar]")!.Click());

    [Fact]
    public async Task Each_dataset_shows_its_last_runs_newest_first_with_errors_as_text_and_its_quarantine_count()
    {
        using var testDb = new TestDb();
        await using var _ = (await StartAsync(testDb, "/admin/sincronizacion", db =>
        {
            db.SyncRuns.AddRange(Corrida(Dataset, 48, 1200), Corrida(Dataset, 2, 30, "<script>alert('x')</script> HTTP 503"));
            db.Quarantine.AddRange(EnCuarentena(Dataset, "a", "m"), EnCuarentena(Dataset, "b", "m"), EnCuarentena("jbjy-vk9h", "c", "m"));
        })).App;

        var page = Render<SincronizacionPage>();
        page.WaitForAssertion(() => Assert.Equal(SecopDatasets.All.Count, page.FindAll("[data-testid=conjunto]").Count));

        var procesos = Conjunto(page, Dataset);
        var filas = procesos.QuerySelectorAll("tr.corrida");
        Assert.Equal(2, filas.Length);
        var celdas = filas[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["1 min 15 s", "30", "29", "1", "socrata"], celdas.Skip(1).Take(5));
        Assert.Contains("Falló", celdas[6]);
        Assert.Equal("<script>alert('x')</script> HTTP 503", filas[0].QuerySelector(".corrida-error")!.TextContent);
        Assert.Empty(page.FindAll("script"));
        Assert.Equal("1.200", filas[1].QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Contains("Correcta", filas[1].QuerySelector("[data-testid=resultado]")!.TextContent);
        Assert.Equal("2 filas en cuarentena", procesos.QuerySelector("[data-testid=enlace-cuarentena]")!.TextContent.Trim());
        Assert.EndsWith("/admin/sincronizacion/cuarentena?conjunto=p6dx-8zbt", procesos.QuerySelector("[data-testid=enlace-cuarentena]")!.GetAttribute("href"));
        var planes = Conjunto(page, "9sue-ezhx");
        Assert.NotNull(planes.QuerySelector("[data-testid=sin-corridas]"));
        Assert.Null(planes.QuerySelector("[data-testid=enlace-cuarentena]"));
    }

    [Fact]
    public async Task Sincronizar_ahora_queues_the_dataset_once_with_an_audit_entry_and_its_button_then_says_it_is_queued()
    {
        using var testDb = new TestDb();
        var (app, cola) = await StartAsync(testDb, "/admin/sincronizacion");
        await using var _ = app;
        var page = Render<SincronizacionPage>();
        page.WaitForAssertion(() => Assert.Equal(SecopDatasets.All.Count, page.FindAll("[data-testid=conjunto]").Count));

        await Sincronizar(page, Dataset);
        page.WaitForAssertion(() => Assert.Equal([Dataset], cola.Estado.EnEspera));
        await Sincronizar(page, "jbjy-vk9h");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=cola-espera] li").Count));

        var boton = Conjunto(page, Dataset).QuerySelector("button[data-testid=sincronizar]")!;
        Assert.Equal("En cola (puesto 1)", boton.TextContent.Trim());
        Assert.True(boton.HasAttribute("disabled"));
        Assert.Equal("En cola (puesto 2)", Conjunto(page, "jbjy-vk9h").QuerySelector("button[data-testid=sincronizar]")!.TextContent.Trim());
        Assert.Equal("Sincronizar ahora", Conjunto(page, "9sue-ezhx").QuerySelector("button[data-testid=sincronizar]")!.TextContent.Trim());
        Assert.Equal(["Procesos de contratación", "Contratos electrónicos"], page.FindAll("[data-testid=cola-espera] li").Select(li => li.TextContent));
        Assert.Equal([Dataset, "jbjy-vk9h"], cola.Estado.EnEspera);
        // Asked again (another tab, another admin): refused by the queue, no second audit entry.
        Assert.Equal(PedidoSincronizacion.YaEnCola, await cola.PedirAsync(new Actor("x", Email, true), new ProcesosDataset()));
        await using var db = testDb.CreateDbContext();
        var entradas = await db.Auditoria.Where(a => a.Entidad == Auditoria.Sincronizacion).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([(Email, Dataset), (Email, "jbjy-vk9h")], entradas.Select(a => (a.Usuario, a.Clave)));
    }

    [Fact]
    public async Task A_run_asked_for_on_the_page_shows_live_and_its_run_appears_in_the_table_when_it_ends()
    {
        using var testDb = new TestDb();
        await using var _ = (await StartAsync(testDb, "/admin/sincronizacion", colaReal: true)).App; // the app's queue, over demo data
        var page = Render<SincronizacionPage>();
        page.WaitForAssertion(() => Assert.NotNull(Conjunto(page, Dataset).QuerySelector("[data-testid=sin-corridas]")));

        await Sincronizar(page, Dataset);

        page.WaitForAssertion(() => Assert.Contains("terminó con", Conjunto(page, Dataset).QuerySelector("[data-testid=ultimo-pedido]")!.TextContent));
        page.WaitForAssertion(() =>
        {
            var fila = Assert.Single(Conjunto(page, Dataset).QuerySelectorAll("tr.corrida"));
            Assert.Equal("demo", fila.QuerySelectorAll("td")[5].TextContent.Trim());
            Assert.Contains("Correcta", fila.QuerySelector("[data-testid=resultado]")!.TextContent);
        });
        Assert.NotNull(page.Find("[data-testid=cola-libre]"));
        Assert.Equal("Sincronizar ahora", Conjunto(page, Dataset).QuerySelector("button[data-testid=sincronizar]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_quarantine_list_filters_by_dataset_and_text_from_the_url_pages_on_the_server_and_exports_the_same_filter()
    {
        using var testDb = new TestDb();
        await using var _ = (await StartAsync(testDb, "/admin/sincronizacion/cuarentena?conjunto=p6dx-8zbt&q=PRECIO&page=2", db =>
        {
            db.Quarantine.AddRange(Enumerable.Range(1, 30).Select(n => EnCuarentena(Dataset, ProcessId(n), $"precio_base: '{n}x' no es un valor numérico")));
            db.Quarantine.Add(EnCuarentena(Dataset, "CO1.REQ.otro", "fecha_de_publicacion_del: 'ayer' no es una fecha"));
            db.Quarantine.Add(EnCuarentena("jbjy-vk9h", "CO1.PCCNTR.1", "precio_base: '?' no es un valor numérico"));
        })).App;

        var page = Render<SincronizacionCuarentenaPage>();
        page.WaitForAssertion(() => Assert.Equal("30", page.Find("[data-testid=cuarentena-total]").TextContent));

        // Newest first, 25 a page: the second page holds the five first quarantined.
        Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(ProcessId), page.FindAll("[data-testid=fila-clave]").Select(c => c.TextContent));
        Assert.All(page.FindAll("[data-testid=fila-conjunto]"), c => Assert.Equal("Procesos de contratación", c.TextContent));
        Assert.NotNull(page.Find("[data-testid=paginador]"));
        Assert.EndsWith("/admin/sincronizacion/cuarentena.csv?conjunto=p6dx-8zbt&q=PRECIO", page.Find("[data-testid=cuarentena-csv]").GetAttribute("href"));
        Assert.Contains("las 30 filas del filtro", page.Find("[data-testid=reintentar-todas]").TextContent);

        await page.Find("input[type=search]").ChangeAsync(new ChangeEventArgs { Value = "fecha" });
        await page.Find("form[role=search]").SubmitAsync();
        Assert.EndsWith("/admin/sincronizacion/cuarentena?conjunto=p6dx-8zbt&q=fecha", Services.GetRequiredService<NavigationManager>().Uri);
        var filtrada = Render<SincronizacionCuarentenaPage>();
        filtrada.WaitForAssertion(() => Assert.Equal(["CO1.REQ.otro"], filtrada.FindAll("[data-testid=fila-clave]").Select(c => c.TextContent)));
        Assert.Empty(filtrada.FindAll("[data-testid=paginador]"));
    }

    [Fact]
    public async Task An_unknown_dataset_in_the_url_is_ignored_with_a_warning()
    {
        using var testDb = new TestDb();
        await using var _ = (await StartAsync(testDb, "/admin/sincronizacion/cuarentena?conjunto=nada", db =>
            db.Quarantine.Add(EnCuarentena(Dataset, "k", "m")))).App;

        var page = Render<SincronizacionCuarentenaPage>();

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=cuarentena-total]").TextContent));
        Assert.Equal("conjunto: 'nada' no es un conjunto de datos de SECOP conocido; se ignora",
            page.Find("[data-testid=cuarentena-avisos] li").TextContent);
    }

    [Fact]
    public async Task The_raw_row_opens_as_indented_text_with_markup_in_it_encoded()
    {
        using var testDb = new TestDb();
        var raw = Row(1);
        raw["nombre_del_procedimiento"] = "<script>alert('x')</script>";
        await using var _ = (await StartAsync(testDb, "/admin/sincronizacion/cuarentena", db =>
            db.Quarantine.Add(EnCuarentena(Dataset, "<b>clave</b>", "motivo <img src=x onerror=alert(1)>", raw.ToJsonString())))).App;
        var page = Render<SincronizacionCuarentenaPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=fila-clave]")));
        Assert.Empty(page.FindAll("[data-testid=fila-original]"));

        await page.Find("button[data-testid=ver-fila]").ClickAsync(new());

        var pre = page.Find("[data-testid=fila-original]");
        Assert.Contains("\n  \"nombre_del_procedimiento\": \"<script>alert('x')</script>\",\n", pre.TextContent);
        Assert.Empty(pre.Children);
        Assert.Equal("<b>clave</b>", page.Find("[data-testid=fila-clave]").TextContent);
        Assert.Equal("motivo <img src=x onerror=alert(1)>", page.Find("[data-testid=fila-motivo]").TextContent);
        Assert.Empty(page.FindAll("script, b, img"));
        Assert.Equal("true", page.Find("button[data-testid=ver-fila]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task Reintentar_on_a_row_stores_it_removes_it_from_the_list_and_says_so_in_a_snackbar()
    {
        using var testDb = new TestDb();
        long corrida = 0;
        await using var _ = (await StartAsync(testDb, "/admin/sincronizacion/cuarentena", db =>
        {
            var run = new SyncRun { Dataset = Dataset, Source = "demo", StartedAt = Ayer, FinishedAt = Ayer };
            db.SyncRuns.Add(run);
            db.SaveChanges();
            corrida = run.Id;
            db.Quarantine.Add(new QuarantinedRow
            {
                SyncRunId = corrida, Dataset = Dataset, RowKey = ProcessId(1), Reason = "motivo de antes", RawJson = Row(1).ToJsonString(), QuarantinedAt = Ayer,
            });
        })).App;
        var page = Render<SincronizacionCuarentenaPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=fila-clave]")));

        await page.Find("button[data-testid=reintentar]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=cuarentena-vacia]")));
        var aviso = Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal("1 fila reintentada: 1 guardada, 0 siguen fallando.", aviso.Message);
        await using var db = testDb.CreateDbContext();
        Assert.Equal(ProcessId(1), (await db.Procesos.SingleAsync()).IdDelProceso);
        Assert.Equal(Email, (await db.Auditoria.SingleAsync(a => a.Entidad == Auditoria.Cuarentena)).Usuario);
    }
}

public sealed class SincronizacionDuracionTests
{
    [Theory]
    [InlineData(0, "menos de 1 s")]
    [InlineData(999, "menos de 1 s")]
    [InlineData(1_000, "1 s")]
    [InlineData(59_999, "59 s")]
    [InlineData(75_000, "1 min 15 s")]
    [InlineData(3_599_000, "59 min 59 s")]
    [InlineData(3_600_000, "1 h 00 min")]
    [InlineData(9_125_000, "2 h 32 min")]
    public void A_run_duration_reads_in_the_largest_units_that_fit(int milisegundos, string texto) =>
        Assert.Equal(texto, SincronizacionPage.TextoDuracion(TimeSpan.FromMilliseconds(milisegundos)));
}
