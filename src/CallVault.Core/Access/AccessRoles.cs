namespace CallVault.Core.Access;

/// <summary>The two roles of SPEC §4: viewers read and play; admins also change things.</summary>
public static class AccessRoles
{
    public const string Viewer = "viewer";
    public const string Admin = "admin";

    public static bool IsKnown(string? role) => role is Viewer or Admin;
}
