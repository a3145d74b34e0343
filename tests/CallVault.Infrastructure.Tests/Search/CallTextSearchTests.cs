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

    [Fact]
    public async Task SearchAsync_EquallyGoodMatches_NewerFirst()
    {
        await using var t = await TestServices.StartAsync();
        var calls = new List<Guid>();
        foreach (var sid in new[] { "CA-first", "CA-second", "CA-third" })
        {
            calls.Add(await AddCallAsync(t, sid, "the kettle stopped working"));
        }

        Assert.Equal([calls[2], calls[1], calls[0]], await SearchAsync(t, SearchWindow.Default, "kettle"));
    }

    [Fact]
    public async Task SearchAsync_SeveralWords_EveryWordMustOccurAndTheCallSayingThemMostComesFirst()
    {
        await using var t = await TestServices.StartAsync();
        var best = await AddCallAsync(t, "CA-best", "the espresso machine leaks, the espresso machine descaling light is on and the machine is hot");
        await AddCallAsync(t, "CA-no-descaling", "the espresso machine leaks and the machine is hot");
        var once = await AddCallAsync(t, "CA-once", "i have a question about my bill, my card and the descaling of an espresso machine i bought last year from you");
        await AddCallAsync(t, "CA-unrelated", "my router keeps dropping in the evening");

        // Quotes are words, not a phrase operator: the same calls, in the same order.
        Assert.Equal([best, once], await SearchAsync(t, SearchWindow.Default, "espresso machine descaling"));
        Assert.Equal([best, once], await SearchAsync(t, SearchWindow.Default, "\"espresso machine\" descaling"));
    }

    [Fact]
    public async Task SearchAsync_FewMatchesAmongManyRecordings_FindsTheNewestOfThemWhereverTheyAre()
    {
        await using var t = await TestServices.StartAsync();
        var matching = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            // The matches sit far apart, at the oldest end and in the middle: the newest rows alone do not hold them.
            var id = await AddCallAsync(t, $"CA-{i:D2}", i is 0 or 1 or 17 or 21 ? "a refund for the thermostat" : "my router keeps dropping");
            if (i is 0 or 1 or 17 or 21)
            {
                matching.Add(id);
            }
        }

        Assert.Equal([matching[3], matching[2], matching[1]], await SearchAsync(t, NewestThree, "thermostat"));
        Assert.Equal(matching.AsEnumerable().Reverse(), await SearchAsync(t, SearchWindow.Default, "thermostat refund"));
        Assert.Empty(await SearchAsync(t, SearchWindow.Default, "elephant"));
    }

    [Fact]
    public async Task SearchAsync_FewerHitsAsked_AnswersTheBeginningOfTheLongerAnswer()
    {
        await using var t = await TestServices.StartAsync();
        for (var i = 0; i < 12; i++)
        {
            await AddCallAsync(t, $"CA-{i:D2}", string.Join(' ', Enumerable.Repeat("refund", 1 + (i % 4))) + " for the kettle " + new string('x', i % 3 + 1));
        }

        var all = await SearchAsync(t, SearchWindow.Default, "refund kettle");
        var first = await SearchAsync(t, SearchWindow.Default, "refund kettle", limit: 5);

        Assert.Equal(12, all.Count);
        Assert.Equal(all.Take(5), first);
    }

    [Theory]
    [InlineData("\"refund")]
    [InlineData("refund OR kettle NOT -fee*")]
    [InlineData("NEAR(refund kettle) {Transcript}: ^refund")]
    [InlineData("'; DROP TABLE \"Calls\"; --")]
    [InlineData("refund's kettle's l'eau")]
    public async Task SearchAsync_OperatorsAndQuotes_AreWordsAndNeverAnError(string text)
    {
        await using var t = await TestServices.StartAsync();
        var call = await AddCallAsync(t, "CA-1", "refund the kettle now or never, fee drop table calls near transcript l'eau");

        var terms = SearchTerms.Parse(text);
        var hits = await SearchAsync(t, SearchWindow.Default, text);

        Assert.NotEmpty(terms);
        Assert.True(hits.Count <= 1);
        Assert.Equal(terms.All(w => "refund the kettle now or never fee drop table calls near transcript l'eau".Split(' ').Contains(w)), hits.Contains(call));
    }

    private static async Task<List<Guid>> SearchAsync(TestServices t, SearchWindow window, string text, int limit = 100)
    {
        ICallTextSearch search = t.Get<IOptions<DatabaseOptions>>().Value.IsPostgres ? new PostgresCallTextSearch(window) : new SqliteCallTextSearch(window);
        var hits = await t.QueryAsync(db => search.SearchAsync(db, SearchTerms.Parse(text), limit, t.Token));
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
