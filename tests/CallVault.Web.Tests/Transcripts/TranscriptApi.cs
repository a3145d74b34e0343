using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Web.Tests.TestSupport;
using CallVault.Web.Tests.Uploads;

namespace CallVault.Web.Tests.Transcripts;

/// <summary>Uploads recordings and follows their text stages through the public API, as a user would.</summary>
internal static class TranscriptApi
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Uploads <paramref name="wav"/> as its own call; returns the recording's id once stored.</summary>
    public static async Task<string> UploadAsync(CallVaultTestHost host, string recordingId, byte[] wav, string agentChannel = "2")
    {
        var fields = UploadForm.Fields(recordingId, $"CA-{recordingId}");
        fields["agentChannel"] = agentChannel;
        using var response = await host.Api.PostAsync("/api/recordings", UploadForm.Create(fields, wav));
        response.EnsureSuccessStatusCode();
        var stored = await RecordingJson.WaitForStatusAsync(host.Api, recordingId, Timeout, "stored");
        return stored.GetProperty("id").GetString()!;
    }

    public static JsonElement Stage(this JsonElement recording, string name) => recording.GetProperty("stages").GetProperty(name);

    public static string StageStatus(this JsonElement recording, string name) => recording.Stage(name).GetProperty("status").GetString()!;

    /// <summary>Waits until neither transcribe nor summarize is pending or processing.</summary>
    public static Task<JsonElement> WaitForTextStagesAsync(CallVaultTestHost host, string id) =>
        Eventually.WaitAsync(
            () => host.Api.GetFromJsonAsync<JsonElement>($"/api/recordings/{id}"),
            r => r.StageStatus("transcribe") is not ("pending" or "processing") && r.StageStatus("summarize") is not ("pending" or "processing"),
            Timeout,
            $"the text stages of recording {id} to settle");

    public static async Task<IReadOnlyList<string>> SearchAsync(CallVaultTestHost host, string query)
    {
        var page = await host.Api.GetFromJsonAsync<JsonElement>($"/api/calls?{query}");
        return [.. page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("providerCallId").GetString()!)];
    }
}
