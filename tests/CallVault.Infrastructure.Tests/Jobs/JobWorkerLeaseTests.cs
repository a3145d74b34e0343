using CallVault.Core.Jobs;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CallVault.Infrastructure.Tests.Jobs;

/// <summary>
/// A worker that stops working on a job — the server shutting down, or its lease taken over — never
/// leaves its attempt in the history open: only a dead process does that.
/// </summary>
public sealed class JobWorkerLeaseTests
{
    private const string Kind = "test.block";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["CallVault:Jobs:Workers"] = "1",
        ["CallVault:Jobs:LeaseSeconds"] = "3",
    };

    [Fact]
    public async Task StopAsync_WhileAJobRuns_HandsTheJobBackAndEndsItsAttempt()
    {
        await using var t = await TestServices.StartAsync(Settings);
        using var running = await StartOnAJobAsync(t);
        var id = running.JobId;

        await running.Worker.StopAsync(t.Token);

        var job = await t.QueryAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, t.Token));
        var attempt = Assert.Single(await AttemptsAsync(t, id));
        Assert.Equal(JobState.Queued, job.State);
        Assert.Null(job.LeaseOwner);
        Assert.NotNull(attempt.EndedAt);
        Assert.Equal(nameof(JobState.Queued), attempt.Outcome);
    }

    [Fact]
    public async Task LeaseTakenOverWhileTheJobRuns_WorkerStopsAndEndsItsOwnAttemptLeavingTheJobToItsNewOwner()
    {
        await using var t = await TestServices.StartAsync(Settings);
        using var running = await StartOnAJobAsync(t);
        var id = running.JobId;

        // Another worker's claim after this one's heartbeat had stalled past the lease.
        t.Clock.Advance(TimeSpan.FromSeconds(5));
        await t.ChangeAsync(async db =>
        {
            var job = await db.Jobs.SingleAsync(j => j.Id == id, t.Token);
            job.LeaseOwner = "other";
            job.LeaseExpiresAt = t.Clock.UtcNow.AddSeconds(3);
            job.Attempts++;
            job.UpdatedAt = t.Clock.UtcNow;
        });
        await running.Handler.Cancelled.Task.WaitAsync(t.Token); // the next heartbeat finds the lease gone
        var attempts = await WaitForAsync(t, id, a => a.Count == 2 && a[0].EndedAt is not null);
        await running.Worker.StopAsync(t.Token);

        var row = await t.QueryAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, t.Token));
        Assert.Equal(JobState.Running, row.State);
        Assert.Equal("other", row.LeaseOwner);
        Assert.Equal(JobQueue.LeaseLostOutcome, attempts[0].Outcome);
        Assert.Equal(t.Clock.UtcNow, attempts[0].EndedAt);
        Assert.Equal("other", attempts[1].Owner);
        Assert.Null(attempts[1].EndedAt);
    }

    /// <summary>
    /// A claim whose statement already reached the database finishes even when the server starts
    /// stopping meanwhile: had it given up, the database could have committed a claim nobody ran.
    /// </summary>
    [Fact]
    [Trait("Database", "postgres")]
    public async Task TryClaimAsync_CancelledWhileTheClaimWaitsOnALock_StillReturnsTheJobItClaimed()
    {
        Assert.True(TestDatabase.PostgresRun, "Runs in the PostgreSQL pass: CALLVAULT_TEST_DATABASE=postgres with CALLVAULT_TEST_POSTGRES (test.sh sets both).");
        await using var t = await TestServices.StartAsync(Settings);
        var id = await t.EnqueueAsync(Kind);
        await using var blocker = new NpgsqlConnection(t.ConnectionString);
        await blocker.OpenAsync(t.Token);
        await using var transaction = await blocker.BeginTransactionAsync(t.Token);
        await using (var lockJobs = new NpgsqlCommand("""LOCK TABLE "Jobs" IN EXCLUSIVE MODE""", blocker, transaction))
        {
            await lockJobs.ExecuteNonQueryAsync(t.Token);
        }

        using var stopping = new CancellationTokenSource();
        var claim = t.Queue.TryClaimAsync("worker", stopping.Token);
        await WaitUntilBlockedAsync(t, blocker);
        await stopping.CancelAsync();
        await transaction.CommitAsync(t.Token);
        var claimed = await claim.WaitAsync(t.Token);

        Assert.Equal(id, claimed?.Id);
        var attempt = Assert.Single(await AttemptsAsync(t, id));
        Assert.Equal("worker", attempt.Owner);
    }

    /// <summary>A queued job and a worker started on it, returned once the job's handler runs.</summary>
    private static async Task<RunningJob> StartOnAJobAsync(TestServices t)
    {
        var id = await t.EnqueueAsync(Kind);
        var handler = new BlockingHandler();
        var worker = new JobWorkerService(
            t.Queue,
            t.Get<JobSignal>(),
            [handler],
            t.Get<IOptions<JobOptions>>(),
            t.Get<RetryBackoff>(),
            t.Clock,
            NullLogger<JobWorkerService>.Instance);
        await worker.StartAsync(t.Token);
        await handler.Started.Task.WaitAsync(t.Token);
        return new RunningJob(id, handler, worker);
    }

    private static Task<List<JobAttempt>> AttemptsAsync(TestServices t, long id) =>
        t.QueryAsync(db => db.JobAttempts.AsNoTracking().Where(a => a.JobId == id).OrderBy(a => a.Id).ToListAsync(t.Token));

    private static async Task<List<JobAttempt>> WaitForAsync(TestServices t, long id, Func<List<JobAttempt>, bool> done)
    {
        while (true)
        {
            var attempts = await AttemptsAsync(t, id);
            if (done(attempts))
            {
                return attempts;
            }

            await Task.Delay(50, t.Token);
        }
    }

    /// <summary>Until the claim's statement waits on the blocker's lock, as seen by the server.</summary>
    private static async Task WaitUntilBlockedAsync(TestServices t, NpgsqlConnection blocker)
    {
        await using var probe = new NpgsqlConnection(t.ConnectionString);
        await probe.OpenAsync(t.Token);
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> @blocker", probe);
        command.Parameters.AddWithValue("blocker", blocker.ProcessID);
        while ((long)(await command.ExecuteScalarAsync(t.Token))! == 0)
        {
            await Task.Delay(20, t.Token);
        }
    }

    private sealed record RunningJob(long JobId, BlockingHandler Handler, JobWorkerService Worker) : IDisposable
    {
        public void Dispose() => Worker.Dispose();
    }

    /// <summary>Runs until cancelled, as a long download would.</summary>
    private sealed class BlockingHandler : IJobHandler
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Kind => JobWorkerLeaseTests.Kind;

        public async Task<JobOutcome> HandleAsync(ClaimedJob job, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                Cancelled.TrySetResult();
            }

            return JobOutcome.Done;
        }
    }
}
