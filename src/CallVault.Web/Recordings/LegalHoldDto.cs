namespace CallVault.Web.Recordings;

/// <summary>Why, by whom and since when a recording is exempt from retention.</summary>
public sealed record LegalHoldDto(string? Reason, string? By, DateTime? At);
