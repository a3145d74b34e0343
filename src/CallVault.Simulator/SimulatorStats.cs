namespace CallVault.Simulator;

/// <summary>Counters of what the simulator served and injected; safe to read while requests run.</summary>
public sealed class SimulatorStats
{
    private long _mediaRequests;
    private long _mediaResponsesCompleted;
    private long _mediaBytesServed;
    private long _serverErrorsInjected;
    private long _notFoundInjected;
    private long _truncated;
    private long _deletes;
    private long _listRequests;
    private long _listErrorsInjected;
    private long _metadataRequests;
    private long _callRequests;
    private long _recordingStarts;
    private long _unauthorized;

    /// <summary>Media GET/HEAD requests received (for any outcome).</summary>
    public long MediaRequests => Interlocked.Read(ref _mediaRequests);

    /// <summary>Media bodies sent completely.</summary>
    public long MediaResponsesCompleted => Interlocked.Read(ref _mediaResponsesCompleted);

    public long MediaBytesServed => Interlocked.Read(ref _mediaBytesServed);

    /// <summary>500/502/503 injected on media requests.</summary>
    public long ServerErrorsInjected => Interlocked.Read(ref _serverErrorsInjected);

    /// <summary>404 injected by <see cref="SimulatorFaults.NotReadyFirstRequests"/>.</summary>
    public long NotFoundInjected => Interlocked.Read(ref _notFoundInjected);

    public long Truncated => Interlocked.Read(ref _truncated);

    public long Deletes => Interlocked.Read(ref _deletes);

    public long ListRequests => Interlocked.Read(ref _listRequests);

    /// <summary>429/500/503 injected on list requests.</summary>
    public long ListErrorsInjected => Interlocked.Read(ref _listErrorsInjected);

    public long MetadataRequests => Interlocked.Read(ref _metadataRequests);

    public long CallRequests => Interlocked.Read(ref _callRequests);

    public long RecordingStarts => Interlocked.Read(ref _recordingStarts);

    /// <summary>Requests refused with 401.</summary>
    public long Unauthorized => Interlocked.Read(ref _unauthorized);

    internal void MediaRequest() => Interlocked.Increment(ref _mediaRequests);

    internal void MediaResponseCompleted() => Interlocked.Increment(ref _mediaResponsesCompleted);

    internal void MediaBytes(long count) => Interlocked.Add(ref _mediaBytesServed, count);

    internal void ServerErrorInjected() => Interlocked.Increment(ref _serverErrorsInjected);

    internal void NotFound() => Interlocked.Increment(ref _notFoundInjected);

    internal void Truncation() => Interlocked.Increment(ref _truncated);

    internal void Delete() => Interlocked.Increment(ref _deletes);

    internal void ListRequest() => Interlocked.Increment(ref _listRequests);

    internal void ListErrorInjected() => Interlocked.Increment(ref _listErrorsInjected);

    internal void MetadataRequest() => Interlocked.Increment(ref _metadataRequests);

    internal void CallRequest() => Interlocked.Increment(ref _callRequests);

    internal void RecordingStart() => Interlocked.Increment(ref _recordingStarts);

    internal void Unauthorize() => Interlocked.Increment(ref _unauthorized);
}
