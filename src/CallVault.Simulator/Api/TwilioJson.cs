using System.Globalization;
using System.Text.Json.Nodes;
using CallVault.Simulator.Internal;

namespace CallVault.Simulator.Api;

/// <summary>Twilio's resource shapes (snake_case, RFC 2822 dates, durations as strings).</summary>
internal static class TwilioJson
{
    public static JsonObject Recording(SimulatedRecording recording, SimulatorState state)
    {
        var inProgress = recording.Status == "in-progress";
        var uri = $"{state.AccountPath}/Recordings/{recording.Sid}";
        return new JsonObject
        {
            ["account_sid"] = recording.AccountSid,
            ["api_version"] = SimulatorState.ApiVersion,
            ["call_sid"] = recording.CallSid,
            ["conference_sid"] = null,
            ["date_created"] = Rfc2822.Format(recording.StartTime),
            ["date_updated"] = Rfc2822.Format(recording.StartTime.AddSeconds(recording.DurationSeconds)),
            ["start_time"] = Rfc2822.Format(recording.StartTime),
            ["duration"] = inProgress ? "-1" : recording.WholeSeconds.ToString(CultureInfo.InvariantCulture),
            ["sid"] = recording.Sid,
            ["price"] = inProgress ? null : "-0.00250",
            ["price_unit"] = "USD",
            ["status"] = recording.Status,
            ["channels"] = recording.Channels,
            ["source"] = recording.Source,
            ["error_code"] = null,
            ["uri"] = uri + ".json",
            ["encryption_details"] = null,
            ["subresource_uris"] = new JsonObject
            {
                ["add_on_results"] = uri + "/AddOnResults.json",
                ["transcriptions"] = uri + "/Transcriptions.json",
            },
            ["media_url"] = recording.MediaUrl.AbsoluteUri,
        };
    }

    public static JsonObject Call(SimulatedLeg leg, SimulatorState state)
    {
        var uri = $"{state.AccountPath}/Calls/{leg.Sid}";
        var end = leg.EndTime;
        return new JsonObject
        {
            ["sid"] = leg.Sid,
            ["date_created"] = Rfc2822.Format(leg.StartTime),
            ["date_updated"] = Rfc2822.Format(end ?? leg.StartTime),
            ["parent_call_sid"] = leg.ParentSid,
            ["account_sid"] = leg.AccountSid,
            ["to"] = leg.To,
            ["to_formatted"] = leg.To,
            ["from"] = leg.From,
            ["from_formatted"] = leg.From,
            ["phone_number_sid"] = null,
            ["status"] = leg.Status,
            ["start_time"] = Rfc2822.Format(leg.StartTime),
            ["end_time"] = end is null ? null : Rfc2822.Format(end.Value),
            ["duration"] = end is null ? null : leg.WholeSeconds.ToString(CultureInfo.InvariantCulture),
            ["price"] = null,
            ["price_unit"] = "USD",
            ["direction"] = leg.Direction,
            ["answered_by"] = null,
            ["api_version"] = SimulatorState.ApiVersion,
            ["forwarded_from"] = null,
            ["caller_name"] = null,
            ["uri"] = uri + ".json",
            ["subresource_uris"] = new JsonObject
            {
                ["recordings"] = uri + "/Recordings.json",
            },
        };
    }
}
