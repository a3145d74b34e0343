namespace CallVault.Bench.Scenarios.Queries;

/// <summary>
/// Where <see cref="CallCorpus"/> writes its rows: the product's four tables, a batch at a time. Values come as the
/// SQLite text forms (upper-case GUIDs, <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> UTC times, 0/1 flags); a sink converts.
/// </summary>
internal interface ICorpusSink : IDisposable
{
    IRowSink Calls { get; }

    IRowSink Legs { get; }

    IRowSink Recordings { get; }

    IRowSink Stages { get; }

    void BeginBatch();

    void CommitBatch();

    /// <summary>After the last batch: what a long-running database has (planner statistics, its normal journal).</summary>
    void Finish();
}

internal interface IRowSink
{
    void Run(params object?[] values);
}
