namespace CallVault.Infrastructure.Jobs;

/// <summary>Wakes idle workers when new work is committed. Never the record of the work itself.</summary>
public sealed class JobSignal
{
    /// <summary>Enough permits to wake every idle worker of an instance, without piling up unbounded.</summary>
    private const int MaxPending = 64;
    private readonly SemaphoreSlim _semaphore = new(0, int.MaxValue);

    /// <summary>Announces <paramref name="jobs"/> new runnable jobs: up to that many idle workers wake.</summary>
    public void Notify(int jobs = 1)
    {
        var release = Math.Min(jobs, MaxPending - _semaphore.CurrentCount);
        if (release > 0)
        {
            _semaphore.Release(release);
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _semaphore.WaitAsync(timeout, cancellationToken);
}
