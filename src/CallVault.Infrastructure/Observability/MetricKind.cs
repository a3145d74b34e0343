namespace CallVault.Infrastructure.Observability;

internal enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
