using System.Globalization;

namespace CallVault.Bench.Measurement;

/// <summary>CPU time (user + system) a process has used so far, from /proc/&lt;pid&gt;/stat.</summary>
internal static class ProcCpu
{
    /// <summary>Clock ticks per second for /proc; 100 on every mainstream Linux build.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // The command name is in parentheses and may contain spaces: split after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var user = long.Parse(fields[11], NumberStyles.Integer, CultureInfo.InvariantCulture);
        var system = long.Parse(fields[12], NumberStyles.Integer, CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((user + system) / TicksPerSecond);
    }
}
