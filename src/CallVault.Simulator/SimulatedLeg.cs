namespace CallVault.Simulator;

/// <summary>One call leg (a Twilio Call resource). <see cref="Status"/> may be changed at any time.</summary>
public sealed class SimulatedLeg
{
    private static readonly string[] TerminalStatuses = ["completed", "busy", "failed", "no-answer", "canceled"];

    private volatile string _status;

    internal SimulatedLeg(string sid, string? parentSid, string accountSid, string from, string to, string direction,
        string status, DateTimeOffset startTime, double durationSeconds)
    {
        Sid = sid;
        ParentSid = parentSid;
        AccountSid = accountSid;
        From = from;
        To = to;
        Direction = direction;
        _status = status;
        StartTime = startTime;
        DurationSeconds = durationSeconds;
    }

    public string Sid { get; }

    /// <summary>The parent leg's SID; null for the first leg.</summary>
    public string? ParentSid { get; }

    public string AccountSid { get; }

    public string From { get; }

    public string To { get; }

    public string Direction { get; }

    /// <summary><c>queued</c>, <c>ringing</c>, <c>in-progress</c>, <c>completed</c>, <c>busy</c>, <c>failed</c>, <c>no-answer</c>, <c>canceled</c>.</summary>
    public string Status
    {
        get => _status;
        set => _status = value ?? throw new ArgumentNullException(nameof(value));
    }

    public DateTimeOffset StartTime { get; }

    public double DurationSeconds { get; }

    /// <summary>True once the leg has reached a final status.</summary>
    public bool IsTerminal => IsTerminalStatus(Status);

    /// <summary>Start + duration once the leg is terminal; null while it is live.</summary>
    public DateTimeOffset? EndTime => IsTerminal ? StartTime.AddSeconds(DurationSeconds) : null;

    /// <summary>Whole seconds as Twilio reports them (<c>CallDuration</c>, <c>duration</c>).</summary>
    public long WholeSeconds => (long)Math.Round(DurationSeconds, MidpointRounding.AwayFromZero);

    public static bool IsTerminalStatus(string status) => TerminalStatuses.Contains(status, StringComparer.Ordinal);
}
