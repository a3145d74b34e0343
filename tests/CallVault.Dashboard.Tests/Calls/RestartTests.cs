using CallVault.Dashboard.Tests.TestSupport;
using CallVault.Simulator;
using CallVault.Web.Auth;
using CallVault.Web.Tests.TestSupport;
using Microsoft.Playwright;

namespace CallVault.Dashboard.Tests.Calls;

/// <summary>The open calls page across a server restart (same address, same database), on a server of the test's own.</summary>
[Collection(DashboardCollection.Name)]
public sealed class RestartTests(DashboardFixture fixture)
{
    [Fact]
    public async Task CallsPage_ServerRestarts_ShowsReconnecting_ThenCatchesUpOnMissedEvents_AndStaysLive()
    {
        await using var s = await Scenario.StartAsync();
        await s.Host.CreateUserAsync(DashboardFixture.Admin, Roles.Admin);
        var page = await fixture.SignedInPageAsync(DashboardFixture.Admin, server: s.Host.BaseUrl);
        await DashboardFixture.DiagnoseAsync(page, "restart", async () =>
        {
            var indicator = page.Locator("#live-indicator");
            await Assertions.Expect(indicator).ToHaveTextAsync("Live");
            await page.EvaluateAsync("() => { window.sameDocument = true; }");

            // While the page cannot get its event stream back, whatever happens is missed by it.
            await page.RouteAsync("**/api/events", route => route.AbortAsync());
            await s.RestartHostAsync();
            await Assertions.Expect(indicator).ToHaveTextAsync("Reconnecting…");
            await DashboardFixture.ScreenshotAsync(page, "calls-reconnecting");

            var missed = await SendAsync(s);
            await RecordingJson.WaitForStatusAsync(s.Host.Api, missed.Recording, TimeSpan.FromSeconds(60), "stored");
            await Assertions.Expect(CallRow(page, missed.Number)).ToHaveCountAsync(0);

            // The stream comes back: the page catches up with what it missed, then keeps following.
            await page.UnrouteAsync("**/api/events");
            await Assertions.Expect(indicator).ToHaveTextAsync("Live");
            await Assertions.Expect(CallRow(page, missed.Number).Locator("[data-stage='store']")).ToHaveAttributeAsync("data-status", "completed");

            var after = await SendAsync(s);
            await Assertions.Expect(CallRow(page, after.Number).Locator("[data-stage='store']")).ToHaveAttributeAsync("data-status", "completed");
            Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page reloaded");
            await DashboardFixture.ScreenshotAsync(page, "calls-after-restart");
        });
    }

    private static async Task<(string Number, string Recording)> SendAsync(Scenario s)
    {
        var number = DashboardFixture.UniqueNumber();
        var call = s.Simulator.CreateCall(new CallSpec { From = number, DurationSeconds = 3 });
        var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = 2, Channels = 1 });
        using var response = await s.SendCompletedAsync(recording);
        Assert.True(response.IsSuccessStatusCode, $"the webhook answered {response.StatusCode}");
        return (number, recording.Sid);
    }

    private static ILocator CallRow(IPage page, string number) =>
        page.Locator("#calls-body tr").Filter(new() { Has = page.Locator($"a[href='/leads/{Uri.EscapeDataString(number)}']") });
}
