using System.Globalization;
using System.Runtime.InteropServices;

namespace CallVault.Bench.Measurement;

/// <summary>What the numbers were measured on.</summary>
internal sealed record MachineInfo(int Cores, string Cpu, long RamBytes, string Os, string DotNet, DateTimeOffset Date, string LoadAtStart, string LoadAtEnd)
{
    public static MachineInfo Collect(string loadAtStart) => new(
        Environment.ProcessorCount,
        CpuModel(),
        ReadRamBytes(),
        OsName(),
        RuntimeInformation.FrameworkDescription,
        DateTimeOffset.UtcNow,
        loadAtStart,
        LoadAverage());

    /// <summary>The 1, 5 and 15 minute load averages: above the core count, other work was competing for the CPU.</summary>
    public static string LoadAverage() =>
        ReadLines("/proc/loadavg").FirstOrDefault() is { } line ? string.Join(" / ", line.Split(' ').Take(3)) : "unknown";

    /// <summary>Whether the 1-minute load average was above the number of cores at the start or the end.</summary>
    public bool Shared => new[] { LoadAtStart, LoadAtEnd }.Any(l =>
        double.TryParse(l.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) && load > Cores);

    private static string CpuModel() =>
        ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static long ReadRamBytes()
    {
        var line = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static string OsName()
    {
        var pretty = ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
        var name = pretty is null ? RuntimeInformation.OSDescription : pretty["PRETTY_NAME=".Length..].Trim('"');
        return $"{name}, kernel {Environment.OSVersion.Version}, {RuntimeInformation.OSArchitecture}";
    }

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
