using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CallVault.Bench.Scenarios.Queries;

/// <summary>
/// The requests measured, drawn from the generated data: the newest page and a page deep in the archive
/// (a real cursor), filters by direction, status, a day, a week with direction and status, and a caller;
/// searches for a caller's full name, a surname, a product and a common word; a caller's leads page;
/// single calls picked uniformly.
/// </summary>
internal static class QueryMix
{
    public static IReadOnlyList<QueryKind> Build(CorpusSample sample, int seed, bool search)
    {
        var random = new Random(seed);
        var days = Math.Max(1, (int)(sample.Last - sample.First).TotalDays);
        string Day(int offset) => sample.First.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (Guid Id, DateTime StartedAt) AnyCall() => sample.Calls[random.Next(sample.Calls.Count)];
        // A number from the pool may never have called (the pool's tail): then an empty page is the right answer.
        QueryRequest Caller(string variant, string prefix, string suffix = "")
        {
            var number = sample.Phone(random);
            return new QueryRequest(variant, prefix + Uri.EscapeDataString(number) + suffix, p => p.GetProperty("items").EnumerateArray()
                .All(c => c.GetProperty("from").GetString() == number || c.GetProperty("to").GetString() == number));
        }
        static bool Items(JsonElement page, int atLeast) => page.GetProperty("items").GetArrayLength() >= atLeast;

        List<QueryKind> kinds =
        [
            new("list", "`GET /api/calls?limit=50`: the newest page, and a page at a random depth (a cursor made from a sampled call)", 50, i => (i % 2) switch
            {
                0 => new QueryRequest("newest page", "/api/calls?limit=50", p => Items(p, 50)),
                _ => new QueryRequest("deep page", "/api/calls?limit=50&cursor=" + Cursor(AnyCall()), p => Items(p, 1)),
            }),
            new("filter", "direction; status; one day; a week with direction and status; a caller's number (`phone=`)", 50, i => (i % 5) switch
            {
                0 => new QueryRequest("direction=inbound", "/api/calls?direction=inbound", p => Items(p, 50)),
                1 => new QueryRequest("status=no-answer", "/api/calls?status=no-answer", p => Items(p, 1)),
                2 => new QueryRequest("one day", DayRange(random, days, Day), p => Items(p, 1)),
                3 => new QueryRequest("week + direction + status", WeekRange(random, days, Day) + "&direction=outbound-api&status=completed", p => Items(p, 1)),
                _ => Caller("phone=", "/api/calls?phone="),
            }),
            new("leads", "`GET /api/phones/{number}/calls` for callers drawn by popularity (busy callers more often)", 50,
                _ => Caller("caller", "/api/phones/", "/calls")),
            new("single", "`GET /api/calls/{id}` for calls drawn uniformly", 50, _ =>
            {
                var id = AnyCall().Id;
                return new QueryRequest("by id", $"/api/calls/{id}", c => c.GetProperty("id").GetGuid() == id);
            }),
        ];
        if (search)
        {
            kinds.Insert(2, new QueryKind("search", "`GET /api/calls?q=`: a caller's full name, a surname, a product and place, a common word", 200, i => (i % 4) switch
            {
                0 => new QueryRequest("full name", "/api/calls?q=" + Uri.EscapeDataString(WordModel.CallerName(random.Next(5000))), p => Items(p, 0)),
                1 => new QueryRequest("surname", "/api/calls?q=" + Pick(random, WordModel.FamilyNames), p => Items(p, 1)),
                2 => new QueryRequest("product", "/api/calls?q=" + Uri.EscapeDataString(Pick(random, WordModel.ProductNames)), p => Items(p, 1)),
                _ => new QueryRequest("common word", "/api/calls?q=refund", p => Items(p, 1)),
            }));
        }

        return kinds;
    }

    private static string DayRange(Random random, int days, Func<int, string> day)
    {
        var start = random.Next(days);
        return $"/api/calls?from={day(start)}&to={day(start + 1)}";
    }

    private static string WeekRange(Random random, int days, Func<int, string> day)
    {
        var start = random.Next(Math.Max(1, days - 7));
        return $"/api/calls?from={day(start)}&to={day(start + 7)}";
    }

    private static string Pick(Random random, IReadOnlyList<string> words) => words[random.Next(words.Count)];

    /// <summary>The API's keyset cursor for "after this call" (ticks of its start and its id).</summary>
    private static string Cursor((Guid Id, DateTime StartedAt) call) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{call.StartedAt.Ticks}:{call.Id:N}")));
}
