using CallVault.Core.Webhooks;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Persistence;

namespace CallVault.Infrastructure.Tests.TestSupport;

/// <summary>
/// Writes one raw event row under <see cref="DedupeKey"/>, and notes the transaction it ran in (to see
/// which writes shared a batch). With <c>poison</c> it throws after adding the row, like a bad event.
/// </summary>
internal sealed class ProbeCommand(string dedupeKey, bool poison = false) : IIngestCommand
{
    public string DedupeKey { get; } = dedupeKey;

    public Guid? TransactionId { get; private set; }

    public Task<IngestResult> ApplyAsync(CallVaultDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        TransactionId = db.Database.CurrentTransaction?.TransactionId;
        db.InboundEvents.Add(new InboundEvent
        {
            Provider = "test",
            Kind = "probe",
            DedupeKey = DedupeKey,
            ContentType = "text/plain",
            Body = DedupeKey,
            ReceivedAt = now,
        });
        if (poison)
        {
            throw new InvalidOperationException($"poisoned event {DedupeKey}");
        }

        return Task.FromResult(new IngestResult(Duplicate: false, JobEnqueued: false));
    }
}
