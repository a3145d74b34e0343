namespace CallVault.Web.Calls;

/// <summary>Where starting a recording on a call stands: <c>queued</c>, <c>started</c>, <c>call-not-in-progress</c>, <c>failed</c>.</summary>
public sealed record RecordingStartDto(Guid CallId, string Status, string? Detail, string? RecordingSid, DateTime? UpdatedAt);
