namespace CallVault.Infrastructure.Sync;

/// <summary>A snapshot of a running import, for a progress display; <paramref name="PageCommitted"/> marks a checkpoint.</summary>
public sealed record ImportProgress(Guid ImportId, int Found, int Imported, int Skipped, int Failed, int Pages, bool PageCommitted);
