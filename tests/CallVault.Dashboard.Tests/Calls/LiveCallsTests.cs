using System.Text.RegularExpressions;
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
        await DashboardFixture.DiagnoseAsync(page, "live-calls", async () =>
        {
            await Assertions.Expect(page.Locator("#live-indicator")).ToHaveTextAsync("Live");
            await page.EvaluateAsync("() => { window.sameDocument = true; }");
            var number = DashboardFixture.UniqueNumber();
            var s = fixture.Scenario;
            var call = s.Simulator.CreateCall(new CallSpec { From = number, DurationSeconds = 9 });
            var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = 8, Channels = 2 });

            using (var response = await s.SendCompletedAsync(recording))
            {
                Assert.True(response.IsSuccessStatusCode, $"the webhook answered {response.StatusCode}");
            }

            var row = CallRow(page, number);
            await Assertions.Expect(row).ToHaveCountAsync(1);
            foreach (var stage in new[] { "download", "validate", "store" })
            {
                await Assertions.Expect(row.Locator($"[data-stage='{stage}']")).ToHaveAttributeAsync("data-status", "completed");
                await Assertions.Expect(row.Locator($"[data-stage='{stage}']")).ToHaveClassAsync("badge ok");
            }

            Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page reloaded");
            await DashboardFixture.ScreenshotAsync(page, "calls");

            await row.Locator("a.row-link").ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/calls/", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("audio")).ToHaveAttributeAsync("src", new Regex("/playback/"));
            await Assertions.Expect(page.Locator("[data-waveform] canvas")).ToHaveCountAsync(2);

            await page.EvaluateAsync("() => document.querySelector('audio').play()");
            await page.WaitForFunctionAsync("() => document.querySelector('audio').currentTime > 0.5");
            var box = (await page.Locator("[data-waveform]").BoundingBoxAsync())!;
            await page.Mouse.ClickAsync(box.X + (box.Width * 0.75f), box.Y + (box.Height / 2));
            await page.WaitForFunctionAsync("() => document.querySelector('audio').currentTime >= 5.5");
            await DashboardFixture.ScreenshotAsync(page, "call-detail");
        });
    }

    [Fact]
    public async Task FailedStage_ShowsRedWithReason_AdminRetryTurnsGreen_ViewerCannotRetry()
    {
        var s = fixture.Scenario;
        var number = DashboardFixture.UniqueNumber();
        var call = s.Simulator.CreateCall(new CallSpec { From = number, DurationSeconds = 5 });
        var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = 4, Channels = 1 });
        string recordingId;
        s.Simulator.Faults.ServerErrorRate = 1;
        try
        {
            using var response = await s.SendCompletedAsync(recording);
            Assert.True(response.IsSuccessStatusCode);
            var failed = await CallVault.Web.Tests.TestSupport.RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(60), "failed");
            recordingId = failed.GetProperty("id").GetString()!;
        }
        finally
        {
            s.Simulator.Faults.ServerErrorRate = 0;
        }

        var viewer = await fixture.SignedInPageAsync(DashboardFixture.Viewer);
        await DashboardFixture.DiagnoseAsync(viewer, "viewer-failed", async () =>
        {
            await viewer.GotoAsync($"/?phone={Uri.EscapeDataString(number)}");
            await CallRow(viewer, number).Locator("a.row-link").ClickAsync();
            var download = viewer.Locator("tr[data-stage='download']");
            await Assertions.Expect(download).ToHaveAttributeAsync("data-status", "failed");
            await Assertions.Expect(viewer.Locator("[data-retry]")).ToHaveCountAsync(0);
            var refused = await viewer.APIRequest.PostAsync($"/api/recordings/{recordingId}/retry");
            Assert.Equal(403, refused.Status);
        });

        var admin = await fixture.SignedInPageAsync(DashboardFixture.Admin);
        await DashboardFixture.DiagnoseAsync(admin, "admin-retry", async () =>
        {
            await admin.GotoAsync($"/?phone={Uri.EscapeDataString(number)}");
            await Assertions.Expect(CallRow(admin, number).Locator("[data-stage='download']")).ToHaveClassAsync("badge bad");
            await CallRow(admin, number).Locator("a.row-link").ClickAsync();
            var download = admin.Locator("tr[data-stage='download']");
            await Assertions.Expect(download.Locator(".badge")).ToHaveClassAsync("badge bad");
            await Assertions.Expect(download.Locator(".reason")).ToContainTextAsync(new Regex("5\\d\\d"));
            await DashboardFixture.ScreenshotAsync(admin, "call-failed");

            await admin.GetByRole(AriaRole.Button, new() { Name = "Retry download" }).ClickAsync();
            await Assertions.Expect(admin.Locator("[role='status'].notice")).ToContainTextAsync("Retrying download");
            await Assertions.Expect(admin.Locator("tr[data-stage='store']")).ToHaveAttributeAsync("data-status", "completed");
            await Assertions.Expect(admin.Locator("tr[data-stage='download'] .badge")).ToHaveClassAsync("badge ok");
            await Assertions.Expect(admin.Locator("audio")).ToHaveAttributeAsync("src", new Regex("/playback/"));
        });
    }

    private static ILocator CallRow(IPage page, string number) =>
        page.Locator("#calls-body tr").Filter(new() { Has = page.Locator($"a[href='/leads/{Uri.EscapeDataString(number)}']") });
}
