using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Playback;

/// <summary>The whole path on an S3-compatible store: stored, verified, played and seeked through both URL kinds.</summary>
public sealed class S3PlaybackTests
{
    private static async Task<Dictionary<string, string?>> S3SettingsAsync(string mode)
    {
        var settings = S3TestServer.HostSettings((await S3TestServer.GetAsync()).NewBucketOptions());
        settings["CallVault:Playback:Mode"] = mode;
        return settings;
    }

    [Theory]
    [InlineData("signed-route")]
    [InlineData("presigned")]
    public async Task S3Store_RecordingStoredAndPlayable_WithRanges(string mode)
    {
        await using var s = await Scenario.StartAsync(await S3SettingsAsync(mode));
        var recording = s.NewRecording(seconds: 3, channels: 2);
        using var _ = await s.SendCompletedAsync(recording);
        var stored = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "stored");
        var id = stored.GetProperty("id").GetString();
        var expected = await recording.ComputeSha256Async(CancellationToken.None);

        var viaApi = await s.Host.Api.GetByteArrayAsync($"/api/recordings/{id}/audio");
        var url = (await s.Host.Api.GetFromJsonAsync<JsonElement>($"/api/recordings/{id}/playback")).GetProperty("url").GetString()!;
        using var plain = new HttpClient();
        var viaUrl = await plain.GetByteArrayAsync(url);
        using var seek = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(1000, 1999) } };
        using var partial = await plain.SendAsync(seek);

        Assert.Equal(expected, stored.GetProperty("sha256").GetString());
        Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(viaApi)));
        Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(viaUrl)));
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(viaApi[1000..2000], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal(mode == "presigned", !url.StartsWith(s.Host.BaseUrl.AbsoluteUri, StringComparison.Ordinal));
    }
}
