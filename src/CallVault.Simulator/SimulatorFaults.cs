namespace CallVault.Simulator;

/// <summary>
/// Faults the simulator injects, changeable at any time from any thread. Random decisions come from a
/// <see cref="Random"/> seeded by <see cref="SimulatorOptions.Seed"/>, so a single-threaded run is reproducible.
/// </summary>
public sealed class SimulatorFaults
{
    private static readonly int[] ServerErrorStatuses = [500, 502, 503];
    private static readonly int[] ListErrorStatuses = [429, 500, 503];

    private readonly Lock _gate = new();
    private readonly Random _random;
    private double _serverErrorRate;
    private int _notReadyFirstRequests;
    private double _truncateRate;
    private TimeSpan _bodyDelay;
    private long _bytesPerSecond;
    private double _listErrorRate;
    private double _deleteErrorRate;

    internal SimulatorFaults(int seed) => _random = new Random(seed);

    /// <summary>0..1: share of media GETs answered 500, 502 or 503.</summary>
    public double ServerErrorRate
    {
        get { lock (_gate) { return _serverErrorRate; } }
        set { var v = Rate(value); lock (_gate) { _serverErrorRate = v; } }
    }

    /// <summary>The first N media GETs of each recording answer 404, as Twilio does right after <c>completed</c>.</summary>
    public int NotReadyFirstRequests
    {
        get { lock (_gate) { return _notReadyFirstRequests; } }
        set { ArgumentOutOfRangeException.ThrowIfNegative(value); lock (_gate) { _notReadyFirstRequests = value; } }
    }

    /// <summary>0..1: share of media responses that declare the full Content-Length and are cut after about half.</summary>
    public double TruncateRate
    {
        get { lock (_gate) { return _truncateRate; } }
        set { var v = Rate(value); lock (_gate) { _truncateRate = v; } }
    }

    /// <summary>Wait after the headers are sent and before the first body byte.</summary>
    public TimeSpan BodyDelay
    {
        get { lock (_gate) { return _bodyDelay; } }
        set { ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero); lock (_gate) { _bodyDelay = value; } }
    }

    /// <summary>Media body rate limit; 0 = unlimited.</summary>
    public long BytesPerSecond
    {
        get { lock (_gate) { return _bytesPerSecond; } }
        set { ArgumentOutOfRangeException.ThrowIfNegative(value); lock (_gate) { _bytesPerSecond = value; } }
    }

    /// <summary>0..1: share of list requests answered 429, 500 or 503 with <c>Retry-After: 1</c>.</summary>
    public double ListErrorRate
    {
        get { lock (_gate) { return _listErrorRate; } }
        set { var v = Rate(value); lock (_gate) { _listErrorRate = v; } }
    }

    /// <summary>Turns every fault off.</summary>
    /// <summary>Share of recording DELETE requests that answer a 5xx (the provider copy stays).</summary>
    public double DeleteErrorRate
    {
        get { lock (_gate) { return _deleteErrorRate; } }
        set { var v = Rate(value); lock (_gate) { _deleteErrorRate = v; } }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _serverErrorRate = 0;
            _notReadyFirstRequests = 0;
            _truncateRate = 0;
            _bodyDelay = TimeSpan.Zero;
            _bytesPerSecond = 0;
            _listErrorRate = 0;
            _deleteErrorRate = 0;
        }
    }

    internal int? RollServerError() => Roll(() => _serverErrorRate, ServerErrorStatuses);

    internal int? RollListError() => Roll(() => _listErrorRate, ListErrorStatuses);

    internal int? RollDeleteError() => Roll(() => _deleteErrorRate, ServerErrorStatuses);

    internal bool RollTruncate()
    {
        lock (_gate)
        {
            return _truncateRate > 0 && _random.NextDouble() < _truncateRate;
        }
    }

    private int? Roll(Func<double> rate, int[] statuses)
    {
        lock (_gate)
        {
            var r = rate();
            if (r <= 0 || _random.NextDouble() >= r)
            {
                return null;
            }

            return statuses[_random.Next(statuses.Length)];
        }
    }

    private static double Rate(double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A rate is between 0 and 1.");
        }

        return value;
    }
}
