namespace CallVault.Infrastructure.Matching;

public abstract record CallLookupResult
{
    public sealed record Found(TwilioCallInfo Call) : CallLookupResult;

    public sealed record NotFound : CallLookupResult;

    /// <summary>The API could not be asked (not configured, unreachable, 5xx).</summary>
    public sealed record Unavailable(string Reason) : CallLookupResult;
}
