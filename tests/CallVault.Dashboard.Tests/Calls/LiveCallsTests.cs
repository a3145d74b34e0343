using CallVault.Dashboard.Tests.TestSupport;
using CallVault.Simulator;
using Microsoft.Playwright;

namespace CallVault.Dashboard.Tests.Calls;

[Collection(DashboardCollection.Name)]
public sealed class LiveCallsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task CallsPage_RecordingArrives_RowAppearsWithoutReloadAndTurnsGreen_PlayerPlaysAndSeeks()
    {
        var page = await fixture.SignedInPageAsync(DashboardFixture.Admin);
        await Assertions.Expect(page.Locator("#live-indicator")).ToHaveTextAsync("Live");
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        var number = DashboardFixture.UniqueNumber();
        var s = fixture.Scenario;
        var call = s.Simulator.CreateCall(new CallSpec { From = number, DurationSeconds = 9 });
        var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = 8, Channels = 2 });

        using (var response = await s.SendCompletedAsync(recording))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        var row = page.Locator("#calls-body tr").Filter(new() { Has = page.Locator($"a[href='/leads/{Uri.EscapeDataString(number)}']") });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        foreach (var stage in new[] { "download", "validate", "store" })
        {
            await Assertions.Expect(row.Locator($"[data-stage='{stage}']")).ToHaveAttributeAsync("data-status", "completed");
            await Assertions.Expect(row.Locator($"[data-stage='{stage}']")).ToHaveClassAsync("badge ok");
        }

        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded");
        await DashboardFixture.ScreenshotAsync(page, "calls");

        await row.Locator("a.row-link").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/calls/", StringComparison.Ordinal));
        var audio = page.Locator("audio");
        await Assertions.Expect(audio).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("/playback/"));
        await Assertions.Expect(page.Locator("[data-waveform] canvas")).ToHaveCountAsync(2);

        await page.EvaluateAsync("() => document.querySelector('audio').play()");
        await page.WaitForFunctionAsync("() => document.querySelector('audio').currentTime > 0.5");
        var box = (await page.Locator("[data-waveform]").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (box.Width * 0.75f), box.Y + (box.Height / 2));
        await page.WaitForFunctionAsync("() => document.querySelector('audio').currentTime >= 5.5");
        await DashboardFixture.ScreenshotAsync(page, "call-detail");
    }
}
