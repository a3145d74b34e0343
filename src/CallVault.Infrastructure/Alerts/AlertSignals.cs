using System.Collections.Concurrent;

namespace CallVault.Infrastructure.Alerts;

/// <summary>
/// What this instance saw since its last sample was written: counted in memory on the hot path
/// (no database write per failed signature), written once per alert tick by <see cref="AlertSampleRecorder"/>.
/// </summary>
public sealed class AlertSignals
{
    public const string StoreAttempt = "store.attempt";
    public const string StoreFailure = "store.failure";
    public const string SignatureFailure = "webhook.signature_failure";

    private readonly ConcurrentDictionary<string, long> _pending = new(StringComparer.Ordinal);

    public void Add(string signal, long count = 1) => _pending.AddOrUpdate(signal, count, (_, current) => current + count);

    /// <summary>The counts so far, reset to zero.</summary>
    public IReadOnlyDictionary<string, long> Take()
    {
        var taken = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var signal in _pending.Keys)
        {
            if (_pending.TryRemove(signal, out var count) && count != 0)
            {
                taken[signal] = count;
            }
        }

        return taken;
    }

    /// <summary>Counts that could not be written go back, to be written with the next sample.</summary>
    public void Restore(IReadOnlyDictionary<string, long> counts)
    {
        foreach (var (signal, count) in counts)
        {
            Add(signal, count);
        }
    }
}
