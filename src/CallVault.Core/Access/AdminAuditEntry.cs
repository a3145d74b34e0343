namespace CallVault.Core.Access;

/// <summary>One administrative action: who did what, to what, when, from where, and how it ended.</summary>
public sealed class AdminAuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>Like <c>apikey:ops-script</c>, <c>user:alice</c> or <c>cli:root</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>Like <c>POST /api/keys</c> or <c>keys.create</c>.</summary>
    public required string Action { get; set; }
    public string? Target { get; set; }
    public string? ClientAddress { get; set; }
    public string? UserAgent { get; set; }
    public int? StatusCode { get; set; }
}
