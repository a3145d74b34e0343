using CallVault.Core.Calls;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Search;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Tests.Search;

/// <summary>
/// Search ranks only the newest matching recordings (in the order they first had text), the same on SQLite and PostgreSQL
/// (run with <c>CALLVAULT_TEST_DATABASE=postgres</c> for the second): older matches, however good, fall outside the window.
/// </summary>
public sealed class CallTextSearchTests
{
    private static readonly SearchWindow NewestThree = new(RankedRecordings: 3);

    [Fact]
    public async Task SearchAsync_MoreMatchesThanTheWindow_RanksOnlyTheNewest()
    {
        await using var t = await TestServices.StartAsync();
        var strong = await AddCallAsync(t, "CA-old-strong", "refund refund refund please");
        var weak = await AddCallAsync(t, "CA-old-weak", "a refund and a card and a bill");
        var newest = new List<Guid>();
        foreach (var sid in new[] { "CA-new-1", "CA-new-2", "CA-new-3" })
        {
            newest.Add(await AddCallAsync(t, sid, "my refund was late and the fee was wrong"));
        }

        var everything = await SearchAsync(t, SearchWindow.Default, "refund");
        var windowed = await SearchAsync(t, NewestThree, "refund");

        Assert.Equal(strong, everything[0]);
        Assert.Equal(5, everything.Count);
        Assert.Equal(newest.Order(), windowed.Order());
        Assert.DoesNotContain(weak, windowed);
    }

    [Fact]
    public async Task SearchAsync_TextChangedOrAddedLater_KeepsOrTakesItsPlaceInTheWindow()
    {
        await using var t = await TestServices.StartAsync();
        var corrected = await AddCallAsync(t, "CA-corrected", "the router is broken");
        var transcribedLate = await AddCallAsync(t, "CA-transcribed-late", null);
        var middle = new List<Guid>();
        foreach (var sid in new[] { "CA-middle-1", "CA-middle-2", "CA-middle-3" })
        {
            middle.Add(await AddCallAsync(t, sid, "the router needs a refund"));
        }

        // A corrected transcript keeps its recording's old place; a recording's first text puts it at the newest end.
        await SetTranscriptAsync(t, corrected, "the router is broken and i want a refund");
        await SetTranscriptAsync(t, transcribedLate, "refund the router");

        var hits = await SearchAsync(t, NewestThree, "refund router");

        Assert.Contains(transcribedLate, hits);
        Assert.DoesNotContain(corrected, hits);
        Assert.Equal(3, hits.Count);
        Assert.Equal([corrected], await SearchAsync(t, SearchWindow.Default, "broken refund"));
    }

    [Fact]
    public async Task SearchAsync_TextRemoved_NoLongerMatches()
    {
        await using var t = await TestServices.StartAsync();
        var kept = await AddCallAsync(t, "CA-kept", "a refund for the kettle");
        var removed = await AddCallAsync(t, "CA-removed", "a refund for the kettle");

        await SetTranscriptAsync(t, removed, null);

        Assert.Equal([kept], await SearchAsync(t, SearchWindow.Default, "kettle"));
    }

    private static async Task<List<Guid>> SearchAsync(TestServices t, SearchWindow window, string text)
    {
        ICallTextSearch search = t.Get<IOptions<DatabaseOptions>>().Value.IsPostgres ? new PostgresCallTextSearch(window) : new SqliteCallTextSearch(window);
        var hits = await t.QueryAsync(db => search.SearchAsync(db, SearchTerms.Parse(text), 100, t.Token));
        return [.. hits.Select(h => h.CallId)];
    }

    /// <summary>A call with one recording saying <paramref name="transcript"/>, written on its own so recordings get text in this order.</summary>
    private static async Task<Guid> AddCallAsync(TestServices t, string sid, string? transcript)
    {
        var now = t.Clock.UtcNow;
        var call = new Call
        {
            Id = Guid.NewGuid(), Provider = "twilio", ProviderCallId = sid, Direction = "inbound", From = "+14155550100", To = "+14155550199",
            Status = "completed", StartedAt = now.AddMinutes(-2), EndedAt = now, DurationSeconds = 120, CreatedAt = now, UpdatedAt = now,
        };
        await t.ChangeAsync(db =>
        {
            db.Calls.Add(call);
            db.Recordings.Add(new Recording
            {
                Provider = "twilio", ProviderRecordingId = "RE" + sid[3..], CallId = call.Id, Status = RecordingStatus.Stored,
                TranscriptText = transcript, CreatedAt = now, UpdatedAt = now,
            });
            return Task.CompletedTask;
        });
        return call.Id;
    }

    private static Task SetTranscriptAsync(TestServices t, Guid callId, string? transcript) =>
        t.ChangeAsync(async db => (await db.Recordings.SingleAsync(r => r.CallId == callId, t.Token)).TranscriptText = transcript);
}
