namespace CallVault.Web.Auth;

public static class Roles
{
    public const string Viewer = "viewer";
    public const string Admin = "admin";

    /// <summary>Authorization policy names.</summary>
    public const string CanView = "CanView";
    public const string CanAdmin = "CanAdmin";
}
