using System.Net.Http.Json;
using System.Text.Json;

namespace CallVault.Web.Tests.TestSupport;

/// <summary>Reads recordings through the public API, as a user would.</summary>
public static class RecordingJson
{
    public static async Task<JsonElement?> FindByProviderIdAsync(HttpClient api, string recordingSid)
    {
        var page = await api.GetFromJsonAsync<JsonElement>($"/api/recordings?providerRecordingId={recordingSid}");
        var items = page.GetProperty("items");
        return items.GetArrayLength() == 0 ? null : items[0];
    }

    public static string Status(this JsonElement recording) => recording.GetProperty("status").GetString()!;

    public static async Task<JsonElement> WaitForStatusAsync(HttpClient api, string recordingSid, TimeSpan timeout, params string[] statuses)
    {
        var found = await Eventually.WaitAsync(
            () => FindByProviderIdAsync(api, recordingSid),
            r => r is { } e && statuses.Contains(e.Status()),
            timeout,
            $"recording {recordingSid} to be {string.Join(" or ", statuses)}");
        return found!.Value;
    }
}
