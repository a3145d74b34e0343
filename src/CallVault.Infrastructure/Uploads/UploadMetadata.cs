namespace CallVault.Infrastructure.Uploads;

/// <summary>The validated form fields of an upload (phone numbers already normalised, time in UTC).</summary>
public sealed record UploadMetadata(
    string Provider,
    string ProviderRecordingId,
    string ProviderCallId,
    string From,
    string To,
    string Direction,
    DateTime StartedAt,
    int? AgentChannel);
