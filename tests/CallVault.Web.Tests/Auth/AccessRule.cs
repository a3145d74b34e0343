namespace CallVault.Web.Tests.Auth;

/// <summary>Who may use a route, as the authorization matrix expects it.</summary>
public enum AccessRule
{
    /// <summary>Open to everyone (health, metrics, the OpenAPI document, the sign-in page).</summary>
    Public,

    /// <summary>A provider webhook: no key or cookie helps; unsigned requests are refused (403, or 503 when the provider is not configured).</summary>
    SignedWebhook,

    /// <summary>A signed playback URL: the token in the path is the credential, so a bogus one is refused for everyone.</summary>
    SignedUrl,

    /// <summary>API for viewers and admins: anonymous 401.</summary>
    Viewer,

    /// <summary>API for admins: anonymous 401, viewer 403.</summary>
    Admin,

    /// <summary>Dashboard page for viewers and admins: anonymous is redirected to /signin.</summary>
    ViewerPage,

    /// <summary>Dashboard page for admins only: anonymous redirected to /signin, viewer 403.</summary>
    AdminPage,
}
