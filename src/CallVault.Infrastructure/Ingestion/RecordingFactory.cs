using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Ingestion;

/// <summary>
/// A new recording with a row for every stage, so the API always shows the whole pipeline. Stages
/// this version does not run are marked skipped by the pipeline when it gets to them.
/// </summary>
public static class RecordingFactory
{
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
                Status = StageStatus.Pending,
                UpdatedAt = now,
            });
        }

        return recording;
    }
}
