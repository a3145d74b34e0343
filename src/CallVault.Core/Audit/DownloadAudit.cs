namespace CallVault.Core.Audit;

/// <summary>One fetch of a recording's audio: who, when, from where, which bytes.</summary>
public sealed class DownloadAudit
{
    public long Id { get; set; }
    public Guid RecordingId { get; set; }
    public DateTime At { get; set; }

    /// <summary>The API key or user, or for a signed URL who minted it.</summary>
    public required string Actor { get; set; }

    /// <summary><c>api</c> (authenticated request) or <c>signed-url</c>.</summary>
    public required string Via { get; set; }
    public string? ClientAddress { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>The Range header as sent, or null for the whole file.</summary>
    public string? Range { get; set; }

    /// <summary>Null until the response finished (a row exists even if the process died mid-stream).</summary>
    public long? BytesSent { get; set; }
    public int? StatusCode { get; set; }
}
