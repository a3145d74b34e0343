using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Api;

public sealed class RecordingApiTests
{
    [Theory]
    [InlineData("/api/recordings")]
    [InlineData("/api/calls")]
    [InlineData("/api/recordings/0195f0a0-0000-7000-8000-000000000000")]
    public async Task Api_WithoutKey_Returns401Problem(string path)
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);

        using var anonymous = await host.Anonymous.GetAsync(path);
        using var wrongKey = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "wrong-key-wrong-key-wrong-key-wrong") } };
        using var wrong = await host.Anonymous.SendAsync(wrongKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetRecording_Stored_ShowsShapeStagesAndMatch()
    {
        await using var s = await Scenario.StartAsync();
        var recording = s.NewRecording(seconds: 4, channels: 2);
        using var _ = await s.SendCompletedAsync(recording);

        var listed = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "stored");
        // Transcribe and summarize run in their own job after storing: wait for them to settle.
        var one = await Transcripts.TranscriptApi.WaitForTextStagesAsync(s.Host, listed.GetProperty("id").GetString()!);

        Assert.Equal("twilio", one.GetProperty("provider").GetString());
        Assert.Equal(recording.CallSid, one.GetProperty("providerCallId").GetString());
        Assert.Equal(2, one.GetProperty("channels").GetInt32());
        Assert.InRange(one.GetProperty("durationSeconds").GetDouble(), 3.99, 4.01);
        Assert.Equal("wav", one.GetProperty("format").GetString());
        Assert.Equal("created", one.GetProperty("match").GetProperty("method").GetString());
        var stages = one.GetProperty("stages");
        Assert.Equal(["download", "validate", "transcode", "store", "transcribe", "summarize", "providerDelete"], stages.EnumerateObject().Select(p => p.Name));
        Assert.Equal("completed", stages.GetProperty("store").GetProperty("status").GetString());
        Assert.Equal("skipped", stages.GetProperty("transcribe").GetProperty("status").GetString());
        Assert.Contains("provider sent no transcript", stages.GetProperty("transcribe").GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("skipped", stages.GetProperty("summarize").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, one.GetProperty("transcript").ValueKind);
        Assert.Equal(JsonValueKind.Null, one.GetProperty("summary").ValueKind);
        Assert.False(string.IsNullOrEmpty(one.GetProperty("callId").GetString()));
    }

    [Fact]
    public async Task GetAudio_WholeAndRange_ReturnsStoredBytes()
    {
        await using var s = await Scenario.StartAsync();
        var recording = s.NewRecording(seconds: 3, channels: 1);
        using var _ = await s.SendCompletedAsync(recording);
        var stored = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "stored");
        var id = stored.GetProperty("id").GetString();

        var whole = await s.Host.Api.GetByteArrayAsync($"/api/recordings/{id}/audio");
        using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/{id}/audio") { Headers = { Range = new RangeHeaderValue(100, 199) } };
        using var partial = await s.Host.Api.SendAsync(rangeRequest);

        Assert.Equal(await recording.ComputeSha256Async(CancellationToken.None), Convert.ToHexStringLower(SHA256.HashData(whole)));
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(whole[100..200], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal("audio/wav", partial.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ListRecordings_Paging_VisitsEveryRecordingOnceNewestFirst()
    {
        await using var s = await Scenario.StartAsync();
        var sids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var recording = s.NewRecording(seconds: 1, channels: 1);
            sids.Add(recording.Sid);
            using var response = await s.Sender.SendRecordingStatusAsync(s.RecordingWebhook, recording, "in-progress", s.Simulator.AccountSid, CancellationToken.None);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await s.Host.Api.GetFromJsonAsync<JsonElement>($"/api/recordings?limit=3{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("providerRecordingId").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(sids), seen);
    }

    [Theory]
    [InlineData("/api/recordings?limit=0")]
    [InlineData("/api/recordings?limit=100000")]
    [InlineData("/api/recordings?cursor=not-a-cursor")]
    [InlineData("/api/recordings?status=exploded")]
    [InlineData("/api/calls?cursor=%%%")]
    public async Task List_BadQuery_Returns400Problem(string path)
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);

        using var response = await host.Api.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/recordings/0195f0a0-0000-7000-8000-000000000000")]
    [InlineData("/api/recordings/0195f0a0-0000-7000-8000-000000000000/audio")]
    [InlineData("/api/calls/0195f0a0-0000-7000-8000-000000000000")]
    public async Task Get_UnknownId_Returns404Problem(string path)
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);

        using var response = await host.Api.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_ReadyWithDatabaseAndStorage()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);

        using var live = await host.Anonymous.GetAsync("/healthz");
        var ready = await host.Anonymous.GetFromJsonAsync<JsonElement>("/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("healthy", ready.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_DocumentListsTheApi()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);

        var document = await host.Anonymous.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/recordings", document, StringComparison.Ordinal);
        Assert.Contains("/api/calls/{id}", document, StringComparison.Ordinal);
    }
}
