namespace CallVault.Infrastructure.Sync;

/// <summary>What a rematch run did: recordings without a call examined, how many found theirs, and by which method.</summary>
public sealed record RematchReport(int Examined, int Matched, int StillUnmatched, IReadOnlyDictionary<string, int> ByMethod);
