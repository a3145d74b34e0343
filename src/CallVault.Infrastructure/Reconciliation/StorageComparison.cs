using CallVault.Core.Reconciliation;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>
/// Database vs storage, one month of keys at a time: the store's listing of the month (sorted) merged
/// with the keys recordings refer to (read in batches, sorted). Memory: one month's listing and one batch.
/// The listing is taken before the rows are read: the store stage saves a key before writing its object,
/// so an object listed has its key visible to the later read (no false orphan); a row that looks stored
/// without its object is checked once more before it counts (the object may have been written meanwhile).
/// </summary>
internal sealed class StorageComparison(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    IRecordingStorage storage,
    RecordingKeys keys,
    RecordingRepairs repairs,
    StoredObjectRepair objectRepair,
    IOptionsMonitor<ReconciliationOptions> options,
    TimeProvider time)
{
    /// <summary>Keys are at least this old a scan looks back, even with no recording that old (a database started afresh).</summary>
    private const int YearsBack = 5;

    public async Task RunAsync(ReconciliationRun run, ReconciliationTally tally, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        DateTime? oldest;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            oldest = await db.Recordings.MinAsync(r => (DateTime?)r.CreatedAt, cancellationToken);
        }

        var first = today.AddYears(-YearsBack);
        if (oldest is { } o && DateOnly.FromDateTime(o) < first)
        {
            first = DateOnly.FromDateTime(o);
        }

        var batch = options.CurrentValue.BatchSize;
        foreach (var (from, to) in ObjectAge.MonthPrefixes(first, today))
        {
            var objects = await storage.ListAsync(from, cancellationToken);
            tally.ObjectsScanned += objects.Count;
            var next = 0;
            Guid? lastHandled = null;
            await foreach (var row in keys.InRangeAsync(from, to, batch, cancellationToken))
            {
                for (; next < objects.Count && string.CompareOrdinal(objects[next].Key, row.Key) < 0; next++)
                {
                    await OrphanAsync(run, objects[next].Key, null, tally, now, cancellationToken);
                }

                var present = next < objects.Count && objects[next].Key == row.Key;
                if (present)
                {
                    next++;
                }

                if (!row.IsOriginal)
                {
                    tally.RecordingsScanned++;
                }

                // A recording's main and original keys sort next to each other: act once per recording.
                if (lastHandled != row.RecordingId && await CompareAsync(run, row, present, tally, now, cancellationToken))
                {
                    lastHandled = row.RecordingId;
                }
            }

            for (; next < objects.Count; next++)
            {
                await OrphanAsync(run, objects[next].Key, null, tally, now, cancellationToken);
            }
        }
    }

    /// <summary>One referenced key against the listing; true when it led to a finding about the recording.</summary>
    private async Task<bool> CompareAsync(ReconciliationRun run, KeyRow row, bool present, ReconciliationTally tally, DateTime now, CancellationToken cancellationToken)
    {
        switch (row.Status)
        {
            case RecordingStatus.Stored when !present:
                if (await storage.StatAsync(row.Key, computeHash: false, cancellationToken) is not null)
                {
                    return false;
                }

                tally.MissingObjects++;
                if (run.Repair == ReconciliationRepair.All)
                {
                    await objectRepair.RepairAsync(row.RecordingId, ReconciliationTally.MissingObjectKind, "stored object missing", tally, cancellationToken);
                }
                else
                {
                    tally.Note(ReconciliationTally.MissingObjectKind, row.RecordingId.ToString(), $"{row.Key} is missing; not repaired (dry run)");
                }

                return true;
            case var status when present && RecordingRepairs.IsInterruptible(status):
                return await InterruptedAsync(run, row, tally, cancellationToken);
            case RecordingStatus.Deleted or RecordingStatus.Absent when present:
                await OrphanAsync(run, row.Key, $"its recording {row.RecordingId} is {row.Status.ToString().ToLowerInvariant()}", tally, now, cancellationToken);
                return false;
            default:
                return false;
        }
    }

    /// <summary>An object whose recording never became stored: resumed (never deleted) unless a job of it is in flight.</summary>
    private async Task<bool> InterruptedAsync(ReconciliationRun run, KeyRow row, ReconciliationTally tally, CancellationToken cancellationToken)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await RecordingRepairs.HasActiveJobAsync(db, row.RecordingId, cancellationToken))
            {
                return false;
            }
        }

        tally.InterruptedStores++;
        var subject = row.RecordingId.ToString();
        if (run.Repair == ReconciliationRepair.None)
        {
            tally.Note(ReconciliationTally.InterruptedStoreKind, subject, $"{row.Key} was written but the recording is {row.Status.ToString().ToLowerInvariant()}; not resumed (dry run)");
        }
        else if (await repairs.ResumeAsync(row.RecordingId, cancellationToken))
        {
            tally.Repaired++;
            tally.Note(ReconciliationTally.InterruptedStoreKind, subject, $"{row.Key} was written but the recording never became stored: pipeline run again");
        }

        return true;
    }

    private async Task OrphanAsync(ReconciliationRun run, string key, string? why, ReconciliationTally tally, DateTime now, CancellationToken cancellationToken)
    {
        tally.OrphanObjects++;
        var age = ObjectAge.Of(key, now) ?? TimeSpan.Zero;
        var detail = $"{why ?? "no recording refers to it"}; about {Math.Max(0, (int)age.TotalDays)} day(s) old";
        if (!run.DeleteOrphans || age < TimeSpan.FromSeconds(run.OrphanGraceSeconds))
        {
            tally.Note(ReconciliationTally.OrphanObjectKind, key, run.DeleteOrphans ? $"{detail}; kept (within the grace period)" : detail);
            return;
        }

        if (await IsProtectedAsync(key, cancellationToken))
        {
            tally.Note(ReconciliationTally.OrphanObjectKind, key, $"{detail}; kept (a recording refers to it now)");
            return;
        }

        await storage.DeleteAsync(key, cancellationToken);
        tally.DeletedOrphans++;
        tally.Note(ReconciliationTally.OrphanObjectKind, key, $"{detail}; deleted");
    }

    /// <summary>Checked again just before a delete: a recording that is not deleted or absent refers to the key.</summary>
    private async Task<bool> IsProtectedAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Recordings.AnyAsync(
            r => (r.StorageKey == key || r.OriginalStorageKey == key) && r.Status != RecordingStatus.Deleted && r.Status != RecordingStatus.Absent,
            cancellationToken);
    }
}
