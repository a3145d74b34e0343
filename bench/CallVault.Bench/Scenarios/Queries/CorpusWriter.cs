using Microsoft.Data.Sqlite;

namespace CallVault.Bench.Scenarios.Queries;

/// <summary>SQLite: the four prepared inserts the corpus is written with, columns named as in the product's schema, a transaction per batch.</summary>
internal sealed class CorpusWriter(SqliteConnection connection) : ICorpusSink
{
    private SqliteTransaction? _transaction;

    public static CorpusWriter Open(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        foreach (var pragma in new[] { "PRAGMA journal_mode=OFF", "PRAGMA synchronous=OFF", "PRAGMA cache_size=-1048576", "PRAGMA temp_store=MEMORY" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = pragma;
            command.ExecuteNonQuery();
        }

        return new CorpusWriter(connection);
    }

    public void BeginBatch()
    {
        _transaction = connection.BeginTransaction();
        Transaction = _transaction;
    }

    public void CommitBatch()
    {
        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
    }

    public void Finish()
    {
        using var analyze = connection.CreateCommand();
        // What a long-running database has: statistics for the planner (SQLite's own advice after bulk loads), and the
        // product's journal mode back (the bulk load wrote each page once, without a journal: a crash means generating again).
        analyze.CommandText = "PRAGMA optimize=0x10002; PRAGMA journal_mode=WAL;";
        analyze.ExecuteNonQuery();
    }

    IRowSink ICorpusSink.Calls => Calls;

    IRowSink ICorpusSink.Legs => Legs;

    IRowSink ICorpusSink.Recordings => Recordings;

    IRowSink ICorpusSink.Stages => Stages;

    public PreparedInsert Calls { get; } = new(connection, "Calls",
        "Id", "Provider", "ProviderCallId", "Direction", "From", "To", "Status", "StartedAt", "EndedAt", "DurationSeconds", "RecordingMissing", "CreatedAt", "UpdatedAt");

    public PreparedInsert Legs { get; } = new(connection, "CallLegs",
        "Id", "CallId", "Provider", "ProviderCallId", "ParentProviderCallId", "Direction", "From", "To", "Status", "DurationSeconds", "StartedAt", "EndedAt",
        "CreatedAt", "UpdatedAt");

    public PreparedInsert Recordings { get; } = new(connection, "Recordings",
        "Id", "CallId", "Provider", "ProviderRecordingId", "ProviderCallId", "Status", "ProviderStatus", "ProviderChannels", "ProviderDurationSeconds",
        "StartedAt", "Channels", "DurationSeconds", "Format", "SizeBytes", "Sha256", "StorageKey", "MatchMethod", "MatchDetail",
        "TranscriptEngine", "TranscriptText", "SummaryEngine", "SummaryText", "LastError", "CreatedAt", "UpdatedAt", "StoredAt");

    public PreparedInsert Stages { get; } = new(connection, "RecordingStages", "RecordingId", "Stage", "Status", "Attempts", "LastError", "UpdatedAt");

    public SqliteTransaction Transaction
    {
        set
        {
            Calls.Transaction = value;
            Legs.Transaction = value;
            Recordings.Transaction = value;
            Stages.Transaction = value;
        }
    }

    public void Dispose()
    {
        Calls.Dispose();
        Legs.Dispose();
        Recordings.Dispose();
        Stages.Dispose();
        connection.Dispose();
    }
}
