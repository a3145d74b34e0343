using System.Globalization;

namespace CallVault.Core.Twilio;

/// <summary>Shared parsing rules for Twilio's form-encoded callbacks.</summary>
internal static class TwilioFormFields
{
    private const int MaxFieldLength = 256;

    public static bool TryGetSid(IReadOnlyDictionary<string, string> form, string name, string prefix, out string? sid, out string? error)
    {
        sid = form.GetValueOrDefault(name);
        if (string.IsNullOrEmpty(sid))
        {
            error = $"{name} is missing";
            return false;
        }

        if (!TwilioSid.IsValid(sid, prefix))
        {
            error = $"{name} is not a valid {prefix} SID";
            return false;
        }

        error = null;
        return true;
    }

    public static bool TryGetInt(IReadOnlyDictionary<string, string> form, string name, out int? value, out string? error)
    {
        value = null;
        error = null;
        var text = form.GetValueOrDefault(name);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0)
        {
            value = parsed;
            return true;
        }

        error = $"{name} must be a non-negative whole number";
        return false;
    }

    public static string? Limit(string? value) =>
        value is null ? null : value.Length <= MaxFieldLength ? value : value[..MaxFieldLength];
}
