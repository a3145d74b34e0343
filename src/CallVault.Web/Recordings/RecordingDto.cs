using CallVault.Core.Recordings;

namespace CallVault.Web.Recordings;

/// <summary>A recording as the API shows it (SPEC §4).</summary>
public sealed record RecordingDto(
    Guid Id,
    Guid? CallId,
    string Provider,
    string ProviderRecordingId,
    string? ProviderCallId,
    RecordingStatus Status,
    string? ProviderStatus,
    string? ProviderErrorCode,
    int? Channels,
    double? DurationSeconds,
    double? ProviderDurationSeconds,
    string? Format,
    long? SizeBytes,
    string? Sha256,
    string? Source,
    int? AgentChannel,
    DateTime? StartedAt,
    DateTime CreatedAt,
    DateTime? StoredAt,
    LegalHoldDto? LegalHold,
    DateTime? DeletedAt,
    string? DeletedBy,
    string? LastError,
    MatchDto? Match,
    IReadOnlyDictionary<string, StageDto> Stages,
    TranscriptDto? Transcript,
    SummaryDto? Summary)
{
    public static RecordingDto FromEntity(Recording r) => new(
        r.Id, r.CallId, r.Provider, r.ProviderRecordingId, r.ProviderCallId, r.Status, r.ProviderStatus, r.ProviderErrorCode,
        r.Channels, r.DurationSeconds, r.ProviderDurationSeconds, r.Format, r.SizeBytes, r.Sha256, r.Source, r.AgentChannel, r.StartedAt,
        r.CreatedAt, r.StoredAt,
        r.LegalHold ? new LegalHoldDto(r.LegalHoldReason, r.LegalHoldBy, r.LegalHoldAt) : null,
        r.DeletedAt, r.DeletedBy, r.LastError,
        r.MatchMethod is null && r.MatchAttempts is null ? null : new MatchDto(r.MatchMethod ?? "pending", r.MatchDetail, r.MatchAttempts?.Split('\n') ?? []),
        StageDto.ByName(r.Stages),
        TranscriptDto.From(r),
        SummaryDto.From(r));
}
