using CallVault.Infrastructure.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Web.Auth;

/// <summary>
/// Pages redirect to <c>/signin</c>; the API, the webhooks and <c>/metrics</c> answer 401/403 and never redirect.
/// Every request re-checks that the user still exists with the same role and stamp, so removing a
/// user or changing their password ends their sessions at once.
/// </summary>
internal sealed class DashboardCookieEvents : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        IsMachineRoute(context.Request) ? Status(context, StatusCodes.Status401Unauthorized) : base.RedirectToLogin(context);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        Status(context, StatusCodes.Status403Forbidden);

    public override Task RedirectToLogout(RedirectContext<CookieAuthenticationOptions> context) =>
        IsMachineRoute(context.Request) ? Status(context, StatusCodes.Status204NoContent) : base.RedirectToLogout(context);

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (!long.TryParse(principal?.FindFirst(DashboardClaims.UserId)?.Value, out var userId))
        {
            await RejectAsync(context);
            return;
        }

        var users = context.HttpContext.RequestServices.GetRequiredService<UserAccounts>();
        var user = await users.FindAsync(userId, context.HttpContext.RequestAborted);
        if (user is null
            || user.SecurityStamp != principal!.FindFirst(DashboardClaims.Stamp)?.Value
            || !principal.IsInRole(user.Role))
        {
            await RejectAsync(context);
        }
    }

    internal static bool IsMachineRoute(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/webhooks") || request.Path.StartsWithSegments("/metrics");

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
