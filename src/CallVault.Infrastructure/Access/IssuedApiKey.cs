using CallVault.Core.Access;

namespace CallVault.Infrastructure.Access;

/// <summary>A key just created: the row, and the key itself, which is shown this once and never again.</summary>
public sealed record IssuedApiKey(ApiKey Row, string Key);
