using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CallVault.Infrastructure.Persistence;

/// <summary>
/// One SQLite writer at a time inside this process, queued in order and woken the moment the one before
/// it finishes. SQLite's own lock stays the guarantee (other processes, the CLI); this gate only replaces
/// its wait, a sleep that backs off to 100 ms a try: job workers and the webhook writer queued on the
/// lock spent most of their time asleep after it was already free.
/// Saves outside an explicit transaction pass the gate here (a save-changes interceptor); code that runs
/// its own write transaction or a single writing statement passes it with <see cref="EnterAsync"/>.
/// It is not re-entrant: a holder must not save through another context meanwhile. A wait longer than
/// the busy timeout goes on without the gate, back to SQLite's own wait, rather than stalling writes.
/// </summary>
public sealed class SqliteWriteGate(TimeSpan maxWait) : SaveChangesInterceptor
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits for the gate when <paramref name="db"/> is SQLite; dispose the result to let the next writer in.</summary>
    public static async ValueTask<Passage> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        var gate = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SqliteWriteGate>().FirstOrDefault();
        return gate is null ? default : await gate.EnterAsync(cancellationToken);
    }

    /// <summary>Waits for the gate (for work that writes without a context); dispose the result to let the next writer in.</summary>
    public async ValueTask<Passage> EnterAsync(CancellationToken cancellationToken) =>
        await WaitAsync(cancellationToken) ? new Passage(this) : default;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CallVaultDbContext { Database.CurrentTransaction: null } db)
        {
            db.HoldsWriteGate = await WaitAsync(cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CallVaultDbContext { Database.CurrentTransaction: null } db)
        {
            db.HoldsWriteGate = _gate.Wait(maxWait);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Leave(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Leave(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Leave(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    private Task<bool> WaitAsync(CancellationToken cancellationToken) => _gate.WaitAsync(maxWait, cancellationToken);

    private void Leave(DbContext? context)
    {
        if (context is CallVaultDbContext { HoldsWriteGate: true } db)
        {
            db.HoldsWriteGate = false;
            _gate.Release();
        }
    }

    /// <summary>A pass through the gate (or none, on PostgreSQL or after a wait that ran out).</summary>
    public readonly struct Passage(SqliteWriteGate? gate) : IDisposable
    {
        public void Dispose() => gate?._gate.Release();
    }
}
