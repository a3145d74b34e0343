using CallVault.Dashboard.Tests.TestSupport;
using CallVault.Simulator;
using Microsoft.Playwright;

namespace CallVault.Dashboard.Tests.Operations;

[Collection(DashboardCollection.Name)]
public sealed class OperationsPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task OperationsPage_ShowsHealthAndBothChartsDrawnOnTheServer()
    {
        var s = fixture.Scenario;
        var call = s.Simulator.CreateCall(new CallSpec { From = DashboardFixture.UniqueNumber(), DurationSeconds = 3 });
        var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = 2, Channels = 1 });
        using (var response = await s.SendCompletedAsync(recording))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        await CallVault.Web.Tests.TestSupport.RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(60), "stored");
        var page = await fixture.SignedInPageAsync(DashboardFixture.Viewer);
        await DashboardFixture.DiagnoseAsync(page, "operations", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Operations" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Operations", Level = 1 })).ToBeVisibleAsync();
            foreach (var metric in new[] { "pending", "running", "failing", "dead", "missing-recordings" })
            {
                await Assertions.Expect(page.Locator($"[data-metric='{metric}']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\d+$"));
            }

            // Today's bar holds at least the recording stored above, in the stored colour.
            await Assertions.Expect(page.Locator("#chart-daily svg rect.s-stored").Last).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#chart-missing svg rect.total").First).ToBeVisibleAsync();
            await DashboardFixture.ScreenshotAsync(page, "operations");
        });
    }

    [Fact]
    public async Task CallsPage_OnAPhoneScreen_FitsWithoutSideways()
    {
        var page = await fixture.SignedInPageAsync(DashboardFixture.Viewer, width: 390, height: 844);
        await DashboardFixture.DiagnoseAsync(page, "phone", async () =>
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Calls", Level = 1 })).ToBeVisibleAsync();
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, "the calls page scrolls sideways on a 390 px wide screen");
            await DashboardFixture.ScreenshotAsync(page, "calls-phone");
        });
    }
}
