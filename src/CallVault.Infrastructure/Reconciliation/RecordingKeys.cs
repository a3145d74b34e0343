using System.Runtime.CompilerServices;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>
/// The keys recordings refer to within a key range, in ordinal key order, read in batches by keyset
/// (<c>WHERE key &gt; last ORDER BY key LIMIT n</c> on a partial index): memory is one batch.
/// </summary>
internal sealed class RecordingKeys(IDbContextFactory<CallVaultDbContext> contextFactory)
{
    /// <summary>Main and original keys merged into one ordered stream, after the prefix <paramref name="from"/> up to <paramref name="to"/> (exclusive).</summary>
    public IAsyncEnumerable<KeyRow> InRangeAsync(string from, string to, int batchSize, CancellationToken cancellationToken) =>
        SortedMerge.MergeAsync(
            ReadAsync(original: false, from, to, batchSize, cancellationToken),
            ReadAsync(original: true, from, to, batchSize, cancellationToken),
            r => r.Key);

    private async IAsyncEnumerable<KeyRow> ReadAsync(bool original, string from, string to, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // "from" is a folder prefix, which no key equals: "> from" starts at the first key under it.
        var after = from;
        while (true)
        {
            List<KeyRowData> batch;
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                batch = original
                    ? await db.Database.SqlQuery<KeyRowData>($"""
                        SELECT "OriginalStorageKey" AS "Key", "Id", "Status" FROM "Recordings"
                        WHERE "OriginalStorageKey" IS NOT NULL AND "OriginalStorageKey" > {after} AND "OriginalStorageKey" < {to}
                        ORDER BY "OriginalStorageKey" LIMIT {batchSize}
                        """).ToListAsync(cancellationToken)
                    : await db.Database.SqlQuery<KeyRowData>($"""
                        SELECT "StorageKey" AS "Key", "Id", "Status" FROM "Recordings"
                        WHERE "StorageKey" IS NOT NULL AND "StorageKey" > {after} AND "StorageKey" < {to}
                        ORDER BY "StorageKey" LIMIT {batchSize}
                        """).ToListAsync(cancellationToken);
            }

            foreach (var row in batch)
            {
                yield return new KeyRow(row.Key, row.Id, Enum.Parse<RecordingStatus>(row.Status), original);
            }

            if (batch.Count < batchSize)
            {
                yield break;
            }

            after = batch[^1].Key;
        }
    }

    private sealed class KeyRowData
    {
        public required string Key { get; init; }
        public Guid Id { get; init; }
        public required string Status { get; init; }
    }
}
