using System.Globalization;

namespace CallVault.Bench;

/// <summary>The command line: a subcommand, then <c>--name value</c> or <c>--name=value</c> options.</summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    private BenchArgs(string command) => Command = command;

    public string Command { get; }

    public static BenchArgs Parse(IReadOnlyList<string> args)
    {
        var parsed = new BenchArgs(args.Count > 0 ? args[0] : "help");
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                parsed._options[arg[2..eq]] = arg[(eq + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                parsed._options[arg[2..]] = args[++i];
            }
            else
            {
                parsed._options[arg[2..]] = "true";
            }
        }

        return parsed;
    }

    public string? String(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public int Int(string name, int fallback) =>
        String(name) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public long Long(string name, long fallback) =>
        String(name) is { } text ? long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        String(name) is { } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;

    public bool Bool(string name, bool fallback) =>
        String(name) is { } text ? bool.Parse(text) : fallback;

    /// <summary>Options given but never read by the command that ran: most likely a typo.</summary>
    public IEnumerable<string> Unused() => _options.Keys.Where(k => !_read.Contains(k));
}
