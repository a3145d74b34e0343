namespace CallVault.Infrastructure.Jobs;

/// <summary>The heartbeat of a claimed job: renews its lease until the work ends, or gives the work up when it cannot.</summary>
public static class JobLease
{
    /// <summary>
    /// Renews every third of the lease until <paramref name="stop"/>; when a renewal finds the lease
    /// taken, or the database cannot be reached, cancels <paramref name="leaseLost"/> so the work
    /// stops rather than risk running twice. <paramref name="onLost"/> hears why (null: taken).
    /// </summary>
    public static async Task KeepAsync(
        JobQueue queue,
        ClaimedJob job,
        TimeSpan lease,
        TimeProvider time,
        CancellationTokenSource leaseLost,
        CancellationToken stop,
        Action<Exception?>? onLost = null)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, time, stop);
                if (!await queue.RenewAsync(job, stop))
                {
                    onLost?.Invoke(null);
                    await leaseLost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The work finished.
        }
        catch (Exception ex)
        {
            onLost?.Invoke(ex);
            await leaseLost.CancelAsync();
        }
    }
}
