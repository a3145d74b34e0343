namespace CallVault.Infrastructure.Jobs;

/// <summary>Wakes idle workers when new work is committed. Never the record of the work itself.</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, int.MaxValue);

    public void Notify()
    {
        // Enough permits to wake every idle worker, without piling up unbounded.
        if (_semaphore.CurrentCount < 64)
        {
            _semaphore.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _semaphore.WaitAsync(timeout, cancellationToken);
}
