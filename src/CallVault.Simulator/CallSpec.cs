namespace CallVault.Simulator;

/// <summary>What <see cref="TwilioSimulator.CreateCall"/> builds: a parent leg and, optionally, a <c>&lt;Dial&gt;</c> child leg.</summary>
public sealed record CallSpec
{
    /// <summary>E.164 number or <c>client:name</c>.</summary>
    public string From { get; init; } = "+14155550100";

    /// <summary>E.164 number or <c>client:name</c>.</summary>
    public string To { get; init; } = "+14155550199";

    /// <summary>Direction of the parent leg (<c>inbound</c>, <c>outbound-api</c>, <c>trunking-originating</c>, …).</summary>
    public string Direction { get; init; } = "inbound";

    /// <summary>Adds a child leg (<c>outbound-dial</c>, <c>ParentCallSid</c> = the parent).</summary>
    public bool WithChildLeg { get; init; }

    /// <summary>Who the child leg dials; defaults to <c>client:agent</c>.</summary>
    public string ChildTo { get; init; } = "client:agent";

    /// <summary>Start of the parent leg; the simulator's clock when null. The child leg starts at the same time.</summary>
    public DateTimeOffset? StartTime { get; init; }

    public double DurationSeconds { get; init; } = 60;

    /// <summary>Initial status of both legs. <c>in-progress</c> lets the start-recording API work.</summary>
    public string Status { get; init; } = "completed";
}
