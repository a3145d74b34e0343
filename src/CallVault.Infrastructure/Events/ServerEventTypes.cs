namespace CallVault.Infrastructure.Events;

/// <summary>The event names of <c>GET /api/events</c> (SPEC §4).</summary>
public static class ServerEventTypes
{
    public const string RecordingUpdated = "recording.updated";
    public const string RecordingStored = "recording.stored";
    public const string CallUpdated = "call.updated";
}
