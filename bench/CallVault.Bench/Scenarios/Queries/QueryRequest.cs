namespace CallVault.Bench.Scenarios.Queries;

/// <summary>One API request of a query kind: its variant (for the per-variant breakdown), path, and a check of the answer.</summary>
internal sealed record QueryRequest(string Variant, string Path, Func<System.Text.Json.JsonElement, bool> Check);
