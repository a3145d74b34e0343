using System.Net;
using System.Text.Json;
using CallVault.Simulator.Tests.TestSupport;

namespace CallVault.Simulator.Tests.Api;

public sealed class RecordingListTests
{
    private static readonly DateTimeOffset Day = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListRecordings_PageSize2Over5_FollowsNextPageUriAndSeesEachOnce()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var added = Enumerable.Range(0, 5)
            .Select(i => h.Simulator.AddRecording(new RecordingSpec { CallSid = CallSid(i), StartTime = Day.AddMinutes(i), DurationSeconds = 1 }))
            .ToList();
        var seen = new List<string>();
        string? next = $"{h.AccountPath}/Recordings.json?PageSize=2";
        var pages = 0;

        while (next is not null)
        {
            var page = await h.GetJsonAsync(next);
            pages++;
            Assert.Equal(2, page.GetProperty("page_size").GetInt32());
            seen.AddRange(page.GetProperty("recordings").EnumerateArray().Select(r => r.GetProperty("sid").GetString()!));
            next = page.GetProperty("next_page_uri").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next_page_uri").GetString();
        }

        Assert.Equal(3, pages);
        Assert.Equal(added.OrderByDescending(r => r.StartTime).Select(r => r.Sid), seen);
    }

    [Fact]
    public async Task ListRecordings_FirstPage_HasTwilioPagingFields()
    {
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.AddRecording(new RecordingSpec { CallSid = CallSid(1), StartTime = Day, DurationSeconds = 1 });

        var page = await h.GetJsonAsync($"{h.AccountPath}/Recordings.json");

        Assert.Equal(50, page.GetProperty("page_size").GetInt32());
        Assert.Equal(0, page.GetProperty("page").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next_page_uri").ValueKind);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("previous_page_uri").ValueKind);
        Assert.StartsWith($"{h.AccountPath}/Recordings.json?", page.GetProperty("first_page_uri").GetString(), StringComparison.Ordinal);
        Assert.StartsWith($"{h.AccountPath}/Recordings.json?", page.GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, page.GetProperty("start").GetInt32());
        Assert.Equal(0, page.GetProperty("end").GetInt32());
    }

    [Theory]
    [InlineData("DateCreated%3E=2026-01-11", 2)]
    [InlineData("DateCreated%3C=2026-01-11", 2)]
    [InlineData("DateCreated%3E=2026-01-11&DateCreated%3C=2026-01-11", 1)]
    [InlineData("DateCreated=2026-01-12", 1)]
    [InlineData("DateCreated%3E=2026-01-13", 0)]
    public async Task ListRecordings_DateCreatedFilters_AreInclusiveDays(string query, int expected)
    {
        await using var h = await SimulatorHarness.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            h.Simulator.AddRecording(new RecordingSpec { CallSid = CallSid(i), StartTime = Day.AddDays(i), DurationSeconds = 1 });
        }

        var page = await h.GetJsonAsync($"{h.AccountPath}/Recordings.json?{query}");

        Assert.Equal(expected, page.GetProperty("recordings").GetArrayLength());
    }

    [Fact]
    public async Task ListRecordings_DateFilterWithPaging_NextPageUriKeepsEncodedFilter()
    {
        await using var h = await SimulatorHarness.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            h.Simulator.AddRecording(new RecordingSpec { CallSid = CallSid(i), StartTime = Day.AddHours(i), DurationSeconds = 1 });
        }

        var page = await h.GetJsonAsync($"{h.AccountPath}/Recordings.json?DateCreated%3E=2026-01-10&PageSize=1");
        var next = page.GetProperty("next_page_uri").GetString()!;

        Assert.Contains("DateCreated%3E=2026-01-10", next, StringComparison.Ordinal);
        Assert.Equal(1, (await h.GetJsonAsync(next)).GetProperty("recordings").GetArrayLength());
    }

    [Fact]
    public async Task ListRecordings_CallSidFilter_ReturnsOnlyThatCall()
    {
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.AddRecording(new RecordingSpec { CallSid = CallSid(1), StartTime = Day, DurationSeconds = 1 });
        var wanted = h.Simulator.AddRecording(new RecordingSpec { CallSid = CallSid(2), StartTime = Day, DurationSeconds = 1 });

        var page = await h.GetJsonAsync($"{h.AccountPath}/Recordings.json?CallSid={CallSid(2)}");

        var only = Assert.Single(page.GetProperty("recordings").EnumerateArray());
        Assert.Equal(wanted.Sid, only.GetProperty("sid").GetString());
    }

    [Fact]
    public async Task ListRecordings_DeletedRecording_IsLeftOut()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var deleted = h.Simulator.AddRecording(new RecordingSpec { CallSid = CallSid(1), StartTime = Day, DurationSeconds = 1 });
        h.Simulator.AddRecording(new RecordingSpec { CallSid = CallSid(2), StartTime = Day, DurationSeconds = 1 });
        using var delete = await h.Http.DeleteAsync($"{h.AccountPath}/Recordings/{deleted.Sid}.json", h.Token);

        var page = await h.GetJsonAsync($"{h.AccountPath}/Recordings.json");

        Assert.DoesNotContain(page.GetProperty("recordings").EnumerateArray(), r => r.GetProperty("sid").GetString() == deleted.Sid);
        Assert.Equal(1, page.GetProperty("recordings").GetArrayLength());
    }

    [Fact]
    public async Task ListRecordings_BadDate_Returns400()
    {
        await using var h = await SimulatorHarness.StartAsync();

        using var response = await h.Http.GetAsync($"{h.AccountPath}/Recordings.json?DateCreated%3E=yesterday", h.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string CallSid(int i) => "CA" + i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
}
