using System.Diagnostics.Metrics;
using CallVault.Infrastructure.Alerts;

namespace CallVault.Infrastructure.Observability;

/// <summary>
/// The service's own instruments (meter <c>CallVault</c>), created through the host's
/// <see cref="IMeterFactory"/> so each host counts only its own work. Store attempts and signature
/// failures are also handed to <see cref="AlertSignals"/>, which the alert rules read.
/// </summary>
public sealed class CallVaultMetrics
{
    public const string MeterName = "CallVault";

    /// <summary>Stage durations run from milliseconds (validate) to minutes (long downloads, transcodes).</summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly AlertSignals _signals;
    private readonly Counter<long> _webhooks;
    private readonly Counter<long> _stageRuns;
    private readonly Histogram<double> _stageDuration;
    private readonly Counter<long> _recordingsStored;
    private readonly Counter<long> _eventsUnsent;

    public CallVaultMetrics(IMeterFactory meterFactory, AlertSignals signals)
    {
        _signals = signals;
        var meter = meterFactory.Create(MeterName);
        _webhooks = meter.CreateCounter<long>("callvault.webhooks", description: "Webhook requests by provider, type and outcome.");
        _stageRuns = meter.CreateCounter<long>("callvault.stage.runs", description: "Pipeline stage runs by stage and outcome.");
        _stageDuration = meter.CreateHistogram<double>("callvault.stage.duration", unit: "s", description: "Pipeline stage run time by stage and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _recordingsStored = meter.CreateCounter<long>("callvault.recordings.stored", description: "Recordings whose audio was stored and verified.");
        _eventsUnsent = meter.CreateCounter<long>("callvault.events.unsent", description: "Live-page events not sent to the other instances, by reason.");
    }

    /// <param name="outcome">One of <see cref="WebhookOutcomes"/>.</param>
    public void WebhookHandled(string provider, string type, string outcome)
    {
        _webhooks.Add(1, new("provider", provider), new("type", type), new("outcome", outcome));
        if (outcome == WebhookOutcomes.SignatureFailed)
        {
            _signals.Add(AlertSignals.SignatureFailure);
        }
    }

    /// <param name="stage">The stage's API name (<c>download</c>, <c>store</c>, …).</param>
    /// <param name="outcome"><c>completed</c>, <c>skipped</c>, <c>retry</c> or <c>failed</c>.</param>
    public void StageFinished(string stage, string outcome, TimeSpan duration)
    {
        _stageRuns.Add(1, new("stage", stage), new("outcome", outcome));
        _stageDuration.Record(duration.TotalSeconds, new("stage", stage), new("outcome", outcome));
        if (stage != "store" || outcome == "skipped")
        {
            return;
        }

        _signals.Add(AlertSignals.StoreAttempt);
        if (outcome == "completed")
        {
            _recordingsStored.Add(1);
        }
        else
        {
            _signals.Add(AlertSignals.StoreFailure);
        }
    }

    /// <param name="reason"><c>failed</c> (the database refused or was unreachable), <c>backlog</c> (too many waiting) or <c>too_large</c>.</param>
    public void EventsUnsent(int count, string reason) => _eventsUnsent.Add(count, new KeyValuePair<string, object?>("reason", reason));
}
