namespace CallVault.Web.Auth;

/// <summary>What a sign-in attempt came to; <see cref="RetryAfter"/> is set when locked out.</summary>
public sealed record SignInOutcome(SignInStatus Status, TimeSpan? RetryAfter = null)
{
    public static readonly SignInOutcome Succeeded = new(SignInStatus.Succeeded);
    public static readonly SignInOutcome InvalidCredentials = new(SignInStatus.InvalidCredentials);

    public static SignInOutcome LockedOut(TimeSpan retryAfter) =>
        new(SignInStatus.LockedOut, retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter);

    public bool IsSucceeded => Status == SignInStatus.Succeeded;
}
