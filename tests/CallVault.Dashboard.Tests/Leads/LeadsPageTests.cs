using CallVault.Dashboard.Tests.TestSupport;
using CallVault.Simulator;
using Microsoft.Playwright;

namespace CallVault.Dashboard.Tests.Leads;

[Collection(DashboardCollection.Name)]
public sealed class LeadsPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task LeadsPage_NumberTypedAnyWay_ListsItsCallsInBothDirections()
    {
        var s = fixture.Scenario;
        var number = DashboardFixture.UniqueNumber();
        var inbound = s.Simulator.CreateCall(new CallSpec { From = number, To = "+14155550100", Direction = "inbound" });
        var outbound = s.Simulator.CreateCall(new CallSpec { From = "+14155550100", To = number, Direction = "outbound-api" });
        var other = s.Simulator.CreateCall(new CallSpec { From = DashboardFixture.UniqueNumber(), To = "+14155550100" });
        foreach (var leg in new[] { inbound.Parent, outbound.Parent, other.Parent })
        {
            using var response = await s.Sender.SendCallStatusAsync(s.CallStatusWebhook, leg, "completed", 1, CancellationToken.None);
            Assert.True(response.IsSuccessStatusCode);
        }

        var page = await fixture.SignedInPageAsync(DashboardFixture.Viewer);
        await DashboardFixture.DiagnoseAsync(page, "leads", async () =>
        {
            await page.GotoAsync("/leads");
            // Typed the way people write it: the page finds the number anyway.
            var national = $"({number[2..5]}) {number[5..8]}-{number[8..]}";
            await page.GetByLabel("Phone number").FillAsync(national);
            await page.GetByRole(AriaRole.Button, new() { Name = "Show calls" }).ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/leads/" + Uri.EscapeDataString(number), StringComparison.Ordinal));

            var rows = page.Locator("#calls-body tr");
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await Assertions.Expect(rows.Locator(".direction")).ToHaveTextAsync(["outbound-api", "inbound"], new() { UseInnerText = true });
            await Assertions.Expect(page.Locator("[data-direction-count='inbound']")).ToHaveTextAsync("1 inbound");
            await Assertions.Expect(page.Locator("[data-direction-count='outbound']")).ToHaveTextAsync("1 outbound");
            await DashboardFixture.ScreenshotAsync(page, "leads");
        });
    }
}
