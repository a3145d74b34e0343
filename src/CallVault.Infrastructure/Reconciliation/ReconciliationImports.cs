using CallVault.Core.Reconciliation;
using CallVault.Core.Sync;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Sync;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>
/// Recordings a reconciliation imports go through <see cref="ProviderRecordingImporter"/> exactly like
/// an import's, so they need an import and its ledger: one per run, with the run's id and job, listed
/// with the other imports (<c>requestedBy</c> names the run). A run started again reuses it, and the
/// ledger keeps a recording from being counted twice.
/// </summary>
internal sealed class ReconciliationImports(IDbContextFactory<CallVaultDbContext> contextFactory, TimeProvider time)
{
    public async Task<Guid> EnsureAsync(ReconciliationRun run, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Imports.AnyAsync(i => i.Id == run.Id, cancellationToken))
        {
            return run.Id;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.Imports.Add(new Import
        {
            Id = run.Id,
            Provider = "twilio",
            From = from,
            To = to,
            Status = ImportStatus.Running,
            JobId = run.JobId,
            StartedAt = now,
            UpdatedAt = now,
            RequestedBy = $"reconciliation {run.Id}",
        });
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    public async Task FinishAsync(Guid importId, string? error, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var import = await db.Imports.FirstAsync(i => i.Id == importId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        (await ImportCounts.FromLedgerAsync(db, importId, cancellationToken)).ApplyTo(import);
        import.Status = error is null ? ImportStatus.Completed : ImportStatus.Failed;
        import.LastError = error;
        import.FinishedAt = now;
        import.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }
}
