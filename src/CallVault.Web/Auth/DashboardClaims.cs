namespace CallVault.Web.Auth;

/// <summary>Claims the sign-in cookie carries beyond name and role.</summary>
internal static class DashboardClaims
{
    public const string UserId = "callvault:user-id";

    /// <summary>The user's security stamp at sign-in; a changed stamp ends the session.</summary>
    public const string Stamp = "callvault:stamp";
}
