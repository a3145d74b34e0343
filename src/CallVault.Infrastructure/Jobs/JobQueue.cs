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
public sealed class JobQueue(IDbContextFactory<CallVaultDbContext> contextFactory, IOptions<JobOptions> options, TimeProvider time)
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
    /// Claims the next runnable job. <paramref name="cancellationToken"/> is honoured only until the
    /// claim is sent: a claim the database may have committed is always read back, so a shutdown
    /// cannot leave a job owned by a worker that never learnt of it (the command timeout bounds the wait).
    /// </summary>
    public async Task<ClaimedJob?> TryClaimAsync(string owner, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Opened through EF so the connection gets the same set-up (busy timeout) as every other. A lost
        // claim only means the job is claimed again: it need not wait for the disk.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await CommitDurability.RelaxAsync(db, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var now = time.GetUtcNow().UtcDateTime;
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = connection is Microsoft.Data.Sqlite.SqliteConnection ? JobClaimSql.Sqlite : JobClaimSql.Postgres;
        Add(command, "@owner", owner);
        Add(command, "@lease", now + options.Value.Lease);
        Add(command, "@now", now);
        // Held until the reader is disposed: that ends the claiming statement and its implicit transaction.
        using var writing = await SqliteWriteGate.EnterAsync(db, cancellationToken);
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
        var lease = now + options.Value.Lease;
        return UpdateOwnedAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "Jobs" SET "LeaseExpiresAt" = {lease}, "UpdatedAt" = {now} WHERE "Id" = {job.Id} AND "LeaseOwner" = {job.Owner} AND "State" = 'Running'""",
            cancellationToken), cancellationToken);
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
        return UpdateOwnedAsync(db => db.Database.ExecuteSqlAsync(
            $"""
            UPDATE "Jobs" SET "State" = {state}, "RunAfter" = {runAfter}, "LastError" = {error},
                "LeaseOwner" = NULL, "LeaseExpiresAt" = NULL, "UpdatedAt" = {now}
            WHERE "Id" = {job.Id} AND "LeaseOwner" = {job.Owner}
            """,
            cancellationToken), cancellationToken);
    }

    /// <summary>Hands a job back untouched (shutdown), so another worker can take it at once.</summary>
    public Task<bool> ReleaseAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return UpdateOwnedAsync(db => db.Database.ExecuteSqlAsync(
            $"""
            UPDATE "Jobs" SET "State" = 'Queued', "RunAfter" = {now}, "Attempts" = CASE WHEN "Attempts" > 0 THEN "Attempts" - 1 ELSE 0 END,
                "LeaseOwner" = NULL, "LeaseExpiresAt" = NULL, "UpdatedAt" = {now}
            WHERE "Id" = {job.Id} AND "LeaseOwner" = {job.Owner}
            """,
            cancellationToken), cancellationToken);
    }

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

    private async Task<bool> UpdateOwnedAsync(Func<CallVaultDbContext, Task<int>> update, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // A job's state is bookkeeping: if a power loss undid it, the job runs again, and the work it
        // records (e.g. "stored") was made durable by its own commit.
        await CommitDurability.RelaxAsync(db, cancellationToken);
        using var writing = await SqliteWriteGate.EnterAsync(db, cancellationToken);
        return await update(db) == 1;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
