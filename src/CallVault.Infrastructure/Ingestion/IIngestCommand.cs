using CallVault.Infrastructure.Persistence;

namespace CallVault.Infrastructure.Ingestion;

/// <summary>One inbound event's changes, applied inside the writer's transaction.</summary>
public interface IIngestCommand
{
    Task<IngestResult> ApplyAsync(CallVaultDbContext db, DateTime now, CancellationToken cancellationToken);
}
