namespace CallVault.Bench.Measurement;

/// <summary>Samples a process's RSS at a fixed interval on a background task, keeping the maximum.</summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _maxRss;
    private long _samples;

    public RssSampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        _loop = Task.Run(() => LoopAsync(interval, _stop.Token));
    }

    public long MaxRssBytes => Interlocked.Read(ref _maxRss);

    public long Samples => Interlocked.Read(ref _samples);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                if (ProcMemory.Read(_pid) is { } memory)
                {
                    if (memory.RssBytes > Interlocked.Read(ref _maxRss))
                    {
                        Interlocked.Exchange(ref _maxRss, memory.RssBytes);
                    }

                    Interlocked.Increment(ref _samples);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
