using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CallVault.Infrastructure.Reconciliation;

namespace CallVault.Infrastructure.Observability;

/// <summary>
/// Listens to this host's meters (those made by its <see cref="IMeterFactory"/>) and to the
/// reconciliation meter, keeping the totals a Prometheus scrape reads. Observable instruments
/// (gauges read from the database) are polled at each collection.
/// </summary>
public sealed class PrometheusCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, MetricFamily> _families = new();
    private readonly Lock _collectGate = new();

    public PrometheusCollector(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meterFactory || instrument.Meter.Name == SyncMetrics.MeterName)
            {
                var family = _families.GetOrAdd(instrument, i => new MetricFamily(i) { IsObserved = i.IsObservable });
                listener.EnableMeasurementEvents(instrument, family);
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) => _families.TryRemove(instrument, out MetricFamily? _);
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>Every family with its series, sorted by name; observable instruments are read now.</summary>
    internal IReadOnlyList<(MetricFamily Family, IReadOnlyList<MetricSeries> Series)> Collect()
    {
        lock (_collectGate)
        {
            foreach (var family in _families.Values)
            {
                family.ClearObserved();
            }

            _listener.RecordObservableInstruments();
            return [.. _families.Values
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => (f, f.Snapshot()))];
        }
    }

    public void Dispose() => _listener.Dispose();
}
