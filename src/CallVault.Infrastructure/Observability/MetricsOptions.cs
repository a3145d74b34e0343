using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Observability;

public sealed class MetricsOptions
{
    public const string Section = "CallVault:Metrics";

    /// <summary>Require an API key (viewer or admin) on <c>GET /metrics</c>; anonymous by default, as scrapers expect.</summary>
    public bool RequireAuth { get; set; }

    /// <summary>How long gauges read from the database are reused, so frequent scrapes cost one query set.</summary>
    [Range(0, 3600, ErrorMessage = "CallVault:Metrics:GaugeCacheSeconds must be between 0 and 3600.")]
    public int GaugeCacheSeconds { get; set; } = 5;
}
