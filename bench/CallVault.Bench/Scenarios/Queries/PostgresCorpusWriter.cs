using System.Globalization;
using System.Text;
using Npgsql;

namespace CallVault.Bench.Scenarios.Queries;

/// <summary>
/// PostgreSQL: each batch's rows gathered per table and sent with <c>COPY … FROM STDIN</c> (text format) in one
/// transaction, parents first, so the search table (<c>RecordingSearch</c>, by the product's triggers) and its GIN index are
/// filled as the product fills them.
/// The text forms the corpus gives (GUIDs, UTC times, 0/1 flags) are PostgreSQL's input forms too, read in UTC.
/// </summary>
internal sealed class PostgresCorpusWriter : ICorpusSink
{
    private readonly NpgsqlConnection _connection;
    private readonly CopyRows[] _tables;

    private PostgresCorpusWriter(NpgsqlConnection connection)
    {
        _connection = connection;
        Calls = new CopyRows("Calls",
            "Id", "Provider", "ProviderCallId", "Direction", "From", "To", "Status", "StartedAt", "EndedAt", "DurationSeconds", "RecordingMissing", "CreatedAt", "UpdatedAt");
        Legs = new CopyRows("CallLegs",
            "Id", "CallId", "Provider", "ProviderCallId", "ParentProviderCallId", "Direction", "From", "To", "Status", "DurationSeconds", "StartedAt", "EndedAt",
            "CreatedAt", "UpdatedAt");
        Recordings = new CopyRows("Recordings",
            "Id", "CallId", "Provider", "ProviderRecordingId", "ProviderCallId", "Status", "ProviderStatus", "ProviderChannels", "ProviderDurationSeconds",
            "StartedAt", "Channels", "DurationSeconds", "Format", "SizeBytes", "Sha256", "StorageKey", "MatchMethod", "MatchDetail",
            "TranscriptEngine", "TranscriptText", "SummaryEngine", "SummaryText", "LastError", "CreatedAt", "UpdatedAt", "StoredAt");
        Stages = new CopyRows("RecordingStages", "RecordingId", "Stage", "Status", "Attempts", "LastError", "UpdatedAt");
        _tables = [(CopyRows)Calls, (CopyRows)Legs, (CopyRows)Recordings, (CopyRows)Stages];
    }

    public IRowSink Calls { get; }

    public IRowSink Legs { get; }

    public IRowSink Recordings { get; }

    public IRowSink Stages { get; }

    public static PostgresCorpusWriter Open(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SET TIME ZONE 'UTC'; SET synchronous_commit = off", connection);
        command.ExecuteNonQuery();
        return new PostgresCorpusWriter(connection);
    }

    public void BeginBatch()
    {
        foreach (var table in _tables)
        {
            table.Clear();
        }
    }

    public void CommitBatch()
    {
        using var transaction = _connection.BeginTransaction();
        foreach (var table in _tables)
        {
            using (var import = _connection.BeginTextImport(table.CopyCommand))
            {
                import.Write(table.Text);
            }
        }

        transaction.Commit();
    }

    public void Finish()
    {
        // Planner statistics, as autovacuum would have gathered on a database that grew over a year.
        // One command each: VACUUM refuses to run inside a multi-statement batch.
        foreach (var table in new[] { "Calls", "CallLegs", "Recordings", "RecordingStages", "RecordingSearch" })
        {
            using var command = new NpgsqlCommand($"""VACUUM ANALYZE "{table}" """, _connection);
            command.ExecuteNonQuery();
        }
    }

    public void Dispose() => _connection.Dispose();

    private sealed class CopyRows(string table, params string[] columns) : IRowSink
    {
        private readonly StringBuilder _text = new();

        public string CopyCommand { get; } = $"""COPY "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN""";

        public StringBuilder Text => _text;

        public void Clear() => _text.Clear();

        public void Run(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0)
                {
                    _text.Append('\t');
                }

                switch (values[i])
                {
                    case null:
                        _text.Append("\\N");
                        break;
                    case string s:
                        Escape(s);
                        break;
                    case IFormattable f:
                        _text.Append(f.ToString(null, CultureInfo.InvariantCulture));
                        break;
                    case var other:
                        Escape(other.ToString() ?? "");
                        break;
                }
            }

            _text.Append('\n');
        }

        private void Escape(string value)
        {
            foreach (var c in value)
            {
                _ = c switch
                {
                    '\\' => _text.Append("\\\\"),
                    '\t' => _text.Append("\\t"),
                    '\n' => _text.Append("\\n"),
                    '\r' => _text.Append("\\r"),
                    _ => _text.Append(c),
                };
            }
        }
    }
}
