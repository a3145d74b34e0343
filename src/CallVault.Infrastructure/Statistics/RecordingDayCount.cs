using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Statistics;

/// <summary>How many recordings created on <paramref name="Day"/> (UTC) are now in <paramref name="Status"/>.</summary>
public sealed record RecordingDayCount(DateOnly Day, RecordingStatus Status, int Count);
