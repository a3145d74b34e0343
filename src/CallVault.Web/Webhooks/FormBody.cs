namespace CallVault.Web.Webhooks;

/// <summary>Splits an <c>application/x-www-form-urlencoded</c> body, keeping order and repeated names.</summary>
internal static class FormBody
{
    public static List<KeyValuePair<string, string>> Parse(string body)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? string.Empty : pair[(eq + 1)..];
            fields.Add(new(Decode(name), Decode(value)));
        }

        return fields;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
