namespace CallVault.Core.Recordings;

/// <summary>How a recording was joined to its call (the <c>match.method</c> of the API).</summary>
public static class MatchMethod
{
    public const string CallSid = "callSid";
    public const string ParentCallSid = "parentCallSid";
    public const string TimeWindow = "timeWindow";
    public const string Created = "created";
}
