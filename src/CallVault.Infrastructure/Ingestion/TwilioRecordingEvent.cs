using CallVault.Core.Recordings;
using CallVault.Core.Twilio;
using CallVault.Core.Webhooks;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Ingestion;

/// <summary>
/// A Twilio recording status callback: the raw event, the recording (matched to its call) and, for
/// <c>completed</c>, the pipeline job, all in the writer's transaction. The same RecordingSid and
/// status delivered again changes nothing.
/// </summary>
public sealed class TwilioRecordingEvent(TwilioRecordingCallback callback, string rawBody) : IIngestCommand
{
    private const string Provider = "twilio";
    private static readonly HashSet<string> FinalProviderStatuses = ["completed", "absent", "failed"];

    public async Task<IngestResult> ApplyAsync(CallVaultDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var dedupeKey = $"twilio:recording:{callback.RecordingSid}:{callback.RecordingStatus}";
        if (await db.InboundEvents.AnyAsync(e => e.DedupeKey == dedupeKey, cancellationToken))
        {
            return IngestResult.AlreadySeen;
        }

        db.InboundEvents.Add(new InboundEvent
        {
            Provider = Provider,
            Kind = "recording",
            DedupeKey = dedupeKey,
            ContentType = "application/x-www-form-urlencoded",
            Body = rawBody,
            ReceivedAt = now,
        });

        var recording = await db.Recordings.Include(r => r.Stages)
            .FirstOrDefaultAsync(r => r.Provider == Provider && r.ProviderRecordingId == callback.RecordingSid, cancellationToken);
        if (recording is null)
        {
            recording = RecordingFactory.Create(Provider, callback.RecordingSid, now);
            recording.ProviderCallId = callback.CallSid;
            var match = await CallResolver.TryResolveLocallyAsync(db, Provider, callback.CallSid, cancellationToken);
            if (match is null)
            {
                // Left for the pipeline, which may ask the provider's Calls API before falling back.
                recording.MatchAttempts = $"callSid: no known leg {callback.CallSid} and no known child of it";
            }
            else
            {
                recording.CallId = match.Call.Id;
                recording.MatchMethod = match.Method;
                recording.MatchDetail = match.Detail;
                recording.MatchAttempts = $"{match.Method}: {match.Detail}";
                match.Call.RecordingMissing = false;
            }

            db.Recordings.Add(recording);
        }

        var enqueue = Apply(recording, now);
        if (enqueue && !await HasActiveJobAsync(db, recording.Id, cancellationToken))
        {
            db.Jobs.Add(JobQueue.NewJob(JobKinds.ProcessRecording, recording.Id, now));
        }
        else
        {
            enqueue = false;
        }

        return new IngestResult(Duplicate: false, JobEnqueued: enqueue, recording.Id, recording.CallId);
    }

    /// <summary>Moves the recording forward for this status; true when the pipeline should run.</summary>
    private bool Apply(Recording recording, DateTime now)
    {
        recording.UpdatedAt = now;
        if (recording.ProviderStatus is null || !FinalProviderStatuses.Contains(recording.ProviderStatus))
        {
            recording.ProviderStatus = callback.RecordingStatus;
        }

        recording.Source ??= callback.Source;
        recording.Track ??= callback.Track;
        recording.StartedAt ??= callback.StartTime;
        recording.ProviderChannels ??= callback.Channels;
        if (recording.Status == RecordingStatus.Stored)
        {
            return false;
        }

        switch (callback.RecordingStatus)
        {
            case "completed":
                recording.ProviderStatus = "completed";
                recording.MediaUrl = callback.RecordingUrl;
                recording.ProviderDurationSeconds = callback.DurationSeconds;
                recording.ProviderChannels = callback.Channels ?? recording.ProviderChannels;
                recording.ProviderErrorCode = null;
                recording.LastError = null;
                recording.Status = RecordingStatus.Processing;
                return true;
            case "absent":
                recording.Status = RecordingStatus.Absent;
                recording.ProviderErrorCode = callback.ErrorCode;
                recording.LastError = $"the provider made no audio (error code {callback.ErrorCode ?? "none"})";
                SkipAudioStages(recording, "the provider made no audio", now);
                return false;
            case "failed":
                recording.Status = RecordingStatus.Failed;
                recording.ProviderErrorCode = callback.ErrorCode;
                recording.LastError = $"the provider reported the recording failed (error code {callback.ErrorCode ?? "none"})";
                return false;
            default:
                // in-progress, and any status Twilio adds later: kept and shown, nothing to run yet.
                return false;
        }
    }

    private static void SkipAudioStages(Recording recording, string reason, DateTime now)
    {
        foreach (var stage in recording.Stages.Where(s => s.Status == StageStatus.Pending))
        {
            stage.Status = StageStatus.Skipped;
            stage.LastError = reason;
            stage.UpdatedAt = now;
        }
    }

    private static Task<bool> HasActiveJobAsync(CallVaultDbContext db, Guid recordingId, CancellationToken cancellationToken) =>
        db.Jobs.AnyAsync(j => j.RecordingId == recordingId
            && (j.State == Core.Jobs.JobState.Queued || j.State == Core.Jobs.JobState.Running), cancellationToken);
}
