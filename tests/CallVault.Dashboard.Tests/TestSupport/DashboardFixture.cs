using CallVault.Web.Auth;
using CallVault.Web.Tests.TestSupport;
using Microsoft.Playwright;

namespace CallVault.Dashboard.Tests.TestSupport;

/// <summary>
/// One real CallVault server (with the Twilio simulator) and one headless Chromium, shared by every
/// browser test: starting them is the slow part. Tests sign in through the real form.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Admin = "ada";
    public const string Viewer = "vic";

    private IPlaywright? _playwright;

    public Scenario Scenario { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl => Scenario.Host.BaseUrl;

    /// <summary>Screenshots land in the test output, e.g. <c>bin/Release/net10.0/TestResults/screenshots</c>.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Scenario = await Scenario.StartAsync(new Dictionary<string, string?>
        {
            // A failing stage gives up quickly, so the failure test does not wait on backoff.
            ["CallVault:Jobs:MaxAttempts"] = "2",
        });
        await Scenario.Host.CreateUserAsync(Admin, Roles.Admin);
        await Scenario.Host.CreateUserAsync(Viewer, Roles.Viewer);
        _playwright = await Playwright.CreateAsync();
        // The pipeline runs beside the other test assemblies on two cores: expectations about live
        // updates wait as long as actions do, not Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(30_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--autoplay-policy=no-user-gesture-required",
            ],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>
    /// A fresh browser context signed in as <paramref name="user"/> through the sign-in page, on the calls page;
    /// of the shared server, or of a test's own one at <paramref name="server"/>.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string user, int width = 1280, int height = 900, Uri? server = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (server ?? BaseUrl).ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        // Script errors and failed requests end up in the failure message (see Diagnose).
        page.Console += (_, message) => { if (message.Type is "error" or "warning") { Log(page, $"console {message.Type}: {message.Text}"); } };
        page.PageError += (_, error) => Log(page, $"page error: {error}");
        page.RequestFailed += (_, request) => Log(page, $"request failed: {request.Method} {request.Url} {request.Failure}");
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => url.Contains("/signin", StringComparison.Ordinal));
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Runs a browser step; on failure, adds what the page logged and saves a screenshot of it.</summary>
    public static async Task DiagnoseAsync(IPage page, string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await ScreenshotAsync(page, "failed-" + name);
            throw new InvalidOperationException($"{ex.Message}\nat {page.Url}\nbrowser log:\n{string.Join("\n", LogOf(page))}", ex);
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Logs = [];

    private static List<string> LogOf(IPage page) => Logs.GetOrCreateValue(page);

    private static void Log(IPage page, string line)
    {
        var log = LogOf(page);
        lock (log)
        {
            log.Add(line);
        }
    }

    /// <summary>A number no other test uses, so each test finds its own rows on the shared server.</summary>
    public static string UniqueNumber() => "+1415" + Random.Shared.Next(2_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Scenario is not null)
        {
            await Scenario.DisposeAsync();
        }
    }
}
