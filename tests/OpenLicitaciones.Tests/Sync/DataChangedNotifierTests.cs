using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Sync;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Sync;

/// <summary>CONTRACTS §6: one slow or failing page never delays or blocks the others; a failure is never re-announced.</summary>
public sealed class DataChangedNotifierTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_slow_subscriber_does_not_delay_the_ones_after_it()
    {
        var notifier = new DataChangedNotifier();
        var slowRelease = new TaskCompletionSource();
        var fastHeard = new TaskCompletionSource();
        notifier.Changed += () => slowRelease.Task; // a page whose refresh hangs
        notifier.Changed += () =>
        {
            fastHeard.TrySetResult();
            return Task.CompletedTask;
        };

        var notification = notifier.NotifyAsync();

        await fastHeard.Task.WaitAsync(Generous);
        Assert.False(notification.IsCompleted); // it still waits for the slow one, but the fast one did not
        slowRelease.SetResult();
        await notification.WaitAsync(Generous);
    }

    [Fact]
    public async Task A_throwing_subscriber_neither_skips_the_others_nor_fails_the_notification()
    {
        var notifier = new DataChangedNotifier();
        var heard = 0;
        notifier.Changed += () => throw new InvalidOperationException("página rota");
        notifier.Changed += () => Task.FromException(new InvalidOperationException("otra página rota"));
        notifier.Changed += () =>
        {
            Interlocked.Increment(ref heard);
            return Task.CompletedTask;
        };

        await notifier.NotifyAsync();

        Assert.Equal(1, heard);
        Assert.Equal(1, notifier.Version);
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_make_the_watcher_announce_the_same_run_again()
    {
        using var testDb = new TestDb();
        using var host = await TestHost.StartAsync(testDb, hosted: true);
        var notifier = host.Services.GetRequiredService<DataChangedNotifier>();
        var heard = 0;
        var first = new TaskCompletionSource();
        notifier.Changed += () =>
        {
            Interlocked.Increment(ref heard);
            first.TrySetResult();
            throw new InvalidOperationException("página rota");
        };
        await Task.Delay(SyncRunWatcher.Interval * 1.5); // let the watcher read the current state first

        await AddRunAsync(testDb, rowsUpserted: 5);
        await first.Task.WaitAsync(Generous);
        await Task.Delay(SyncRunWatcher.Interval * 3); // several more polls of the same state

        Assert.Equal(1, heard);
        Assert.Equal(1, notifier.Version);
        await host.StopAsync();
    }

    [Fact]
    public async Task Only_runs_that_stored_rows_raise_the_change()
    {
        using var testDb = new TestDb();
        using var host = await TestHost.StartAsync(testDb, hosted: true);
        var notifier = host.Services.GetRequiredService<DataChangedNotifier>();
        var heard = new TaskCompletionSource();
        notifier.Changed += () =>
        {
            heard.TrySetResult();
            return Task.CompletedTask;
        };
        await Task.Delay(SyncRunWatcher.Interval * 1.5);

        await AddRunAsync(testDb, rowsUpserted: 0); // an incremental run that found nothing new
        await Task.Delay(SyncRunWatcher.Interval * 3);
        Assert.False(heard.Task.IsCompleted);

        await AddRunAsync(testDb, rowsUpserted: 2);
        await heard.Task.WaitAsync(Generous);
        Assert.Equal(1, notifier.Version);
        await host.StopAsync();
    }

    [Fact]
    public async Task Readers_keep_the_previous_version_while_a_rebuild_runs_and_a_change_during_it_schedules_one_more()
    {
        var notifier = new DataChangedNotifier();
        var builds = 0;
        var started = new SemaphoreSlim(0);
        var gate = new TaskCompletionSource();
        gate.SetResult();
        var view = new DerivedView<string>(notifier, NullLogger.Instance, async _ =>
        {
            var n = Interlocked.Increment(ref builds);
            started.Release();
            await gate.Task;
            return $"v{n}";
        });
        Assert.Equal("v1", await view.GetAsync()); // the very first read waits for the first build
        await started.WaitAsync(Generous);

        gate = new TaskCompletionSource();
        var change = notifier.NotifyAsync(); // build 2 starts and waits at the gate
        Assert.True(await started.WaitAsync(Generous));
        var read = view.GetAsync();
        Assert.True(read.IsCompletedSuccessfully); // no waiting once a version exists
        Assert.Equal("v1", await read);
        var secondChange = notifier.NotifyAsync(); // during build 2: one more build, not a second one at the same time
        var thirdChange = notifier.NotifyAsync();
        gate.SetResult();
        await Task.WhenAll(change, secondChange, thirdChange).WaitAsync(Generous);

        Assert.Equal(3, builds);
        Assert.Equal("v3", await view.GetAsync());
    }

    private static async Task AddRunAsync(TestDb testDb, int rowsUpserted)
    {
        await using var db = testDb.CreateDbContext(); // as the CLI would, through its own connection
        db.SyncRuns.Add(new SyncRun { Dataset = "p6dx-8zbt", Source = "demo", StartedAt = TestHost.Today.UtcDateTime, FinishedAt = TestHost.Today.UtcDateTime, RowsUpserted = rowsUpserted });
        await db.SaveChangesAsync();
    }
}
