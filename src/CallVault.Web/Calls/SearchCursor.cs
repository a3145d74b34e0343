using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CallVault.Web.Calls;

/// <summary>The position in a relevance-ranked search result (ranks have no keyset): how many calls came before.</summary>
internal static class SearchCursor
{
    private const string Prefix = "search:";

    public static string Encode(int offset) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{offset}")));

    public static bool TryDecode(string? text, out int offset)
    {
        offset = 0;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            return decoded.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(decoded.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
