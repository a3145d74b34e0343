using CallVault.Core.Recordings;
using CallVault.Core.Twilio;
using CallVault.Infrastructure.Ingestion.Sql;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;

namespace CallVault.Infrastructure.Ingestion;

/// <summary>
/// A Twilio recording status callback: the raw event, the recording (matched to its call) and, for
/// <c>completed</c>, the pipeline job, all in the writer's transaction. The same RecordingSid and
/// status delivered again changes nothing.
/// </summary>
public sealed class TwilioRecordingEvent(TwilioRecordingCallback callback, string rawBody) : IIngestCommand, ISqlIngestCommand
{
    private const string Provider = "twilio";
    private const string NoAudio = "the provider made no audio";
    private static readonly HashSet<string> FinalProviderStatuses = ["completed", "absent", "failed"];

    public Task<IngestResult> ApplyAsync(CallVaultDbContext db, DateTime now, CancellationToken cancellationToken) =>
        IngestSql.ApplyOnContextAsync(db, this, now, cancellationToken);

    IngestResult ISqlIngestCommand.Apply(IngestSql sql, DateTime now)
    {
        var dedupeKey = $"twilio:recording:{callback.RecordingSid}:{callback.RecordingStatus}";
        if (!InboundEventSql.TryInsert(sql, Provider, "recording", dedupeKey, "application/x-www-form-urlencoded", rawBody, now))
        {
            return IngestResult.AlreadySeen;
        }

        var recording = RecordingSql.FindRecording(sql, Provider, callback.RecordingSid);
        var isNew = recording is null;
        if (recording is null)
        {
            recording = RecordingFactory.Create(Provider, callback.RecordingSid, now);
            recording.ProviderCallId = callback.CallSid;
            if (LocalCallMatchSql.TryResolve(sql, Provider, callback.CallSid) is not { } match)
            {
                // Left for the pipeline, which may ask the provider's Calls API before falling back.
                recording.MatchAttempts = $"callSid: no known leg {callback.CallSid} and no known child of it";
            }
            else
            {
                recording.CallId = match.CallId;
                recording.MatchMethod = match.Method;
                recording.MatchDetail = match.Detail;
                recording.MatchAttempts = $"{match.Method}: {match.Detail}";
                CallSql.ClearRecordingMissing(sql, match.CallId);
            }
        }

        var (enqueue, skipStages) = Apply(recording, now);
        if (isNew)
        {
            RecordingSql.InsertRecording(sql, recording);
        }
        else
        {
            RecordingSql.UpdateRecording(sql, recording);
            if (skipStages)
            {
                RecordingSql.SkipPendingStages(sql, recording.Id, NoAudio, now);
            }
        }

        // A recording written just now cannot have a job yet.
        if (enqueue && (isNew || !JobSql.HasActiveJob(sql, recording.Id)))
        {
            JobSql.InsertJob(sql, JobQueue.NewJob(JobKinds.ProcessRecording, recording.Id, now));
        }
        else
        {
            enqueue = false;
        }

        return new IngestResult(Duplicate: false, JobEnqueued: enqueue, recording.Id, recording.CallId);
    }

    /// <summary>
    /// Moves the recording forward for this status: whether the pipeline should run, and whether its
    /// pending stages are to be skipped (done here on <see cref="Recording.Stages"/> when they are loaded).
    /// </summary>
    private (bool Enqueue, bool SkipStages) Apply(Recording recording, DateTime now)
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
            return (false, false);
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
                return (true, false);
            case "absent":
                recording.Status = RecordingStatus.Absent;
                recording.ProviderErrorCode = callback.ErrorCode;
                recording.LastError = $"the provider made no audio (error code {callback.ErrorCode ?? "none"})";
                SkipAudioStages(recording, NoAudio, now);
                return (false, true);
            case "failed":
                recording.Status = RecordingStatus.Failed;
                recording.ProviderErrorCode = callback.ErrorCode;
                recording.LastError = $"the provider reported the recording failed (error code {callback.ErrorCode ?? "none"})";
                return (false, false);
            default:
                // in-progress, and any status Twilio adds later: kept and shown, nothing to run yet.
                return (false, false);
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
}
