using System.Data.Common;
using CallVault.Core.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Jobs;

/// <summary>
/// The database is the queue. A claim is one conditional UPDATE: it takes the oldest runnable job,
/// or one whose lease expired because its worker died, and stamps this worker's lease on it
/// (<see cref="JobClaimSql"/>: on PostgreSQL, rows other claims hold are skipped, not waited for).
/// Every later change is conditional on still holding that lease.
/// </summary>
public sealed class JobQueue(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    JobQueueDataSource dataSource,
    IOptions<JobOptions> options,
    TimeProvider time)
{
    /// <summary>The outcome of an attempt whose worker found its lease taken over.</summary>
    public const string LeaseLostOutcome = "LeaseLost";

    public static Job NewJob(string kind, Guid? recordingId, DateTime now) => new()
    {
        Kind = kind,
        RecordingId = recordingId,
        State = JobState.Queued,
        RunAfter = now,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>
    /// A new job already claimed by <paramref name="owner"/>: a CLI command that runs the work in its own
    /// process. If that process dies, the lease expires and a server's worker takes the job over.
    /// </summary>
    public static Job NewClaimedJob(string kind, DateTime now, string owner, TimeSpan lease)
    {
        var job = NewJob(kind, recordingId: null, now);
        job.State = JobState.Running;
        job.Attempts = 1;
        job.LeaseOwner = owner;
        job.LeaseExpiresAt = now + lease;
        return job;
    }

    /// <summary>
    /// Claims the next runnable job. <paramref name="cancellationToken"/> is honoured only until the
    /// claim is sent: a claim the database may have committed is always read back, so a shutdown
    /// cannot leave a job owned by a worker that never learnt of it (the command timeout bounds the wait).
    /// </summary>
    public async Task<ClaimedJob?> TryClaimAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await JobQueueConnection.OpenAsync(dataSource.Postgres, contextFactory, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await using var command = connection.Command(connection.IsPostgres ? JobClaimSql.Postgres : JobClaimSql.Sqlite);
        JobQueueConnection.Add(command, "@owner", owner);
        JobQueueConnection.Add(command, "@lease", now + options.Value.Lease);
        JobQueueConnection.Add(command, "@now", now);
        cancellationToken.ThrowIfCancellationRequested();
        // Held until the reader is disposed: that ends the claiming statement and its implicit transaction.
        using var writing = await connection.EnterWriteGateAsync(cancellationToken);
        // From here on the claim may reach the database (preparing it may already wait on a lock).
        await JobQueueConnection.PrepareAsync(command, CancellationToken.None);
        await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
        if (!await reader.ReadAsync(CancellationToken.None))
        {
            return null;
        }

        return new ClaimedJob(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : Ingestion.Sql.SqlValue.Guid(reader, 2),
            reader.GetInt32(3),
            owner);
    }

    /// <summary>Extends the lease; false when this worker no longer holds it.</summary>
    public Task<bool> RenewAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return UpdateOwnedAsync(JobLeaseSql.Renew, job, now, command => JobQueueConnection.Add(command, "@lease", now + options.Value.Lease), cancellationToken);
    }

    public Task<bool> CompleteAsync(ClaimedJob job, JobOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (state, runAfter, error) = outcome switch
        {
            JobOutcome.Retry retry => (nameof(JobState.Queued), retry.At, retry.Reason),
            JobOutcome.Dead dead => (nameof(JobState.Dead), now, dead.Reason),
            _ => (nameof(JobState.Succeeded), now, (string?)null),
        };
        return UpdateOwnedAsync(JobLeaseSql.Complete, job, now, command =>
        {
            JobQueueConnection.Add(command, "@state", state);
            JobQueueConnection.Add(command, "@runAfter", runAfter);
            JobQueueConnection.Add(command, "@error", error);
        }, cancellationToken);
    }

    /// <summary>Hands a job back untouched (shutdown), so another worker can take it at once.</summary>
    public Task<bool> ReleaseAsync(ClaimedJob job, CancellationToken cancellationToken) =>
        UpdateOwnedAsync(JobLeaseSql.Release, job, time.GetUtcNow().UtcDateTime, _ => { }, cancellationToken);

    /// <summary>
    /// Ends this worker's attempt when the job is no longer its own (another worker took it over after
    /// the lease ran out), so the history shows when this worker actually stopped. The job row belongs
    /// to its new owner and is left alone.
    /// </summary>
    public async Task EndLostAttemptAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.JobAttempts
            .Where(a => a.JobId == job.Id && a.Owner == job.Owner && a.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.EndedAt, now).SetProperty(a => a.Outcome, LeaseLostOutcome), cancellationToken);
    }

    /// <summary>When the next queued job becomes runnable, so idle workers sleep exactly that long.</summary>
    public async Task<DateTime?> NextRunAfterAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Jobs
            .Where(j => j.State == JobState.Queued)
            .OrderBy(j => j.RunAfter)
            .Select(j => (DateTime?)j.RunAfter)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<bool> UpdateOwnedAsync(
        string sql, ClaimedJob job, DateTime now, Action<DbCommand> addParameters, CancellationToken cancellationToken)
    {
        await using var connection = await JobQueueConnection.OpenAsync(dataSource.Postgres, contextFactory, cancellationToken);
        await using var command = connection.Command(sql);
        JobQueueConnection.Add(command, "@id", job.Id);
        JobQueueConnection.Add(command, "@owner", job.Owner);
        JobQueueConnection.Add(command, "@now", now);
        addParameters(command);
        using var writing = await connection.EnterWriteGateAsync(cancellationToken);
        await JobQueueConnection.PrepareAsync(command, cancellationToken);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
