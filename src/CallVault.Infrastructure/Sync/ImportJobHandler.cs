using CallVault.Core.Sync;
using CallVault.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Sync;

/// <summary>The server's workers run imports as <c>import.run</c> jobs; an expired lease resumes one from its checkpoint.</summary>
internal sealed class ImportJobHandler(ImportRunner runner, IOptions<JobOptions> options) : IJobHandler
{
    public string Kind => ImportJob.Kind;

    public async Task<JobOutcome> HandleAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        try
        {
            return await runner.RunAsync(job.Id, progress: null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && job.Attempts >= options.Value.MaxAttempts * 3)
        {
            // The worker gives the job up after this attempt: the import must not look running forever.
            await runner.FailAsync(job.Id, $"{ex.GetType().Name}: {ex.Message}", cancellationToken);
            throw;
        }
    }
}
