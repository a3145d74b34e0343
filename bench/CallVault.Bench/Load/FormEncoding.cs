using System.Text;

namespace CallVault.Bench.Load;

/// <summary><c>application/x-www-form-urlencoded</c> exactly as <see cref="System.Net.Http.FormUrlEncodedContent"/> writes it.</summary>
internal static class FormEncoding
{
    public static byte[] Encode(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(Escape(name)).Append('=').Append(Escape(value));
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static string Escape(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
