using CallVault.Core.Sync;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Sync;

/// <summary>
/// One listed recording and its ledger row, in the writer's transaction: the recording event first
/// (when there is one to apply), then the <see cref="ImportItem"/>. A ledger row already there means
/// the item was handled before (a resumed page): nothing changes.
/// </summary>
internal sealed class ImportItemCommand(Guid importId, string recordingSid, IIngestCommand? recordingEvent, ImportItemOutcome outcomeWithoutEvent, string? reason)
    : IIngestCommand
{
    /// <summary>Set once the writer applied the command (valid after its write completed).</summary>
    public ImportItemResult? Result { get; private set; }

    public async Task<IngestResult> ApplyAsync(CallVaultDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.ImportItems
            .Where(i => i.ImportId == importId && i.RecordingSid == recordingSid)
            .Select(i => new { i.Outcome, i.Reason })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            Result = new ImportItemResult(existing.Outcome, New: false, existing.Reason);
            return IngestResult.AlreadySeen;
        }

        var result = IngestResult.AlreadySeen;
        var outcome = outcomeWithoutEvent;
        var why = reason;
        if (recordingEvent is not null)
        {
            result = await recordingEvent.ApplyAsync(db, now, cancellationToken);
            outcome = result.JobEnqueued ? ImportItemOutcome.Imported : ImportItemOutcome.Skipped;
            why = result.JobEnqueued ? null : result.Duplicate ? "already received (webhook or earlier import)" : "already stored or being processed";
        }

        db.ImportItems.Add(new ImportItem { ImportId = importId, RecordingSid = recordingSid, Outcome = outcome, Reason = why, At = now });
        Result = new ImportItemResult(outcome, New: true, why);
        return result;
    }
}
