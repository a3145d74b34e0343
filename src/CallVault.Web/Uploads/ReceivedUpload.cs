namespace CallVault.Web.Uploads;

/// <summary>What a multipart upload body held: its text fields, and the file part as staged (size and SHA-256).</summary>
internal sealed record ReceivedUpload(IReadOnlyDictionary<string, string> Fields, bool HasFile, string? FileName, long Bytes, string? Sha256);
