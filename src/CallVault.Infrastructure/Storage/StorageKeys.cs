using System.Globalization;
using System.Text.RegularExpressions;
using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Storage;

/// <summary>Storage keys come from CallVault's own ids and dates only.</summary>
public static partial class StorageKeys
{
    /// <summary>The prefix of every key (and the widest prefix a listing accepts).</summary>
    public const string Root = "recordings/";

    public static string For(Recording recording, string extension) =>
        string.Create(CultureInfo.InvariantCulture,
            $"recordings/{recording.CreatedAt:yyyy}/{recording.CreatedAt:MM}/{recording.CreatedAt:dd}/{recording.Id:N}.{extension}");

    /// <summary>Refuses anything that is not a key this class could have made.</summary>
    public static bool IsWellFormed(string key) => KeyPattern().IsMatch(key);

    /// <summary>
    /// A listing prefix: <c>recordings/</c>, optionally narrowed to a year, month or day
    /// (<c>recordings/2026/03/</c>). Always ends at a folder boundary.
    /// </summary>
    public static bool IsWellFormedPrefix(string prefix) => PrefixPattern().IsMatch(prefix);

    [GeneratedRegex("^recordings/[0-9]{4}/[0-9]{2}/[0-9]{2}/[0-9a-f]{32}\\.[a-z0-9]{2,5}\\z")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^recordings/(?:[0-9]{4}/(?:[0-9]{2}/(?:[0-9]{2}/)?)?)?\\z")]
    private static partial Regex PrefixPattern();
}
