using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Ingestion;

/// <summary>A new recording with a row for every stage, so the API always shows the whole pipeline.</summary>
public static class RecordingFactory
{
    /// <summary>Stages this version runs; the others are shown as skipped until they exist.</summary>
    private static readonly HashSet<StageName> Implemented = [StageName.Download, StageName.Validate, StageName.Store];

    public static Recording Create(string provider, string providerRecordingId, DateTime now)
    {
        var recording = new Recording
        {
            Id = Guid.CreateVersion7(now),
            Provider = provider,
            ProviderRecordingId = providerRecordingId,
            Status = RecordingStatus.Awaiting,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var stage in Enum.GetValues<StageName>())
        {
            recording.Stages.Add(new RecordingStage
            {
                RecordingId = recording.Id,
                Stage = stage,
                Status = Implemented.Contains(stage) ? StageStatus.Pending : StageStatus.Skipped,
                LastError = Implemented.Contains(stage) ? null : "not available in this version",
                UpdatedAt = now,
            });
        }

        return recording;
    }
}
