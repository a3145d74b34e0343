using Microsoft.Data.Sqlite;

namespace CallVault.Bench.Scenarios.Queries;

/// <summary>The four prepared inserts the corpus is written with, columns named as in the product's schema.</summary>
internal sealed class CorpusWriter(SqliteConnection connection) : IDisposable
{
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
    }
}
