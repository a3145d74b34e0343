namespace CallVault.Web.Auth;

/// <summary>Authentication scheme names.</summary>
public static class AuthSchemes
{
    /// <summary><c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public const string ApiKey = "ApiKey";

    /// <summary>The dashboard's sign-in cookie.</summary>
    public const string Cookie = "Cookie";

    /// <summary>The default: Bearer when the request carries one, else the cookie.</summary>
    public const string BearerOrCookie = "BearerOrCookie";
}
