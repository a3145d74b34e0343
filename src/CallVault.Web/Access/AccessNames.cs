using System.Text.RegularExpressions;

namespace CallVault.Web.Access;

/// <summary>Key and user names: short, printable, safe in a URL path and a log line.</summary>
public static partial class AccessNames
{
    public const string Rule = "a name is 1 to 100 letters, digits, '.', '_', '-' or '@', starting with a letter or digit";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
