namespace CallVault.Web.Recordings;

/// <summary>How the recording was joined to its call; <c>attempts</c> lists every step tried, in order.</summary>
public sealed record MatchDto(string Method, string? Detail, IReadOnlyList<string> Attempts);
