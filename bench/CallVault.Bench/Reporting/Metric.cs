namespace CallVault.Bench.Reporting;

/// <summary>A row of a result table; <see cref="Pass"/> is null when the row has no target.</summary>
internal sealed record Metric(string Name, string Value, string? Target, bool? Pass);
