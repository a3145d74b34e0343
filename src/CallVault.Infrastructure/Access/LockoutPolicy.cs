namespace CallVault.Infrastructure.Access;

/// <summary>After <paramref name="MaxFailedAttempts"/> wrong passwords in a row the account is locked for <paramref name="Duration"/>.</summary>
public sealed record LockoutPolicy(int MaxFailedAttempts, TimeSpan Duration);
