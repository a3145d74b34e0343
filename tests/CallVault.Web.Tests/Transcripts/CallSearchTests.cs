using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Web.Tests.TestSupport;
using CallVault.Web.Tests.Uploads;

namespace CallVault.Web.Tests.Transcripts;

/// <summary><c>GET /api/calls?q=</c>: full-text search over transcripts and summaries, ranked, with the other filters.</summary>
public sealed class CallSearchTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;
    private CallVaultTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync();
        // What the engine "hears" depends on the call: each test call has its own length.
        _server.Transcribe = wav => (int)Math.Round(wav.DurationSeconds) switch
        {
            2 => [(0.1, 1.9, "I need a refund, the charge on my card is a double charge.")],
            3 => [(0.1, 2.9, "The delivery charge was higher than quoted.")],
            _ => [(0.1, 3.9, "Can I change the delivery address for my order?")],
        };
        _host = await UploadHost.StartAsync(new Dictionary<string, string?>(EngineFailureTests.Settings(_server))
        {
            ["CallVault:Summary:Engine"] = "extractive",
        });
        foreach (var (name, seconds) in new[] { ("refund", 2), ("fee", 3), ("address", 4) })
        {
            var id = await TranscriptApi.UploadAsync(_host, name, PcmWav.Create(8000, EngineFailureTests.Tone(seconds)), agentChannel: "1");
            Assert.Equal("completed", (await TranscriptApi.WaitForTextStagesAsync(_host, id)).StageStatus("summarize"));
        }
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Search_WordSaidOnOneCall_FindsOnlyThatCall()
    {
        Assert.Equal(["CA-refund"], await TranscriptApi.SearchAsync(_host, "q=refund"));
        Assert.Equal(["CA-address"], await TranscriptApi.SearchAsync(_host, "q=ADDRESS"));
        Assert.Empty(await TranscriptApi.SearchAsync(_host, "q=elephant"));
    }

    [Fact]
    public async Task Search_WordOnSeveralCalls_RanksTheCallSayingItMostFirst()
    {
        Assert.Equal(["CA-refund", "CA-fee"], await TranscriptApi.SearchAsync(_host, "q=charge"));
        Assert.Equal(["CA-address", "CA-fee"], (await TranscriptApi.SearchAsync(_host, "q=delivery")).Order());
    }

    [Fact]
    public async Task Search_WithOtherFilters_OnlyKeepsCallsMatchingBoth()
    {
        Assert.Empty(await TranscriptApi.SearchAsync(_host, "q=charge&direction=outbound"));
        Assert.Empty(await TranscriptApi.SearchAsync(_host, "q=charge&from=2030-01-01"));
        Assert.Equal(["CA-refund", "CA-fee"], await TranscriptApi.SearchAsync(_host, "q=charge&direction=inbound&phone=%2B14155550100"));
    }

    [Fact]
    public async Task Search_PagedWithLimit_WalksEveryMatchOnceInRankOrder()
    {
        var first = await _host.Api.GetFromJsonAsync<JsonElement>("/api/calls?q=charge&limit=1");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await _host.Api.GetFromJsonAsync<JsonElement>($"/api/calls?q=charge&limit=1&cursor={cursor}");

        Assert.Equal("CA-refund", first.GetProperty("items")[0].GetProperty("providerCallId").GetString());
        Assert.Equal("CA-fee", second.GetProperty("items")[0].GetProperty("providerCallId").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Search_OperatorsAndQuotesInTheText_AreWordsNotSyntax()
    {
        // Every word must occur; FTS5 syntax (quotes, prefix stars, column filters, OR) is plain text.
        Assert.Equal(["CA-refund"], await TranscriptApi.SearchAsync(_host, "q=%22refund%22%20card*"));
        Assert.Equal(["CA-refund"], await TranscriptApi.SearchAsync(_host, "q=card:refund"));
        Assert.Empty(await TranscriptApi.SearchAsync(_host, "q=refund%20OR%20delivery"));
        Assert.Empty(await TranscriptApi.SearchAsync(_host, "q=NEAR(refund%20delivery)"));
    }

    [Theory]
    [InlineData("/api/calls?q=refund")]
    [InlineData("/api/calls?phone=%2B14155550100")]
    [InlineData("/api/phones/%2B14155550100/calls")]
    public async Task ListItems_ShowStagesButNotTheText_WhichTheCallDetailHas(string list)
    {
        var item = (await _host.Api.GetFromJsonAsync<JsonElement>(list)).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("providerCallId").GetString() == "CA-refund");
        var listed = Assert.Single(item.GetProperty("recordings").EnumerateArray());
        Assert.Equal("stored", listed.GetProperty("status").GetString());
        Assert.Equal("completed", listed.GetProperty("stages").GetProperty("transcribe").GetProperty("status").GetString());
        Assert.True(listed.GetProperty("hasTranscript").GetBoolean());
        Assert.True(listed.GetProperty("hasSummary").GetBoolean());
        Assert.False(listed.TryGetProperty("transcript", out _));
        Assert.False(listed.TryGetProperty("summary", out _));
        Assert.DoesNotContain("double", listed.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var detail = await _host.Api.GetFromJsonAsync<JsonElement>($"/api/calls/{item.GetProperty("id").GetString()}");
        var full = Assert.Single(detail.GetProperty("recordings").EnumerateArray());
        Assert.Equal(listed.GetProperty("id").GetString(), full.GetProperty("id").GetString());
        Assert.Contains("refund", full.GetProperty("transcript").GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrEmpty(full.GetProperty("summary").GetProperty("text").GetString()));
    }

    [Theory]
    [InlineData("q=%20%2A%2A%20", HttpStatusCode.BadRequest)]
    [InlineData("q=charge&cursor=not-a-cursor", HttpStatusCode.BadRequest)]
    public async Task Search_BadInput_AnswersProblemDetails(string query, HttpStatusCode status)
    {
        using var response = await _host.Api.GetAsync($"/api/calls?{query}");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Search_CursorBeyondEveryMatch_AnswersAnEmptyLastPage()
    {
        var cursor = System.Buffers.Text.Base64Url.EncodeToString("search:2147483647"u8);

        var page = await _host.Api.GetFromJsonAsync<JsonElement>($"/api/calls?q=charge&cursor={cursor}");

        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Search_LongestText_AnswersLikeItsDistinctWords()
    {
        // Up to 500 characters each: a word repeated is searched once; more words than a search keeps (sixteen) are no error.
        var words = string.Join(' ', ["refund", "charge", .. Enumerable.Range(0, 200).Select(i => "card")]);
        var nothing = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"w{i}"));

        Assert.Equal(["CA-refund"], await TranscriptApi.SearchAsync(_host, "q=" + Uri.EscapeDataString(words[..words.LastIndexOf(' ', 500)])));
        Assert.Empty(await TranscriptApi.SearchAsync(_host, "q=" + Uri.EscapeDataString(nothing[..nothing.LastIndexOf(' ', 500)])));
    }

    [Fact]
    public async Task Search_TooLong_Answers400()
    {
        using var response = await _host.Api.GetAsync($"/api/calls?q={new string('a', 600)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Search_WithoutKey_Answers401()
    {
        using var response = await _host.Anonymous.GetAsync("/api/calls?q=refund");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
