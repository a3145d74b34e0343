using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Twilio;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>
/// Deletes the provider's copy — only after re-reading CallVault's stored copy and finding the
/// SHA-256 recorded when it was stored. Any doubt keeps the provider copy; a copy that fails the
/// check sends the recording back through download and store (the provider copy is the source).
/// </summary>
internal sealed class ProviderDeleteStage(IRecordingStorage storage, TwilioRecordingsClient twilio, IOptionsMonitor<TwilioOptions> options, TimeProvider time) : IRecordingStage
{
    private static readonly StageName[] RepairStages = [StageName.Download, StageName.Validate, StageName.Transcode, StageName.Store];

    public StageName Name => StageName.ProviderDelete;

    public async Task<StageResult> ExecuteAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var recording = context.Recording;
        if (SkipReason(recording) is { } reason)
        {
            return new StageResult.Skipped(reason);
        }

        if (recording.Status != RecordingStatus.Stored || recording.StorageKey is null || recording.Sha256 is null)
        {
            return new StageResult.Permanent("there is no verified stored copy; the provider copy is kept");
        }

        if (recording.Format is "opus" or "mp3" && recording.OriginalStorageKey is null && recording.Origin == RecordingOrigin.Twilio
            && options.CurrentValue.MediaFormat == "wav")
        {
            // Deleting would leave only a lossy copy: that needs the original kept beside it.
            return new StageResult.Skipped("only a transcoded copy is stored; set CallVault:Media:KeepOriginal to delete the provider's original");
        }

        var stored = await storage.StatAsync(recording.StorageKey, computeHash: true, cancellationToken);
        if (stored is null || stored.Sha256 != recording.Sha256 || stored.SizeBytes != recording.SizeBytes)
        {
            var problem = stored is null ? "the stored object is missing" : "the stored object does not match its recorded SHA-256";
            SendBackForRepair(recording, problem);
            return new StageResult.Transient($"{problem}; the provider copy is kept and the recording is fetched again");
        }

        return await twilio.DeleteAsync(recording.ProviderRecordingId, cancellationToken);
    }

    public string? SkipReason(Recording recording) =>
        !options.CurrentValue.DeleteAfterVerifiedCopy ? "the provider copy is kept (CallVault:Twilio:DeleteAfterVerifiedCopy is off)"
        : recording.Origin != RecordingOrigin.Twilio ? "not a Twilio recording"
        : null;

    private void SendBackForRepair(Recording recording, string problem)
    {
        var now = time.GetUtcNow().UtcDateTime;
        recording.Status = RecordingStatus.Processing;
        recording.LastError = $"providerDelete: {problem}; repairing from the provider copy";
        foreach (var stage in recording.Stages.Where(s => RepairStages.Contains(s.Stage) && s.Status != StageStatus.Skipped))
        {
            stage.Status = StageStatus.Pending;
            stage.Attempts = 0;
            stage.LastError = problem;
            stage.UpdatedAt = now;
        }
    }
}
