namespace CallVault.Web.Tests.Uploads;

/// <summary>Tests that read process-wide counters (managed heap size) run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(MemorySensitiveCollection), DisableParallelization = true)]
public sealed class MemorySensitiveCollection;
