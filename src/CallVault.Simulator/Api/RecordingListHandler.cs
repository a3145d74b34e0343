using System.Text.Json.Nodes;
using CallVault.Simulator.Internal;
using Microsoft.AspNetCore.Http;

namespace CallVault.Simulator.Api;

/// <summary>
/// <c>GET Recordings.json</c>: newest first (date_created, then SID, descending), paged. <c>next_page_uri</c> carries a
/// <c>PageToken</c> (<c>PA</c> + the last SID served) so paging stays stable while recordings are added or deleted.
/// </summary>
internal static class RecordingListHandler
{
    private static readonly Comparison<SimulatedRecording> NewestFirst = (a, b) =>
    {
        var byDate = b.StartTime.CompareTo(a.StartTime);
        return byDate != 0 ? byDate : string.CompareOrdinal(b.Sid, a.Sid);
    };

    public static Task ListAsync(HttpContext context, SimulatorState state)
    {
        state.Stats.ListRequest();
        if (state.Faults.RollListError() is { } injected)
        {
            state.Stats.ListErrorInjected();
            return TwilioResponses.InjectedErrorAsync(context, injected, retryAfter: true);
        }

        var query = RecordingListQuery.TryParse(context.Request.Query, out var error);
        if (query is null)
        {
            return TwilioResponses.BadRequestAsync(context, TwilioResponses.InvalidParameterCode, error);
        }

        var matches = state.Recordings.Where(r => !r.IsDeleted && query.Matches(r)).ToList();
        matches.Sort(NewestFirst);
        var from = StartIndex(matches, query, state);
        var page = matches.Skip(from).Take(query.PageSize + 1).ToList();
        var hasNext = page.Count > query.PageSize;
        if (hasNext)
        {
            page.RemoveAt(page.Count - 1);
        }

        var path = $"{state.AccountPath}/Recordings.json";
        var start = (long)query.Page * query.PageSize;
        var items = new JsonArray(page.Select(r => (JsonNode)TwilioJson.Recording(r, state)).ToArray());
        var body = new JsonObject
        {
            ["recordings"] = items,
            ["first_page_uri"] = PageUri(path, query, 0, token: null),
            ["next_page_uri"] = hasNext ? PageUri(path, query, query.Page + 1, "PA" + page[^1].Sid) : null,
            ["previous_page_uri"] = query.Page > 0 ? PageUri(path, query, query.Page - 1, token: null) : null,
            ["page"] = query.Page,
            ["page_size"] = query.PageSize,
            ["uri"] = PageUri(path, query, query.Page, query.PageToken),
            ["start"] = start,
            ["end"] = Math.Max(start, start + page.Count - 1),
        };
        return TwilioResponses.WriteJsonAsync(context, StatusCodes.Status200OK, body);
    }

    /// <summary>After the token's recording when it is known, else <c>Page * PageSize</c>.</summary>
    private static int StartIndex(List<SimulatedRecording> sorted, RecordingListQuery query, SimulatorState state)
    {
        if (query.PageToken is { Length: > 2 } token && token.StartsWith("PA", StringComparison.Ordinal)
            && state.FindAnyRecording(token[2..]) is { } last)
        {
            var index = 0;
            while (index < sorted.Count && NewestFirst(sorted[index], last) <= 0)
            {
                index++;
            }

            return index;
        }

        return (int)Math.Min(int.MaxValue, (long)query.Page * query.PageSize);
    }

    private static string PageUri(string path, RecordingListQuery query, int page, string? token)
    {
        var parameters = query.FilterParameters().ToList();
        parameters.Add(new("PageSize", query.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        parameters.Add(new("Page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (token is not null)
        {
            parameters.Add(new("PageToken", token));
        }

        return path + "?" + string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
    }
}
