using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Core.Calls;
using CallVault.Core.Recordings;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Transcripts;

/// <summary>
/// <c>GET /api/calls?q=&amp;direction=</c> when the best matches are mostly filtered out: the search is asked again
/// for more, so every match that passes the filters is paged, once each, however far down the ranking it sits.
/// </summary>
public sealed class CallSearchFilterTests : IAsyncLifetime
{
    private CallVaultTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CallVaultTestHost.StartAsync(simulator: null);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Search_FilterKeepsOnlyLowerRankedMatches_PagesEveryKeptMatchOnce()
    {
        // The outbound calls say it three times and rank first: the first ask (one page plus one) keeps none.
        for (var i = 0; i < 9; i++)
        {
            await AddCallAsync($"CA-out-{i}", "outbound", "refund refund refund, the refund was late");
        }

        var inbound = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            inbound.Add(await AddCallAsync($"CA-in-{i}", "inbound", "a question about a refund and the delivery of my order"));
        }

        var first = await _host.Api.GetFromJsonAsync<JsonElement>("/api/calls?q=refund&direction=inbound&limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await _host.Api.GetFromJsonAsync<JsonElement>($"/api/calls?q=refund&direction=inbound&limit=2&cursor={cursor}");

        var paged = Sids(first).Concat(Sids(second)).ToList();
        Assert.Equal(2, Sids(first).Count);
        Assert.Equal(inbound.Order(), paged.Order());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal(9, (await _host.Api.GetFromJsonAsync<JsonElement>("/api/calls?q=refund&direction=outbound&limit=50")).GetProperty("items").GetArrayLength());
    }

    private static List<string> Sids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("providerCallId").GetString()!)];

    private async Task<string> AddCallAsync(string sid, string direction, string transcript)
    {
        var now = DateTime.UtcNow;
        await _host.QueryAsync(async db =>
        {
            var call = new Call
            {
                Id = Guid.NewGuid(), Provider = "twilio", ProviderCallId = sid, Direction = direction, From = "+14155550100", To = "+14155550199",
                Status = "completed", StartedAt = now.AddMinutes(-2), EndedAt = now, DurationSeconds = 120, CreatedAt = now, UpdatedAt = now,
            };
            db.Calls.Add(call);
            db.Recordings.Add(new Recording
            {
                Provider = "twilio", ProviderRecordingId = "RE" + sid[3..], CallId = call.Id, Status = RecordingStatus.Stored,
                TranscriptText = transcript, CreatedAt = now, UpdatedAt = now,
            });
            return await db.SaveChangesAsync();
        });
        return sid;
    }
}
