namespace CallVault.Web.Access;

internal sealed record CreateKeyRequest(string? Name, string? Role);
