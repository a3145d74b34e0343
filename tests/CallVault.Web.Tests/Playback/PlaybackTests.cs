using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Playback;

public sealed class PlaybackTests
{
    private static async Task<(Scenario Scenario, string Id, string Sha256)> StoredRecordingAsync(ShiftableTimeProvider? time = null)
    {
        var s = await Scenario.StartAsync(time: time);
        var recording = s.NewRecording(seconds: 3, channels: 1);
        using var _ = await s.SendCompletedAsync(recording);
        var stored = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "stored");
        return (s, stored.GetProperty("id").GetString()!, stored.GetProperty("sha256").GetString()!);
    }

    [Fact]
    public async Task PlaybackUrl_WorksWithoutKeyAndSeeks_UntilItExpires_ThenAFreshOneWorks()
    {
        var clock = new ShiftableTimeProvider();
        var (s, id, sha) = await StoredRecordingAsync(clock);
        await using var _ = s;

        var first = await s.Host.Api.GetFromJsonAsync<JsonElement>($"/api/recordings/{id}/playback");
        var url = first.GetProperty("url").GetString()!;
        var expiresAt = first.GetProperty("expiresAt").GetDateTimeOffset();
        var whole = await s.Host.Anonymous.GetByteArrayAsync(url);
        using var seek = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(44, 1043) } };
        using var partial = await s.Host.Anonymous.SendAsync(seek);

        Assert.InRange(expiresAt - clock.GetUtcNow(), TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(whole)));
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(whole[44..1044], await partial.Content.ReadAsByteArrayAsync());

        clock.Advance(TimeSpan.FromMinutes(61));
        using var expired = await s.Host.Anonymous.GetAsync(url);
        var fresh = await s.Host.Api.GetFromJsonAsync<JsonElement>($"/api/recordings/{id}/playback");
        using var renewed = await s.Host.Anonymous.GetAsync(fresh.GetProperty("url").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
    }

    [Fact]
    public async Task PlaybackUrl_Tampered_Returns403()
    {
        var (s, id, _) = await StoredRecordingAsync();
        await using var __ = s;
        var url = (await s.Host.Api.GetFromJsonAsync<JsonElement>($"/api/recordings/{id}/playback")).GetProperty("url").GetString()!;
        var tampered = url[..^3] + (url[^3] == 'A' ? "B" : "A") + url[^2..];

        using var response = await s.Host.Anonymous.GetAsync(tampered);
        using var garbage = await s.Host.Anonymous.GetAsync("/playback/not-a-token");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, garbage.StatusCode);
    }

    [Fact]
    public async Task Downloads_KeySignedUrlAndRange_EachWriteOneAuditRow()
    {
        var (s, id, _) = await StoredRecordingAsync();
        await using var __ = s;
        await s.Host.Api.GetByteArrayAsync($"/api/recordings/{id}/audio");
        var url = (await s.Host.Api.GetFromJsonAsync<JsonElement>($"/api/recordings/{id}/playback")).GetProperty("url").GetString()!;
        using var ranged = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(0, 99) } };
        ranged.Headers.UserAgent.ParseAdd("AuditTest/1.0");
        using (var response = await s.Host.Anonymous.SendAsync(ranged))
        {
            await response.Content.ReadAsByteArrayAsync();
        }

        var rows = await Eventually.WaitAsync(
            async () => (await s.Host.Api.GetFromJsonAsync<JsonElement>($"/api/recordings/{id}/downloads")).EnumerateArray().ToList(),
            r => r.Count == 2 && r.All(a => a.GetProperty("bytesSent").ValueKind == JsonValueKind.Number),
            TimeSpan.FromSeconds(10),
            "two finished audit rows");
        using var anonymous = await s.Host.Anonymous.GetAsync($"/api/recordings/{id}/downloads");

        var signed = rows[0];
        Assert.Equal("signed-url", signed.GetProperty("via").GetString());
        Assert.Equal("signed-url minted by apikey:bootstrap-admin", signed.GetProperty("actor").GetString());
        Assert.Equal("bytes=0-99", signed.GetProperty("range").GetString());
        Assert.Equal(100, signed.GetProperty("bytesSent").GetInt64());
        Assert.Equal(206, signed.GetProperty("statusCode").GetInt32());
        Assert.Equal("AuditTest/1.0", signed.GetProperty("userAgent").GetString());
        Assert.Equal("127.0.0.1", signed.GetProperty("clientAddress").GetString());
        var keyed = rows[1];
        Assert.Equal("api", keyed.GetProperty("via").GetString());
        Assert.Equal("apikey:bootstrap-admin", keyed.GetProperty("actor").GetString());
        Assert.Equal(3 * 8000 * 2 + 44, keyed.GetProperty("bytesSent").GetInt64());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
