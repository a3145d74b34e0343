namespace CallVault.Infrastructure.Jobs;

public interface IJobHandler
{
    string Kind { get; }

    Task<JobOutcome> HandleAsync(ClaimedJob job, CancellationToken cancellationToken);
}
