using System.Net;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Auth;

public sealed class DashboardSignInTests
{
    private static Task<CallVaultTestHost> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? time = null) =>
        CallVaultTestHost.StartAsync(simulator: null, settings, time: time, mapExtra: SignInEndpoint.Map);

    [Fact]
    public async Task SignIn_RightPassword_CookieOpensPagesAndApi()
    {
        await using var host = await StartAsync();
        await host.CreateUserAsync("alice", "viewer");
        using var browser = SignInEndpoint.Browser(host);

        var outcome = await SignInEndpoint.SignInAsync(browser, "alice");
        using var page = await browser.GetAsync(SignInEndpoint.PagePath);
        using var api = await browser.GetAsync("/api/calls");
        using var admin = await browser.PostAsync("/api/reconciliations", null);

        Assert.Equal("Succeeded", outcome);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
    }

    [Fact]
    public async Task Anonymous_PageRedirectsToSignIn_ApiAnswers401WithoutRedirect()
    {
        await using var host = await StartAsync();
        using var browser = SignInEndpoint.Browser(host);

        using var page = await browser.GetAsync(SignInEndpoint.PagePath + "?x=1");
        using var api = await browser.GetAsync("/api/calls");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin", page.Headers.Location!.AbsolutePath);
        Assert.Contains("returnUrl=" + Uri.EscapeDataString(SignInEndpoint.PagePath + "?x=1"), page.Headers.Location.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Null(api.Headers.Location);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownUser_IsInvalidAndGrantsNothing()
    {
        await using var host = await StartAsync();
        await host.CreateUserAsync("bob", "admin");
        using var browser = SignInEndpoint.Browser(host);

        var wrong = await SignInEndpoint.SignInAsync(browser, "bob", "not the password at all");
        var unknown = await SignInEndpoint.SignInAsync(browser, "nobody", TestUsers.Password);
        using var api = await browser.GetAsync("/api/calls");

        Assert.Equal("InvalidCredentials", wrong);
        Assert.Equal("InvalidCredentials", unknown);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task SignIn_AfterRepeatedFailures_LocksEvenTheRightPasswordOut()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["CallVault:Auth:MaxFailedSignIns"] = "3" });
        await host.CreateUserAsync("carol", "viewer");
        using var browser = SignInEndpoint.Browser(host);

        var outcomes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add(await SignInEndpoint.SignInAsync(browser, "carol", "wrong password " + i));
        }

        using var rightButLocked = await browser.PostAsync($"{SignInEndpoint.SignInPath}?name=carol&password={Uri.EscapeDataString(TestUsers.Password)}", null);

        Assert.Equal(["InvalidCredentials", "InvalidCredentials", "LockedOut"], outcomes);
        Assert.Equal("LockedOut", await rightButLocked.Content.ReadAsStringAsync());
        Assert.InRange(int.Parse(rightButLocked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 60, 15 * 60);
        using var api = await browser.GetAsync("/api/calls");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task SignIn_TooManyAttemptsFromOneAddress_IsThrottled()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["CallVault:RateLimits:SignInPerMinute"] = "4" });
        using var browser = SignInEndpoint.Browser(host);

        var outcomes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            outcomes.Add(await SignInEndpoint.SignInAsync(browser, "user" + i, "whatever password"));
        }

        Assert.Equal(Enumerable.Repeat("InvalidCredentials", 4).Append("LockedOut"), outcomes);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var host = await StartAsync();
        await host.CreateUserAsync("dave", "viewer");
        using var browser = SignInEndpoint.Browser(host);
        await SignInEndpoint.SignInAsync(browser, "dave");
        using var before = await browser.GetAsync("/api/calls");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var signOut = await browser.PostAsync(SignInEndpoint.SignOutPath, null);
        using var api = await browser.GetAsync("/api/calls");

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Session_IdleLongerThanItsLifetime_Expires()
    {
        var time = new ShiftableTimeProvider();
        await using var host = await StartAsync(new Dictionary<string, string?> { ["CallVault:Auth:SessionMinutes"] = "30" }, time);
        await host.CreateUserAsync("erin", "viewer");
        using var browser = SignInEndpoint.Browser(host);
        await SignInEndpoint.SignInAsync(browser, "erin");

        using var fresh = await browser.GetAsync("/api/calls");
        time.Advance(TimeSpan.FromMinutes(31));
        using var expired = await browser.GetAsync("/api/calls");

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task Cookie_ForgedOrFromAnotherServer_IsRefused()
    {
        await using var host = await StartAsync();
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/calls") { Headers = { { "Cookie", "callvault.session=CfDJ8AAAAAAAAAAAAAAAAAAAAAAA" } } };

        using var response = await host.Anonymous.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
