using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Admin;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;
using static OpenLicitaciones.Tests.Sync.ProcesoRows;

namespace OpenLicitaciones.Tests.Admin;

/// <summary>"Sincronizar ahora": the queue runs the real SecopSync against the fake SODA server, one dataset at a time.</summary>
public sealed class ColaSincronizacionTests : IAsyncLifetime
{
    private const string Planes = "9sue-ezhx";
    private static readonly Actor Admin = new("id-admin", "admin@palmira.gov.co", true);
    private readonly TestDb _db = new();
    private FakeSodaServer _fake = null!;
    private IHost _host = null!;
    private ColaSincronizacion _cola = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSodaServer.StartAsync();
        _host = await TestHost.StartAsync(_db, new Dictionary<string, string?>
        {
            ["Sync:Source"] = "socrata", ["Sync:BaseUrl"] = _fake.BaseUrl, ["Sync:PageSize"] = "3", ["Sync:OverlapMinutes"] = "0",
        });
        _cola = new ColaSincronizacion(_host.Services.GetRequiredService<IServiceScopeFactory>(), _db, TimeProvider.System,
            NullLogger<ColaSincronizacion>.Instance);
        await _cola.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _cola.StopAsync(CancellationToken.None);
        _cola.Dispose();
        _host.Dispose();
        await _fake.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Two_datasets_run_one_after_the_other_the_running_one_reports_its_rows_and_neither_is_queued_twice()
    {
        _fake.Put(Dataset, Many(10));
        _fake.Put(Planes); // no rows: a run that reads nothing
        var soltar = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fake.On(2, new Fault.Hold(soltar.Task)); // the second page of p6dx waits until the test lets it go
        var planesAntesDeSoltar = false;
        _fake.OnRequest = r =>
        {
            if (r.Dataset == Planes && !soltar.Task.IsCompleted) planesAntesDeSoltar = true;
        };
        var filasVistas = new List<int>();
        _cola.Cambio += () =>
        {
            var estado = _cola.Estado;
            lock (filasVistas) if (estado.EnCurso == Dataset) filasVistas.Add(estado.FilasLeidas);
        };

        Assert.Equal(PedidoSincronizacion.Encolado, await _cola.PedirAsync(Admin, new ProcesosDataset()));
        Assert.Equal(PedidoSincronizacion.Encolado, await _cola.PedirAsync(Admin, new PaaLinesDataset()));
        await Until(() => _cola.Estado.FilasLeidas == 3);

        // While p6dx waits on its second page: it runs with its first page's 3 rows read, 9sue waits behind it.
        var enCurso = _cola.Estado;
        Assert.Equal((Dataset, 3), (enCurso.EnCurso, enCurso.FilasLeidas));
        Assert.Equal([Planes], enCurso.EnEspera);
        await Until(() => { lock (filasVistas) return filasVistas.Contains(3); });
        Assert.Equal(PedidoSincronizacion.YaEnCurso, await _cola.PedirAsync(Admin, new ProcesosDataset()));
        Assert.Equal(PedidoSincronizacion.YaEnCola, await _cola.PedirAsync(Admin, new PaaLinesDataset()));
        Assert.Equal([Planes], _cola.Estado.EnEspera);

        soltar.SetResult();
        await Until(() => _cola.Estado.Ultimos.Count == 2);

        var fin = _cola.Estado;
        Assert.Null(fin.EnCurso);
        Assert.Empty(fin.EnEspera);
        Assert.Equal((10, 10, (string?)null), (fin.Ultimos[Dataset].RowsRead, fin.Ultimos[Dataset].RowsUpserted, fin.Ultimos[Dataset].Error));
        Assert.Equal((0, (string?)null), (fin.Ultimos[Planes].RowsRead, fin.Ultimos[Planes].Error));
        Assert.False(planesAntesDeSoltar, "9sue-ezhx empezó mientras p6dx-8zbt seguía corriendo");
        // Subscribers read the state when their turn on the thread pool comes: each sees a count the sync reported after a page.
        lock (filasVistas) Assert.All(filasVistas, n => Assert.Contains(n, new[] { 0, 3, 6, 9, 10 }));
        await using var db = _db.CreateDbContext();
        Assert.Equal([Dataset, Planes], await db.SyncRuns.OrderBy(r => r.Id).Select(r => r.Dataset).ToListAsync());
        // One audit entry per accepted request; the refused repeats left none.
        var entradas = await db.Auditoria.Where(a => a.Entidad == Auditoria.Sincronizacion).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([Dataset, Planes], entradas.Select(a => a.Clave));
        Assert.All(entradas, a => Assert.Equal(("admin@palmira.gov.co", "sincronizar"), (a.Usuario, a.Accion)));
    }

    [Fact]
    public async Task A_dataset_can_be_queued_again_once_its_run_has_finished()
    {
        _fake.Put(Dataset, Many(2));

        Assert.Equal(PedidoSincronizacion.Encolado, await _cola.PedirAsync(Admin, new ProcesosDataset()));
        await Until(() => _cola.Estado.Ultimos.ContainsKey(Dataset));
        Assert.Equal(PedidoSincronizacion.Encolado, await _cola.PedirAsync(Admin, new ProcesosDataset()));
        await Until(() => _cola.Estado is { EnCurso: null, EnEspera.Count: 0 } && _fake.Requests.Count == 2);

        await using var db = _db.CreateDbContext();
        Assert.Equal(2, await db.SyncRuns.CountAsync(r => r.Dataset == Dataset && r.FinishedAt != null && r.Error == null));
    }

    [Fact]
    public async Task A_dataset_another_process_is_syncing_is_not_started_and_the_queue_says_why()
    {
        await using (var db = _db.CreateDbContext())
        {
            // A live holder on this machine (this very process) whose lease is far from expiring on the host's clock.
            var me = ProcessIdentity.Current;
            var ahora = TestHost.Today.UtcDateTime;
            db.SyncLeases.Add(new SyncLease
            {
                Dataset = Dataset, Holder = "otro", Machine = me.Machine, ProcessId = me.ProcessId, ProcessStart = me.Start,
                HeartbeatAt = ahora, ExpiresAt = ahora.AddHours(1),
            });
            await db.SaveChangesAsync();
        }

        await _cola.PedirAsync(Admin, new ProcesosDataset());
        await Until(() => _cola.Estado.Ultimos.ContainsKey(Dataset));

        Assert.Contains("otra sincronización de este conjunto está en curso", _cola.Estado.Ultimos[Dataset].Error);
        Assert.Empty(_fake.Requests);
    }

    private static async Task Until(Func<bool> condicion)
    {
        using var limite = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condicion())
        {
            limite.Token.ThrowIfCancellationRequested();
            await Task.Delay(10, CancellationToken.None);
        }
    }
}
