using System.Diagnostics;
using CallVault.Bench.Hosting;
using CallVault.Bench.Reporting;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CallVault.Bench.Scenarios;

/// <summary>
/// The job queue's claim rate on PostgreSQL: N queued jobs, C concurrent workers each claiming
/// (<c>FOR UPDATE SKIP LOCKED</c>) and completing jobs through the real <see cref="JobQueue"/>
/// until none is left; then the same with claims alone.
/// </summary>
internal sealed class ClaimsScenario : IBenchScenario
{
    private const double Target = 1000;

    public string Name => "claims";

    public async Task<ScenarioReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var jobs = context.Args.Int("jobs", 20_000);
        var workers = context.Args.Int("claimers", 16);
        await using var database = await BenchPostgres.CreateAsync(BenchPostgres.ServerFrom(context), cancellationToken);
        var config = new Dictionary<string, string?>();
        database.Apply(config);
        config["CallVault:Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = workers + 4 }.ConnectionString;
        // Each claimer stands for a worker loop: the queue sizes its connection pool by them.
        config["CallVault:Jobs:Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build())
            .AddPersistence()
            .AddJobQueue();
        await using var provider = services.BuildServiceProvider();
        var queue = provider.GetRequiredService<JobQueue>();

        await SeedAsync(database.ConnectionString, jobs, cancellationToken);
        var (claimAndComplete, doneFirst) = await DrainAsync(queue, workers, complete: true, cancellationToken);
        var firstDistinct = await DistinctAttemptedAsync(database.ConnectionString, cancellationToken);
        await SeedAsync(database.ConnectionString, jobs, cancellationToken);
        var (claimOnly, doneSecond) = await DrainAsync(queue, workers, complete: false, cancellationToken);
        var secondDistinct = await DistinctAttemptedAsync(database.ConnectionString, cancellationToken);

        var completeRate = doneFirst / claimAndComplete.TotalSeconds;
        var claimRate = doneSecond / claimOnly.TotalSeconds;
        var report = new ScenarioReport("claims",
            $"{jobs:N0} queued jobs in a fresh PostgreSQL database, {workers} concurrent claimers in one process through the real JobQueue "
            + "(a claim is one UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED) RETURNING, with the attempt-history trigger). "
            + "First each claimer claims and completes jobs until none is left, then claims alone.");
        report.Add("Claim + complete: jobs per second", Format.Number(completeRate, "0"), $"≥ {Target:0}", completeRate >= Target)
            .Add("Claims alone per second", Format.Number(claimRate, "0"), $"≥ {Target:0}", claimRate >= Target)
            .Add("Claim + complete: claims / distinct jobs in the attempt history", $"{doneFirst} / {firstDistinct}", $"{jobs} / {jobs}", doneFirst == jobs && firstDistinct == jobs)
            .Add("Claims alone: claims / distinct jobs in the attempt history", $"{doneSecond} / {secondDistinct}", $"{jobs} / {jobs}", doneSecond == jobs && secondDistinct == jobs);
        return report;
    }

    private static async Task SeedAsync(string connectionString, int jobs, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            DELETE FROM "Jobs";
            INSERT INTO "Jobs" ("Kind", "State", "Attempts", "RunAfter", "CreatedAt", "UpdatedAt")
            SELECT 'bench.noop', 'Queued', 0, now() - interval '1 minute', now(), now() FROM generate_series(1, @jobs);
            ANALYZE "Jobs";
            """, connection);
        command.Parameters.AddWithValue("jobs", jobs);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Jobs with exactly one attempt row (the trigger writes one per claim): a job claimed twice would not count.</summary>
    private static async Task<long> DistinctAttemptedAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """SELECT COUNT(*) FROM (SELECT "JobId" FROM "JobAttempts" GROUP BY "JobId" HAVING COUNT(*) = 1) AS once""", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<(TimeSpan Elapsed, int Claimed)> DrainAsync(JobQueue queue, int workers, bool complete, CancellationToken cancellationToken)
    {
        var claimed = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async i =>
        {
            var owner = $"bench:{Environment.ProcessId}:claims/{i}";
            while (await queue.TryClaimAsync(owner, cancellationToken) is { } job)
            {
                Interlocked.Increment(ref claimed);
                if (complete)
                {
                    await queue.CompleteAsync(job, new JobOutcome.Succeeded(), cancellationToken);
                }
            }
        }));
        return (stopwatch.Elapsed, claimed);
    }
}
