using CallVault.Infrastructure.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Web.Auth;

internal static class AuthServiceCollectionExtensions
{
    public const string CookieName = "callvault.session";

    /// <summary>Bearer API keys and the dashboard cookie; the viewer/admin policies accept either.</summary>
    public static IServiceCollection AddApiAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddAccess();
        services.TryAddSingleton<SignInThrottle>();
        services.TryAddScoped(sp => new DashboardSignIn(
            sp.GetRequiredService<UserAccounts>(),
            sp.GetRequiredService<SignInThrottle>(),
            sp.GetRequiredService<IOptionsMonitor<AuthOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DashboardSignIn>>()));
        services.TryAddSingleton<DashboardCookieEvents>();

        services.AddAuthentication(AuthSchemes.BearerOrCookie)
            .AddPolicyScheme(AuthSchemes.BearerOrCookie, "Bearer API key or dashboard cookie", o =>
                o.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? AuthSchemes.ApiKey
                        : AuthSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.ReturnUrlParameter = "returnUrl";
                o.SlidingExpiration = true;
                o.EventsType = typeof(DashboardCookieEvents);
            });
        services.AddOptions<CookieAuthenticationOptions>(AuthSchemes.Cookie)
            .Configure<IOptions<AuthOptions>, TimeProvider>((o, auth, time) =>
            {
                o.ExpireTimeSpan = TimeSpan.FromMinutes(auth.Value.SessionMinutes);
                o.TimeProvider = time;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.CanView, p => p.RequireRole(Roles.Viewer, Roles.Admin))
            .AddPolicy(Roles.CanAdmin, p => p.RequireRole(Roles.Admin));
        return services;
    }
}
