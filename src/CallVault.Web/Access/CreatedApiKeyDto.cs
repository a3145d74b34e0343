namespace CallVault.Web.Access;

/// <summary>The answer to creating a key: the only time <see cref="Key"/> is shown.</summary>
internal sealed record CreatedApiKeyDto(long Id, string Name, string Prefix, string Role, DateTime CreatedAt, string Key);
