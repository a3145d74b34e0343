using CallVault.Core.Reconciliation;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>
/// Checksums: stored objects re-hashed in storage and compared with the SHA-256 recorded when they were
/// stored — a random sample per run, or all of them (in batches by id). A missing object is the storage
/// comparison's finding, not counted again here.
/// </summary>
internal sealed class ChecksumCheck(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    IRecordingStorage storage,
    StoredObjectRepair objectRepair,
    IOptionsMonitor<ReconciliationOptions> options)
{
    public async Task RunAsync(ReconciliationRun run, ReconciliationTally tally, CancellationToken cancellationToken)
    {
        if (run.ChecksumSample is { } sample)
        {
            if (sample > 0)
            {
                await VerifyAsync(run, await SampleAsync(sample, cancellationToken), tally, cancellationToken);
            }

            return;
        }

        var batchSize = options.CurrentValue.BatchSize;
        for (var after = string.Empty; ;)
        {
            var batch = await BatchAsync(after, batchSize, cancellationToken);
            await VerifyAsync(run, batch, tally, cancellationToken);
            if (batch.Count < batchSize)
            {
                return;
            }

            after = batch[^1].Key;
        }
    }

    private async Task VerifyAsync(ReconciliationRun run, List<StoredRow> rows, ReconciliationTally tally, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            var stored = await storage.StatAsync(row.Key, computeHash: true, cancellationToken);
            if (stored is null)
            {
                continue;
            }

            tally.ChecksumsVerified++;
            if (string.Equals(stored.Sha256, row.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            tally.ChecksumMismatches++;
            const string problem = "stored object does not match its SHA-256";
            if (run.Repair == ReconciliationRepair.All)
            {
                await objectRepair.RepairAsync(row.Id, ReconciliationTally.ChecksumMismatchKind, problem, tally, cancellationToken);
            }
            else
            {
                tally.Note(ReconciliationTally.ChecksumMismatchKind, row.Id.ToString(), $"{row.Key}: {problem} (stored {stored.Sha256}, recorded {row.Sha256}); not repaired");
            }
        }
    }

    private async Task<List<StoredRow>> SampleAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Stored(db)
            .OrderBy(_ => EF.Functions.Random())
            .Take(count)
            .Select(r => new StoredRow { Id = r.Id, Key = r.StorageKey!, Sha256 = r.Sha256! })
            .ToListAsync(cancellationToken);
    }

    /// <summary>Stored recordings after <paramref name="after"/> in key order (keyset on the storage-key index).</summary>
    private async Task<List<StoredRow>> BatchAsync(string after, int batchSize, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.SqlQuery<StoredRow>($"""
            SELECT "Id", "StorageKey" AS "Key", "Sha256" FROM "Recordings"
            WHERE "StorageKey" IS NOT NULL AND "StorageKey" > {after} AND "Status" = 'Stored' AND "Sha256" IS NOT NULL
            ORDER BY "StorageKey" LIMIT {batchSize}
            """).ToListAsync(cancellationToken);
    }

    private static IQueryable<Recording> Stored(CallVaultDbContext db) =>
        db.Recordings.AsNoTracking().Where(r => r.Status == RecordingStatus.Stored && r.StorageKey != null && r.Sha256 != null);

    private sealed class StoredRow
    {
        public Guid Id { get; init; }
        public required string Key { get; init; }
        public required string Sha256 { get; init; }
    }
}
