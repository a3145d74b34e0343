using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CallVault.Simulator.Api;

/// <summary>
/// The query of <c>GET Recordings.json</c>. Note the literal <c>&gt;</c>/<c>&lt;</c> in the parameter names
/// (<c>DateCreated%3E=2026-01-01</c>); both bounds are inclusive, as at Twilio.
/// </summary>
internal sealed record RecordingListQuery(
    DateOnly? CreatedOn,
    DateOnly? CreatedOnOrAfter,
    DateOnly? CreatedOnOrBefore,
    string? CallSid,
    int PageSize,
    int Page,
    string? PageToken)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public static RecordingListQuery? TryParse(IQueryCollection query, out string error)
    {
        error = string.Empty;
        if (!TryDate(query, "DateCreated", out var on, ref error)
            || !TryDate(query, "DateCreated>", out var after, ref error)
            || !TryDate(query, "DateCreated<", out var before, ref error))
        {
            return null;
        }

        var pageSize = DefaultPageSize;
        if (query.TryGetValue("PageSize", out var sizeText)
            && (!int.TryParse(sizeText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1))
        {
            error = "PageSize must be a whole number from 1 to 1000";
            return null;
        }

        var page = 0;
        if (query.TryGetValue("Page", out var pageText)
            && !int.TryParse(pageText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out page))
        {
            error = "Page must be a non-negative whole number";
            return null;
        }

        var callSid = query.TryGetValue("CallSid", out var sid) ? sid.ToString() : null;
        var token = query.TryGetValue("PageToken", out var tokenText) ? tokenText.ToString() : null;
        return new RecordingListQuery(on, after, before, callSid, Math.Min(pageSize, MaxPageSize), page, token);
    }

    public bool Matches(SimulatedRecording recording)
    {
        var created = DateOnly.FromDateTime(recording.StartTime.UtcDateTime);
        return (CreatedOn is null || created == CreatedOn)
            && (CreatedOnOrAfter is null || created >= CreatedOnOrAfter)
            && (CreatedOnOrBefore is null || created <= CreatedOnOrBefore)
            && (CallSid is null || string.Equals(recording.CallSid, CallSid, StringComparison.Ordinal));
    }

    /// <summary>The filter parameters, escaped, in a fixed order, for the <c>*_uri</c> fields.</summary>
    public IEnumerable<KeyValuePair<string, string>> FilterParameters()
    {
        if (CreatedOn is { } on)
        {
            yield return new("DateCreated", Format(on));
        }

        if (CreatedOnOrBefore is { } before)
        {
            yield return new("DateCreated<", Format(before));
        }

        if (CreatedOnOrAfter is { } after)
        {
            yield return new("DateCreated>", Format(after));
        }

        if (CallSid is not null)
        {
            yield return new("CallSid", CallSid);
        }
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryDate(IQueryCollection query, string name, out DateOnly? value, ref string error)
    {
        value = null;
        if (!query.TryGetValue(name, out var text))
        {
            return true;
        }

        var raw = text.ToString();
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = date;
            return true;
        }

        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            value = DateOnly.FromDateTime(moment.UtcDateTime);
            return true;
        }

        error = $"{name} must be a date (YYYY-MM-DD)";
        return false;
    }
}
