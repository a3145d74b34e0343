namespace CallVault.Infrastructure.Jobs;

/// <summary>
/// Wakes idle workers when new work is committed. Never the record of the work itself. Announcements
/// also go to <see cref="Announced"/>, which the PostgreSQL relay forwards to the other instances.
/// </summary>
public sealed class JobSignal
{
    /// <summary>Enough permits to wake every idle worker of an instance, without piling up unbounded.</summary>
    private const int MaxPending = 64;
    private readonly SemaphoreSlim _semaphore = new(0, int.MaxValue);

    /// <summary>Raised after this instance announced new jobs (with how many).</summary>
    public event Action<int>? Announced;

    /// <summary>Announces <paramref name="jobs"/> new runnable jobs: up to that many idle workers wake, here and on other instances.</summary>
    public void Notify(int jobs = 1)
    {
        WakeLocal(jobs);
        Announced?.Invoke(jobs);
    }

    /// <summary>Wakes up to <paramref name="jobs"/> idle workers of this instance only (work another instance announced).</summary>
    public void WakeLocal(int jobs)
    {
        lock (_semaphore)
        {
            var release = Math.Min(jobs, MaxPending - _semaphore.CurrentCount);
            if (release > 0)
            {
                _semaphore.Release(release);
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _semaphore.WaitAsync(timeout, cancellationToken);
}
