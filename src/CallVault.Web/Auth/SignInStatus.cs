namespace CallVault.Web.Auth;

public enum SignInStatus
{
    Succeeded,

    /// <summary>Unknown name or wrong password; the page must not say which.</summary>
    InvalidCredentials,

    /// <summary>Too many failed attempts for this account, or too many attempts from this address.</summary>
    LockedOut,
}
