using CallVault.Core.Sync;
using CallVault.Infrastructure.Reconciliation;

namespace CallVault.Infrastructure.Sync;

/// <summary>Live counts for progress while a page is written: the committed counts plus what this page added so far.</summary>
internal sealed class ImportTally(Guid importId, ImportCounts committed, int pages)
{
    private int _found = committed.Found;
    private int _imported = committed.Imported;
    private int _skipped = committed.Skipped;
    private int _failed = committed.Failed;

    public void Add(ImportItemResult result)
    {
        if (!result.New)
        {
            return;
        }

        Interlocked.Increment(ref _found);
        _ = result.Outcome switch
        {
            ImportItemOutcome.Imported => Interlocked.Increment(ref _imported),
            ImportItemOutcome.Skipped => Interlocked.Increment(ref _skipped),
            _ => Interlocked.Increment(ref _failed),
        };
        SyncMetrics.RecordImported(result.Outcome switch
        {
            ImportItemOutcome.Imported => "imported",
            ImportItemOutcome.Skipped => "skipped",
            _ => "failed",
        });
    }

    public ImportProgress Snapshot() =>
        new(importId, Volatile.Read(ref _found), Volatile.Read(ref _imported), Volatile.Read(ref _skipped), Volatile.Read(ref _failed), pages, PageCommitted: false);
}
