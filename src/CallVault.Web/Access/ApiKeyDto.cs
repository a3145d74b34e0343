using CallVault.Core.Access;

namespace CallVault.Web.Access;

/// <summary>An API key as listed: never the key or its hash.</summary>
internal sealed record ApiKeyDto(long Id, string Name, string Prefix, string Role, DateTime CreatedAt, string? CreatedBy, DateTime? RevokedAt, DateTime? LastUsedAt)
{
    public static ApiKeyDto FromEntity(ApiKey k) => new(k.Id, k.Name, k.Prefix, k.Role, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.LastUsedAt);
}
