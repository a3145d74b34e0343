namespace CallVault.Web.Webhooks;

/// <summary>A form-encoded Twilio callback whose signature has been checked.</summary>
internal sealed record SignedTwilioForm(string RawBody, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    /// <summary>First value of each field, for parsing (repeated names only matter to the signature).</summary>
    public IReadOnlyDictionary<string, string> FirstValues { get; } = Fields
        .GroupBy(f => f.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
}
