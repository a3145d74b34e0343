namespace CallVault.Web.Recordings;

public sealed record LegalHoldRequest(string? Reason);
