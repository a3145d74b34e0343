using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CallVault.Web.Tests.TestSupport;

/// <summary>
/// Test-only endpoints around <see cref="DashboardSignIn"/> (the real form lives in the dashboard), and a
/// page-like route that needs a viewer, to check what a browser sees.
/// </summary>
public static class SignInEndpoint
{
    public const string SignInPath = "/test/signin";
    public const string SignOutPath = "/test/signout";
    public const string PagePath = "/test/page";

    public static void Map(WebApplication app)
    {
        app.MapPost(SignInPath, async (HttpContext http, DashboardSignIn signIn, string name, string password, CancellationToken ct) =>
        {
            var outcome = await signIn.SignInAsync(http, name, password, ct);
            if (outcome.RetryAfter is { } wait)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return TypedResults.Text(outcome.Status.ToString());
        }).AllowAnonymous().DisableAntiforgery();
        app.MapPost(SignOutPath, async (HttpContext http, DashboardSignIn signIn) =>
        {
            await signIn.SignOutAsync(http);
            return TypedResults.NoContent();
        }).AllowAnonymous().DisableAntiforgery();
        app.MapGet(PagePath, () => TypedResults.Text("page")).RequireAuthorization(Roles.CanView);
    }

    /// <summary>A cookie-keeping client that does not follow redirects (so a test sees them).</summary>
    public static HttpClient Browser(CallVaultTestHost host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = host.BaseUrl,
        };

    public static async Task<string> SignInAsync(HttpClient browser, string name, string password = TestUsers.Password)
    {
        using var response = await browser.PostAsync($"{SignInPath}?name={Uri.EscapeDataString(name)}&password={Uri.EscapeDataString(password)}", null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
