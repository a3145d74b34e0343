using System.Text.Json.Nodes;
using CallVault.Simulator.Internal;
using Microsoft.AspNetCore.Http;

namespace CallVault.Simulator.Api;

/// <summary><c>GET Calls/{CA}.json</c>, <c>GET Calls.json?ParentCallSid=</c>, <c>POST Calls/{CA}/Recordings.json</c>.</summary>
internal static class CallHandlers
{
    public static Task GetAsync(HttpContext context, SimulatorState state)
    {
        state.Stats.CallRequest();
        var name = ResourceName.Parse(context.Request.RouteValues["name"] as string);
        var leg = name.Extension is "json" or "" ? state.FindLeg(name.Sid) : null;
        return leg is null
            ? TwilioResponses.NotFoundAsync(context)
            : TwilioResponses.WriteJsonAsync(context, StatusCodes.Status200OK, TwilioJson.Call(leg, state));
    }

    /// <summary>Filters <c>ParentCallSid</c>, <c>Status</c>, <c>From</c>, <c>To</c>; every match on one page, newest first.</summary>
    public static Task ListAsync(HttpContext context, SimulatorState state)
    {
        state.Stats.CallRequest();
        var query = context.Request.Query;
        var legs = state.Legs
            .Where(l => Matches(query, "ParentCallSid", l.ParentSid) && Matches(query, "Status", l.Status)
                && Matches(query, "From", l.From) && Matches(query, "To", l.To))
            .OrderByDescending(l => l.StartTime)
            .ThenByDescending(l => l.Sid, StringComparer.Ordinal)
            .Select(l => (JsonNode)TwilioJson.Call(l, state))
            .ToArray();
        var uri = $"{state.AccountPath}/Calls.json{context.Request.QueryString}";
        var body = new JsonObject
        {
            ["calls"] = new JsonArray(legs),
            ["first_page_uri"] = uri,
            ["next_page_uri"] = null,
            ["previous_page_uri"] = null,
            ["page"] = 0,
            ["page_size"] = Math.Max(legs.Length, RecordingListQuery.DefaultPageSize),
            ["uri"] = uri,
            ["start"] = 0,
            ["end"] = Math.Max(0, legs.Length - 1),
        };
        return TwilioResponses.WriteJsonAsync(context, StatusCodes.Status200OK, body);
    }

    /// <summary>
    /// Starts recording a live leg (<c>RecordingChannels</c> <c>mono</c>|<c>dual</c>, default mono). A second start
    /// returns the same recording; a leg that is not <c>in-progress</c> answers 400 with code 21220.
    /// </summary>
    public static async Task StartRecordingAsync(HttpContext context, SimulatorState state)
    {
        state.Stats.RecordingStart();
        var leg = state.FindLeg(context.Request.RouteValues["callSid"] as string ?? string.Empty);
        if (leg is null)
        {
            await TwilioResponses.NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        var form = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false)
            : FormCollection.Empty;
        var channelsText = form["RecordingChannels"].ToString();
        int? channels = channelsText switch
        {
            "" or "mono" or "1" => 1,
            "dual" or "2" => 2,
            _ => null,
        };
        if (channels is null)
        {
            await TwilioResponses.BadRequestAsync(context, TwilioResponses.InvalidParameterCode,
                "RecordingChannels must be mono or dual").ConfigureAwait(false);
            return;
        }

        if (!string.Equals(leg.Status, "in-progress", StringComparison.Ordinal))
        {
            await TwilioResponses.BadRequestAsync(context, TwilioResponses.CallNotInProgressCode,
                "Call is not in-progress. Cannot redirect.").ConfigureAwait(false);
            return;
        }

        var callback = form["RecordingStatusCallback"].ToString();
        var events = form["RecordingStatusCallbackEvent"].ToString();
        var (recording, _) = state.StartRecording(leg, channels.Value,
            callback.Length == 0 ? null : callback, events.Length == 0 ? null : events);
        await TwilioResponses.WriteJsonAsync(context, StatusCodes.Status201Created, TwilioJson.Recording(recording, state)).ConfigureAwait(false);
    }

    private static bool Matches(IQueryCollection query, string name, string? value) =>
        !query.TryGetValue(name, out var wanted) || string.Equals(wanted.ToString(), value, StringComparison.Ordinal);
}
