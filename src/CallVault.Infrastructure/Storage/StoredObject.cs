namespace CallVault.Infrastructure.Storage;

public sealed record StoredObject(string Key, long SizeBytes, string? Sha256);
