using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Imports;

/// <summary>Starts and follows imports through the public API, as an admin would.</summary>
internal static class ImportApi
{
    public static string Day(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static (string From, string To) AroundToday() => (Day(DateTimeOffset.UtcNow.AddDays(-1)), Day(DateTimeOffset.UtcNow.AddDays(1)));

    public static async Task<JsonElement> StartAsync(HttpClient api, string from, string to)
    {
        using var response = await api.PostAsJsonAsync("/api/imports", new { provider = "twilio", from, to });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/imports/{body.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        Assert.Equal("running", body.GetProperty("status").GetString());
        return body;
    }

    public static Task<JsonElement> GetAsync(HttpClient api, string id) => api.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");

    public static Task<JsonElement> WaitFinishedAsync(HttpClient api, string id, TimeSpan timeout) =>
        Eventually.WaitAsync(() => GetAsync(api, id), i => i.GetProperty("status").GetString() != "running", timeout, $"import {id} to finish");

    public static async Task<JsonElement> RunAsync(HttpClient api, string from, string to, TimeSpan timeout)
    {
        var started = await StartAsync(api, from, to);
        return await WaitFinishedAsync(api, started.GetProperty("id").GetString()!, timeout);
    }

    public static (int Found, int Imported, int Skipped, int Failed) Counts(JsonElement import) => (
        import.GetProperty("found").GetInt32(),
        import.GetProperty("imported").GetInt32(),
        import.GetProperty("skipped").GetInt32(),
        import.GetProperty("failed").GetInt32());
}
