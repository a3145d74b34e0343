using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Persistence;

namespace CallVault.Infrastructure.Tests.TestSupport;

/// <summary>Holds the writer inside its batch until released, so that later writes pile up into one batch.</summary>
internal sealed class GateCommand : IIngestCommand
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task;

    public void Release() => _release.TrySetResult();

    public async Task<IngestResult> ApplyAsync(CallVaultDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        _entered.TrySetResult();
        await _release.Task.WaitAsync(cancellationToken);
        return new IngestResult(Duplicate: false, JobEnqueued: false);
    }
}
