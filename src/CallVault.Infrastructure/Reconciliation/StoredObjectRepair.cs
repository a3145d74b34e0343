using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>
/// A stored recording whose object is missing or corrupt: fetched again when the provider still has it
/// (Twilio is asked; other sources are left to the download stage, which fails visibly if the source is
/// gone), marked failed with the reason when the provider answers that it no longer has it.
/// </summary>
internal sealed class StoredObjectRepair(IDbContextFactory<CallVaultDbContext> contextFactory, TwilioRecordingProbe probe, RecordingRepairs repairs)
{
    /// <summary><paramref name="problem"/>: e.g. "stored object missing".</summary>
    public async Task RepairAsync(Guid recordingId, string kind, string problem, ReconciliationTally tally, CancellationToken cancellationToken)
    {
        string? origin;
        string? providerId;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.Recordings.Where(r => r.Id == recordingId).Select(r => new { r.Origin, r.ProviderRecordingId }).FirstOrDefaultAsync(cancellationToken);
            origin = row?.Origin;
            providerId = row?.ProviderRecordingId;
        }

        var subject = recordingId.ToString();
        if (origin is null || providerId is null)
        {
            tally.Note(kind, subject, $"{problem}; the recording is gone");
            return;
        }

        var (copy, detail) = origin == RecordingOrigin.Twilio ? await probe.ProbeAsync(providerId, cancellationToken) : (ProviderCopy.Exists, $"fetched again from its {origin} source");
        switch (copy)
        {
            case ProviderCopy.Exists when await repairs.FetchAgainAsync(recordingId, problem, cancellationToken):
                tally.Repaired++;
                tally.Note(kind, subject, $"{problem}; {detail}: fetching it again");
                break;
            case ProviderCopy.Gone when await repairs.MarkFailedAsync(recordingId, $"{problem} and the provider no longer has it", cancellationToken):
                tally.Unrecoverable++;
                tally.Note(kind, subject, $"{problem} and the provider no longer has it: marked failed");
                break;
            case ProviderCopy.Unknown:
                tally.Note(kind, subject, $"{problem}; left as it is: {detail}");
                break;
            default:
                tally.Note(kind, subject, $"{problem}; the recording changed meanwhile and was left as it is");
                break;
        }
    }
}
