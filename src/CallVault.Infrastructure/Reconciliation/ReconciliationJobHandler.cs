using CallVault.Infrastructure.Jobs;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>The server's workers run reconciliations as <c>reconcile.run</c> jobs; one whose worker died is run again from the start.</summary>
internal sealed class ReconciliationJobHandler(ReconciliationRunner runner) : IJobHandler
{
    public string Kind => ReconciliationJob.Kind;

    public Task<JobOutcome> HandleAsync(ClaimedJob job, CancellationToken cancellationToken) =>
        runner.RunAsync(job.Id, cancellationToken);
}
