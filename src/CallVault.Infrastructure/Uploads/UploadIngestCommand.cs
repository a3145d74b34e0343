using CallVault.Core.Audio;
using CallVault.Core.Calls;
using CallVault.Core.Recordings;
using CallVault.Core.Webhooks;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Uploads;

/// <summary>
/// An uploaded recording, written in the ingestion writer's transaction: the raw form fields (not
/// the audio), the call (found by its leg, or created), the recording pointing at its staged file,
/// and the pipeline job. The same provider and provider recording id again changes nothing and
/// reports the recording that already exists.
/// </summary>
internal sealed class UploadIngestCommand(UploadMetadata metadata, StagedUploadFile file, string rawFields) : IIngestCommand
{
    public const string EventKind = "upload";

    public static string DedupeKeyFor(string provider, string providerRecordingId) => $"upload:{provider}:{providerRecordingId}";

    public async Task<IngestResult> ApplyAsync(CallVaultDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.Recordings.AsNoTracking()
            .Where(r => r.Provider == metadata.Provider && r.ProviderRecordingId == metadata.ProviderRecordingId)
            .Select(r => new { r.Id, r.CallId })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return new IngestResult(Duplicate: true, JobEnqueued: false, existing.Id, existing.CallId);
        }

        var dedupeKey = DedupeKeyFor(metadata.Provider, metadata.ProviderRecordingId);
        if (!await db.InboundEvents.AnyAsync(e => e.DedupeKey == dedupeKey, cancellationToken))
        {
            db.InboundEvents.Add(new InboundEvent
            {
                Provider = metadata.Provider,
                Kind = EventKind,
                DedupeKey = dedupeKey,
                ContentType = "application/json",
                Body = rawFields,
                ReceivedAt = now,
            });
        }

        var (call, method, detail) = await ResolveCallAsync(db, now, cancellationToken);
        var recording = NewRecording(call, method, detail, now);
        db.Recordings.Add(recording);
        db.Jobs.Add(JobQueue.NewJob(JobKinds.ProcessRecording, recording.Id, now));
        return new IngestResult(Duplicate: false, JobEnqueued: true, recording.Id, call.Id);
    }

    private async Task<(Call Call, string Method, string Detail)> ResolveCallAsync(CallVaultDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var leg = await CallResolver.FindLegAsync(db, metadata.Provider, metadata.ProviderCallId, cancellationToken);
        if (leg is not null)
        {
            var known = await CallResolver.CallOfAsync(db, leg, cancellationToken);
            known.RecordingMissing = false;
            return (known, MatchMethod.CallSid, $"leg {metadata.ProviderCallId} is a known leg of the call");
        }

        var (call, newLeg) = CallResolver.CreateCall(db, metadata.Provider, metadata.ProviderCallId, null, metadata.StartedAt, now);
        call.From = newLeg.From = metadata.From;
        call.To = newLeg.To = metadata.To;
        call.Direction = newLeg.Direction = metadata.Direction;
        newLeg.StartedAt = metadata.StartedAt;
        return (call, MatchMethod.Created, $"no call {metadata.ProviderCallId} was known; created from the upload");
    }

    private Recording NewRecording(Call call, string method, string detail, DateTime now)
    {
        var recording = RecordingFactory.Create(metadata.Provider, metadata.ProviderRecordingId, now);

        // The id was chosen before the bytes were staged: the staged file is named by it.
        recording.Id = file.RecordingId;
        foreach (var stage in recording.Stages)
        {
            stage.RecordingId = file.RecordingId;
        }

        recording.Origin = RecordingOrigin.Upload;
        recording.ProviderCallId = metadata.ProviderCallId;
        recording.CallId = call.Id;
        recording.MatchMethod = method;
        recording.MatchDetail = detail;
        recording.MatchAttempts = $"{method}: {detail}";
        recording.MediaUrl = file.FileName;
        recording.Channels = file.Audio.Channels;
        recording.ProviderChannels = file.Audio.Channels;
        recording.DurationSeconds = file.Audio.DurationSeconds;
        recording.Format = file.Audio.Format == AudioFormat.Mp3 ? "mp3" : "wav";
        recording.StartedAt = metadata.StartedAt;
        recording.AgentChannel = metadata.AgentChannel;
        recording.Status = RecordingStatus.Processing;
        return recording;
    }
}
