namespace CallVault.Web.Playback;

/// <summary>A URL that plays the recording without a key until <c>expiresAt</c>; ask again for a fresh one.</summary>
public sealed record PlaybackDto(Uri Url, DateTimeOffset ExpiresAt);
