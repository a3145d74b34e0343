using System.Globalization;

namespace CallVault.Bench.Measurement;

/// <summary>
/// A process's I/O so far, from /proc/&lt;pid&gt;/io: read- and write-class system calls on files and pipes
/// (the kernel does not count socket sends and receives here) and the bytes they moved, whether or not
/// they reached the disk.
/// </summary>
internal sealed record ProcIo(long ReadCalls, long WriteCalls, long BytesRead, long BytesWritten)
{
    public static ProcIo? Read(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/io");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var values = lines.Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => long.Parse(p[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new ProcIo(values["syscr"], values["syscw"], values["rchar"], values["wchar"]);
    }

    public static ProcIo? operator -(ProcIo? after, ProcIo? before) =>
        after is null || before is null
            ? null
            : new ProcIo(after.ReadCalls - before.ReadCalls, after.WriteCalls - before.WriteCalls,
                after.BytesRead - before.BytesRead, after.BytesWritten - before.BytesWritten);
}
