namespace CallVault.Infrastructure.Playback;

/// <summary>What a playback token grants: one recording, until a time, minted by someone.</summary>
public sealed record PlaybackToken(Guid RecordingId, DateTimeOffset ExpiresAt, string MintedBy);
