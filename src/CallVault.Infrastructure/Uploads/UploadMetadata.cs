namespace CallVault.Infrastructure.Uploads;

/// <summary>The validated form fields of an upload (phone numbers already normalised, time in UTC).</summary>
internal sealed record UploadMetadata(
    string Provider,
    string ProviderRecordingId,
    string ProviderCallId,
    string From,
    string To,
    string Direction,
    DateTime StartedAt,
    int? AgentChannel);
