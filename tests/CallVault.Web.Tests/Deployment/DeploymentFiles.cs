using System.Text;
using System.Text.RegularExpressions;

namespace CallVault.Web.Tests.Deployment;

/// <summary>Reads the files under <c>deploy/</c> into shapes the checks can walk.</summary>
internal static partial class DeploymentFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(RepositoryRoot, relativePath));

    /// <summary>Dockerfile instructions (continuations joined, comments dropped) as (KEYWORD, arguments).</summary>
    public static List<(string Keyword, string Arguments)> DockerInstructions(string text)
    {
        var instructions = new List<(string, string)>();
        var current = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (current.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0))
            {
                continue;
            }

            var continued = line.EndsWith('\\');
            current.Append(continued ? line[..^1] : line).Append(' ');
            if (!continued)
            {
                var joined = current.ToString().Trim();
                var space = joined.IndexOf(' ', StringComparison.Ordinal);
                instructions.Add((joined[..space].ToUpperInvariant(), joined[(space + 1)..].Trim()));
                current.Clear();
            }
        }

        return instructions;
    }

    /// <summary><c>A=b C="d e"</c> → pairs, quotes removed.</summary>
    public static List<KeyValuePair<string, string>> Assignments(string text) =>
        [.. AssignmentPattern().Matches(text).Select(m => new KeyValuePair<string, string>(m.Groups["key"].Value,
            m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["plain"].Value))];

    /// <summary>A systemd unit or an environment file: (section, key, value) in order; quotes around a whole value removed.</summary>
    public static List<(string Section, string Key, string Value)> IniEntries(string text)
    {
        var entries = new List<(string, string, string)>();
        var section = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"not a key=value line: {line}");
            }

            entries.Add((section, line[..equals], line[(equals + 1)..]));
        }

        return entries;
    }

    /// <summary>Systemd <c>Environment=</c> values: <c>"K=V with spaces"</c> or <c>K=V</c>.</summary>
    public static KeyValuePair<string, string> EnvironmentAssignment(string value)
    {
        var unquoted = value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
        var equals = unquoted.IndexOf('=', StringComparison.Ordinal);
        return new(unquoted[..equals], unquoted[(equals + 1)..]);
    }

    /// <summary>Paths of loopback HTTP URLs (health checks) in a text.</summary>
    public static IEnumerable<(int Port, string Path)> LoopbackUrls(string text) =>
        LoopbackUrlPattern().Matches(text).Select(m => (int.Parse(m.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["path"].Value));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CallVault.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CallVault.slnx not found above the test directory.");
    }

    [GeneratedRegex(@"(?<key>[A-Za-z_][A-Za-z0-9_]*)=(""(?<quoted>[^""]*)""|(?<plain>[^\s""]*))")]
    private static partial Regex AssignmentPattern();

    [GeneratedRegex(@"http://127\.0\.0\.1:(?<port>\d+)(?<path>/[A-Za-z0-9/_-]*)")]
    private static partial Regex LoopbackUrlPattern();
}
