using System.Text.RegularExpressions;
using CallVault.Dashboard.Tests.TestSupport;
using Microsoft.Playwright;

namespace CallVault.Dashboard.Tests.Search;

/// <summary>
/// The calls page and the call page with a call whose words come from its audio (see <see cref="SpokenCallFixture"/>):
/// search by a word that was said, the recording-state filter, and getting around with the keyboard alone.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SpokenCallTests(DashboardFixture fixture, SpokenCallFixture spoken) : IClassFixture<SpokenCallFixture>
{
    [Fact]
    public async Task SearchBox_WordSaidOnTheCall_ListsIt_WordNeverSaid_ListsNothingAndSaysWhatToDo()
    {
        var page = await SignedInAsync();
        await DashboardFixture.DiagnoseAsync(page, "search", async () =>
        {
            // Said by the customer (channel 1), then a word only the agent said (channel 2).
            foreach (var word in new[] { "gym", "deposit" })
            {
                await page.GetByLabel("Said").FillAsync(word);
                await page.GetByLabel("Said").PressAsync("Enter");
                await page.WaitForURLAsync(new Regex($"[?&]q={word}"));
                await Assertions.Expect(page.Locator("#calls-body tr")).ToHaveCountAsync(1);
                await Assertions.Expect(SpokenRow(page)).ToHaveCountAsync(1);
            }

            await DashboardFixture.ScreenshotAsync(page, "search-found");

            await page.GetByLabel("Said").FillAsync("elephant");
            await page.GetByLabel("Said").PressAsync("Enter");
            await page.WaitForURLAsync(new Regex("[?&]q=elephant"));
            await Assertions.Expect(page.Locator("#calls-body tr")).ToHaveCountAsync(0);
            var empty = page.Locator("#calls-empty");
            await Assertions.Expect(empty).ToBeVisibleAsync();
            await Assertions.Expect(empty).ToContainTextAsync("No call says “elephant”");
            await Assertions.Expect(empty).ToContainTextAsync("try another word");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Clear" })).ToBeVisibleAsync();
            await DashboardFixture.ScreenshotAsync(page, "search-empty");
        });
    }

    [Fact]
    public async Task RecordingFilter_StoredListsTheCall_NoRecordingListsNothing()
    {
        var page = await SignedInAsync();
        await DashboardFixture.DiagnoseAsync(page, "recording-filter", async () =>
        {
            var filter = page.GetByLabel("Recording");
            await filter.SelectOptionAsync(new SelectOptionValue { Label = "stored" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("[?&]recording=stored"));
            await Assertions.Expect(SpokenRow(page)).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByLabel("Recording")).ToHaveValueAsync("stored");

            foreach (var label in new[] { "no recording", "failed", "in progress" })
            {
                await page.GetByLabel("Recording").SelectOptionAsync(new SelectOptionValue { Label = label });
                await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
                await page.WaitForURLAsync(new Regex("[?&]recording=(none|failed|processing)"));
                await Assertions.Expect(page.Locator("#calls-body tr")).ToHaveCountAsync(0);
                await Assertions.Expect(page.Locator("#calls-empty")).ToContainTextAsync("clear a filter");
            }
        });
    }

    [Fact]
    public async Task Keyboard_FromSearchBoxToFirstCall_ThenPlayAndTranscriptTimestamp_WithVisibleFocus()
    {
        var page = await SignedInAsync();
        await DashboardFixture.DiagnoseAsync(page, "keyboard", async () =>
        {
            await page.GetByLabel("Said").FocusAsync();
            await TabUntilAsync(page, "document.activeElement.matches('#calls-body tr:first-child a.row-link')", "the first call's link");
            await AssertFocusVisibleAsync(page);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => url.Contains($"/calls/{spoken.CallId}", StringComparison.Ordinal));

            // The player's own controls (play first), reached and started from the keyboard.
            await Assertions.Expect(page.Locator("audio")).ToHaveAttributeAsync("src", new Regex("/playback/"));
            await TabUntilAsync(page, "document.activeElement?.tagName === 'AUDIO'", "the player's play control");
            await page.Keyboard.PressAsync("Space");
            await page.WaitForFunctionAsync("() => !document.querySelector('audio').paused && document.querySelector('audio').currentTime > 0.2");

            // The second line's timestamp: Enter plays from there.
            await page.Keyboard.PressAsync("Space");
            await TabUntilAsync(page, "document.activeElement === document.querySelectorAll('button.timestamp')[1]", "the second transcript timestamp");
            await AssertFocusVisibleAsync(page);
            var start = double.Parse(await page.Locator("button.timestamp").Nth(1).GetAttributeAsync("data-seek") ?? "", System.Globalization.CultureInfo.InvariantCulture);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForFunctionAsync($"() => {{ const a = document.querySelector('audio'); return !a.paused && a.currentTime >= {start.ToString(System.Globalization.CultureInfo.InvariantCulture)} - 0.05; }}");
            await DashboardFixture.ScreenshotAsync(page, "keyboard-call");
        });
    }

    private async Task<IPage> SignedInAsync() => await fixture.SignedInPageAsync(DashboardFixture.Viewer, server: spoken.Scenario.Host.BaseUrl);

    private ILocator SpokenRow(IPage page) =>
        page.Locator("#calls-body tr").Filter(new() { Has = page.Locator($"a[href='/leads/{Uri.EscapeDataString(spoken.Number)}']") });

    /// <summary>Presses Tab until <paramref name="condition"/> holds; fails after as many presses as the page has focusable things.</summary>
    private static async Task TabUntilAsync(IPage page, string condition, string what)
    {
        var limit = await page.EvaluateAsync<int>("() => document.querySelectorAll('a[href], button, input, select, textarea, audio[controls], [tabindex]').length * 4 + 10");
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => {condition}"))
            {
                return;
            }
        }

        var at = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        throw new InvalidOperationException($"Tab never reached {what}; focus ended on {at}");
    }

    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.True(!outline.StartsWith("none", StringComparison.Ordinal) && !outline.EndsWith(" 0px", StringComparison.Ordinal), $"the focused element shows no focus ring ({outline})");
    }
}
