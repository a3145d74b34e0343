namespace CallVault.Infrastructure.Events;

/// <summary>
/// A change a live page should show: the type (<see cref="ServerEventTypes"/>) and which call or
/// recording changed. Pages fetch the current state themselves, so events carry ids, not snapshots.
/// </summary>
public sealed record ServerEvent(string Type, Guid? RecordingId, Guid? CallId, string? Status)
{
    public static ServerEvent RecordingUpdated(Guid recordingId, Guid? callId, string status) =>
        new(ServerEventTypes.RecordingUpdated, recordingId, callId, status);

    public static ServerEvent RecordingStored(Guid recordingId, Guid? callId) =>
        new(ServerEventTypes.RecordingStored, recordingId, callId, "stored");

    public static ServerEvent CallUpdated(Guid callId) => new(ServerEventTypes.CallUpdated, null, callId, null);
}
