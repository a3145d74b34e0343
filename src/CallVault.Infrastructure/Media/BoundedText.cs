using System.Text;

namespace CallVault.Infrastructure.Media;

/// <summary>Reads a process's output to its end, keeping only the first characters so a chatty tool cannot fill memory.</summary>
internal static class BoundedText
{
    /// <summary>Drains <paramref name="reader"/> (so the process never blocks on a full pipe) and returns at most <paramref name="maxChars"/>.</summary>
    public static async Task<string> ReadToEndAsync(StreamReader reader, int maxChars)
    {
        var kept = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory())) > 0)
        {
            var room = maxChars - kept.Length;
            if (room > 0)
            {
                kept.Append(buffer, 0, Math.Min(room, read));
            }
        }

        return kept.ToString();
    }
}
