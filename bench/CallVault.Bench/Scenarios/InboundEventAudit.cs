using System.Globalization;
using CallVault.Bench.Load;
using Microsoft.Data.Sqlite;

namespace CallVault.Bench.Scenarios;

/// <summary>
/// Reads CallVault's SQLite file after the run: which acknowledged callbacks have their <c>InboundEvents</c> row,
/// and how the group-commit writer batched them (every event of a batch shares the batch's <c>ReceivedAt</c>).
/// </summary>
internal sealed record InboundEventAudit(int Rows, int Acknowledged, int Lost, int Unacknowledged, IReadOnlyList<(DateTime At, int Size)> Batches)
{
    public static async Task<InboundEventAudit> ReadAsync(string databasePath, PresignedCallbacks pool, IReadOnlyCollection<int> acknowledged, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var batches = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "DedupeKey", "ReceivedAt" FROM "InboundEvents" WHERE "Kind" = 'call-status'""";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(reader.GetString(0));
                var at = reader.GetString(1);
                batches[at] = batches.GetValueOrDefault(at) + 1;
            }
        }

        var ackedKeys = acknowledged.Select(pool.DedupeKey).ToHashSet(StringComparer.Ordinal);
        var lost = ackedKeys.Count(k => !keys.Contains(k));
        var unacknowledged = keys.Count(k => !ackedKeys.Contains(k));
        var parsed = batches
            .Select(b => (At: DateTime.Parse(b.Key, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), Size: b.Value))
            .OrderBy(b => b.At)
            .ToList();
        return new InboundEventAudit(keys.Count, ackedKeys.Count, lost, unacknowledged, parsed);
    }

    /// <summary>Batches committed within [from, to] (UTC), e.g. one load run.</summary>
    public (int Count, double MeanSize, int MaxSize, double PerSecond) BatchesBetween(DateTime from, DateTime to)
    {
        var within = Batches.Where(b => b.At >= from && b.At <= to).ToList();
        if (within.Count == 0)
        {
            return (0, 0, 0, 0);
        }

        return (within.Count, within.Average(b => b.Size), within.Max(b => b.Size), within.Count / (to - from).TotalSeconds);
    }
}
