using System.Security.Claims;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Http;

namespace CallVault.Web.RateLimits;

/// <summary>Which bucket a request draws from: all webhooks share one; API callers each have their own.</summary>
internal static class RequestPartitions
{
    public const string Webhooks = "webhooks";

    public static bool IsWebhook(HttpRequest request) => request.Path.StartsWithSegments("/webhooks");

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/playback");

    /// <summary>The API key's public prefix, the signed-in user, or (anonymous) the client address.</summary>
    public static string ApiCaller(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            return user.FindFirst(ApiKeyClaims.KeyId) is { } key
                ? "key:" + key.Value
                : "user:" + user.FindFirst(ClaimTypes.Name)?.Value;
        }

        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
