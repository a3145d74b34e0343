using CallVault.Core.Recordings;

namespace CallVault.Web.Recordings;

public sealed record StageDto(StageStatus Status, int Attempts, string? LastError, DateTime UpdatedAt);
