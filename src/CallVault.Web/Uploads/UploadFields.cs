using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using CallVault.Core.Phones;
using CallVault.Infrastructure.Uploads;

namespace CallVault.Web.Uploads;

/// <summary>Checks the text fields of <c>POST /api/recordings</c> and turns them into <see cref="UploadMetadata"/>.</summary>
internal static partial class UploadFields
{
    public static bool TryParse(IReadOnlyDictionary<string, string> fields, [NotNullWhen(true)] out UploadMetadata? metadata, [NotNullWhen(false)] out string? error)
    {
        metadata = null;
        error = null;
        var provider = Get(fields, "provider");
        var recordingId = Get(fields, "providerRecordingId");
        var callId = Get(fields, "providerCallId");
        var direction = Get(fields, "direction");
        var startedText = Get(fields, "startedAt");
        var from = PhoneNumber.Normalize(Get(fields, "from"));
        var to = PhoneNumber.Normalize(Get(fields, "to"));
        var agentText = Get(fields, "agentChannel");
        DateTimeOffset started = default;
        error = true switch
        {
            _ when provider is null || !ProviderPattern().IsMatch(provider) => "provider is required: 1 to 32 of a-z, 0-9 and '-'.",
            _ when !IsPrintableId(recordingId) => "providerRecordingId is required: 1 to 128 printable characters without spaces.",
            _ when !IsPrintableId(callId) => "providerCallId is required: 1 to 128 printable characters without spaces.",
            _ when from is null || from.Length > 64 => "from is required: a phone number (E.164 preferred) or a client:/sip: address.",
            _ when to is null || to.Length > 64 => "to is required: a phone number (E.164 preferred) or a client:/sip: address.",
            _ when direction is null || !DirectionPattern().IsMatch(direction) => "direction is required, e.g. inbound or outbound-api.",
            _ when startedText is null || !DateTimeOffset.TryParse(startedText, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out started) => "startedAt is required: an ISO 8601 date and time.",
            _ when agentText is not (null or "1" or "2") => "agentChannel, when given, is 1 or 2.",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        metadata = new UploadMetadata(provider!, recordingId!, callId!, from!, to!, direction!, started.UtcDateTime,
            agentText is null ? null : int.Parse(agentText, CultureInfo.InvariantCulture));
        return true;
    }

    private static string? Get(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool IsPrintableId([NotNullWhen(true)] string? value) =>
        value is { Length: >= 1 and <= 128 } && value.All(c => c is > ' ' and <= '~');

    [GeneratedRegex("^[a-z0-9-]{1,32}\\z")]
    private static partial Regex ProviderPattern();

    [GeneratedRegex("^[a-z][a-z-]{0,31}\\z")]
    private static partial Regex DirectionPattern();
}
