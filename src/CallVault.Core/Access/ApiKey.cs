namespace CallVault.Core.Access;

/// <summary>
/// An API key issued to a script or service. Only the SHA-256 of the key is kept; the short
/// <see cref="Prefix"/> (also part of the key) finds the row and identifies the key in lists.
/// </summary>
public sealed class ApiKey
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; set; }
    public required string Role { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }

    /// <summary>Updated at most about once a minute per key, not on every request.</summary>
    public DateTime? LastUsedAt { get; set; }
}
