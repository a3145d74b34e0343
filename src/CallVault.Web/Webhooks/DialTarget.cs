using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace CallVault.Web.Webhooks;

/// <summary>Who <c>&lt;Dial&gt;</c> connects: the TwiML noun (<c>Client</c>, <c>Sip</c>, <c>Number</c>) and its text.</summary>
internal sealed partial record DialTarget(string Noun, string Value)
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out DialTarget? target)
    {
        target = null;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (value.StartsWith("client:", StringComparison.OrdinalIgnoreCase))
        {
            var identity = value["client:".Length..];
            target = ClientIdentity().IsMatch(identity) ? new DialTarget("Client", identity) : null;
        }
        else if (value.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            target = SipUri().IsMatch(value) ? new DialTarget("Sip", value) : null;
        }
        else if (E164().IsMatch(value))
        {
            target = new DialTarget("Number", value);
        }

        return target is not null;
    }

    [GeneratedRegex("^[A-Za-z0-9_.\\-]{1,121}\\z")]
    private static partial Regex ClientIdentity();

    [GeneratedRegex("^sips?:[^\\s@<>\"]+@[A-Za-z0-9.\\-\\[\\]:]+(;[^\\s<>\"]*)?\\z", RegexOptions.IgnoreCase)]
    private static partial Regex SipUri();

    [GeneratedRegex("^\\+[1-9][0-9]{6,14}\\z")]
    private static partial Regex E164();
}
