using CallVault.Simulator;

namespace CallVault.Bench.Scenarios;

/// <summary>Watches the simulator's counters to see how many media downloads run at once (requests minus completed).</summary>
internal sealed class ConcurrencyProbe
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<long> _loop;

    public ConcurrencyProbe(TwilioSimulator simulator) => _loop = Task.Run(() => WatchAsync(simulator, _stop.Token));

    public async Task<long> StopAsync()
    {
        await _stop.CancelAsync();
        var max = await _loop;
        _stop.Dispose();
        return max;
    }

    private static async Task<long> WatchAsync(TwilioSimulator simulator, CancellationToken cancellationToken)
    {
        var baseline = simulator.Stats.MediaRequests - simulator.Stats.MediaResponsesCompleted;
        long max = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            max = Math.Max(max, simulator.Stats.MediaRequests - simulator.Stats.MediaResponsesCompleted - baseline);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(2), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return max;
    }
}
