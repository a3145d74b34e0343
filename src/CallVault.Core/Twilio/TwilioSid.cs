namespace CallVault.Core.Twilio;

/// <summary>Twilio SIDs are two letters (the kind) followed by 32 hexadecimal digits.</summary>
public static class TwilioSid
{
    public const string Account = "AC";
    public const string Call = "CA";
    public const string Recording = "RE";

    public static bool IsValid(string? value, string prefix)
    {
        if (value is null || value.Length != 34 || !value.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value.AsSpan(2))
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
