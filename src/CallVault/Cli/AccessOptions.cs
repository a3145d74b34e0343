using System.CommandLine;
using CallVault.Core.Access;

namespace CallVault.Cli;

/// <summary>The options <c>keys create</c> and <c>users add</c> share: a required role and a required name.</summary>
internal static class AccessOptions
{
    public static Option<string> Role()
    {
        var role = new Option<string>("--role") { Description = "viewer or admin.", Required = true };
        role.AcceptOnlyFromAmong(AccessRoles.Viewer, AccessRoles.Admin);
        return role;
    }

    public static Option<string> Name(string description) => new("--name") { Description = description, Required = true };
}
