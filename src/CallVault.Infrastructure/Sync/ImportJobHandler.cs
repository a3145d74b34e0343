using CallVault.Infrastructure.Jobs;

namespace CallVault.Infrastructure.Sync;

/// <summary>The server's workers run imports as <c>import.run</c> jobs; an expired lease resumes one from its checkpoint.</summary>
internal sealed class ImportJobHandler(ImportRunner runner) : IJobHandler
{
    public string Kind => ImportJob.Kind;

    public Task<JobOutcome> HandleAsync(ClaimedJob job, CancellationToken cancellationToken) =>
        runner.RunAsync(job.Id, progress: null, cancellationToken);
}
