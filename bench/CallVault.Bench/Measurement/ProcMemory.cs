using System.Globalization;

namespace CallVault.Bench.Measurement;

/// <summary>Resident set size (<c>VmRSS</c>) and its high-water mark (<c>VmHWM</c>) of a process, from /proc, in bytes.</summary>
internal readonly record struct ProcMemory(long RssBytes, long HwmBytes)
{
    public static ProcMemory? Read(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        long rss = -1, hwm = -1;
        foreach (var line in lines)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line);
            }
        }

        return rss < 0 || hwm < 0 ? null : new ProcMemory(rss * 1024, hwm * 1024);
    }

    private static long Kilobytes(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture);
    }
}
