namespace CallVault.Bench.Scenarios.Queries;

/// <summary>A kind of query a user makes (list, filter, search, leads, single), its p95 target, and how to make one more request of it.</summary>
internal sealed record QueryKind(string Name, string Description, double TargetP95Ms, Func<int, QueryRequest> Request);
