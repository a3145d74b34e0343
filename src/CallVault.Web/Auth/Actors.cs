using System.Security.Claims;

namespace CallVault.Web.Auth;

/// <summary>How a caller is named in audit trails.</summary>
internal static class Actors
{
    public static string Of(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true } identity
            ? $"{identity.AuthenticationType?.ToLowerInvariant() ?? "user"}:{identity.Name ?? "unknown"}"
            : "anonymous";
}
