using CallVault.Core.Recordings;
using CallVault.Core.Vapi;
using CallVault.Core.Webhooks;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Vapi;

/// <summary>
/// A Vapi end-of-call report, in the writer's transaction: the raw message, the call (the Twilio call
/// it ran on, or one made from the report), the recording with the provider's transcript and summary,
/// and — when the report has a recording URL — the pipeline job. Without a URL the recording is
/// <c>absent</c>, its text kept. The same call's report delivered again changes nothing.
/// </summary>
public sealed class VapiEndOfCallReportEvent(VapiEndOfCallReport report, string rawBody) : IIngestCommand
{
    public const string Provider = "vapi";
    public const string ProviderTextEngine = "provider";
    private static readonly StageName[] TextStages = [StageName.Transcribe, StageName.Summarize];

    public static string DedupeKeyFor(string callId) => $"vapi:{VapiEndOfCallReport.MessageType}:{callId}";

    public async Task<IngestResult> ApplyAsync(CallVaultDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var dedupeKey = DedupeKeyFor(report.CallId);
        if (await db.InboundEvents.AnyAsync(e => e.DedupeKey == dedupeKey, cancellationToken))
        {
            return IngestResult.AlreadySeen;
        }

        db.InboundEvents.Add(new InboundEvent
        {
            Provider = Provider,
            Kind = VapiEndOfCallReport.MessageType,
            DedupeKey = dedupeKey,
            ContentType = "application/json",
            Body = rawBody,
            ReceivedAt = now,
        });

        var existing = await db.Recordings.AsNoTracking()
            .Where(r => r.Provider == Provider && r.ProviderRecordingId == report.CallId)
            .Select(r => new { r.Id, r.CallId })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return new IngestResult(Duplicate: true, JobEnqueued: false, existing.Id, existing.CallId);
        }

        var placement = await VapiCallPlacement.PlaceAsync(db, report, now, cancellationToken);
        var recording = NewRecording(placement, now);
        db.Recordings.Add(recording);
        if (report.Recording is null)
        {
            MarkAbsent(recording, now);
            return new IngestResult(Duplicate: false, JobEnqueued: false, recording.Id, placement.Call.Id);
        }

        db.Jobs.Add(JobQueue.NewJob(JobKinds.ProcessRecording, recording.Id, now));
        return new IngestResult(Duplicate: false, JobEnqueued: true, recording.Id, placement.Call.Id);
    }

    private Recording NewRecording(VapiCallPlacement.Placement placement, DateTime now)
    {
        var recording = RecordingFactory.Create(Provider, report.CallId, now);
        recording.Origin = RecordingOrigin.Vapi;
        recording.ProviderCallId = report.CallId;
        recording.CallId = placement.Call.Id;
        recording.MatchMethod = placement.Method;
        recording.MatchDetail = placement.Detail;
        recording.MatchAttempts = placement.Attempts;
        recording.Source = Provider;
        recording.StartedAt = report.StartedAt;
        recording.MediaUrl = report.Recording?.Url;
        recording.ProviderChannels = report.Recording?.Channels;
        recording.Status = RecordingStatus.Processing;
        if (report.Transcript is { } transcript)
        {
            recording.TranscriptEngine = ProviderTextEngine;
            recording.TranscriptText = transcript;
            Complete(recording.Stage(StageName.Transcribe), now);
        }

        if (report.Summary is { } summary)
        {
            recording.SummaryEngine = ProviderTextEngine;
            recording.SummaryText = summary;
            Complete(recording.Stage(StageName.Summarize), now);
        }

        return recording;
    }

    /// <summary>No audio: the text stays, every audio stage is skipped, no job runs.</summary>
    private static void MarkAbsent(Recording recording, DateTime now)
    {
        const string reason = "the Vapi end-of-call report has no recording URL (empty artifact, or recording is off for the assistant)";
        recording.Status = RecordingStatus.Absent;
        recording.LastError = reason;
        foreach (var stage in recording.Stages.Where(s => s.Status == StageStatus.Pending))
        {
            stage.Status = StageStatus.Skipped;
            stage.LastError = TextStages.Contains(stage.Stage) ? "the provider sent no text for this stage" : reason;
            stage.UpdatedAt = now;
        }
    }

    private static void Complete(RecordingStage stage, DateTime now)
    {
        stage.Status = StageStatus.Completed;
        stage.Attempts = 0;
        stage.UpdatedAt = now;
    }
}
