using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Storage;

/// <summary>Scratch files for downloads in flight, named by recording id, cleaned when stale.</summary>
public sealed class TempFiles(IOptions<StorageOptions> options, TimeProvider time)
{
    private readonly string _root = Path.GetFullPath(options.Value.TempPath);

    public string PathFor(Guid recordingId, string suffix)
    {
        Directory.CreateDirectory(_root);
        return Path.Combine(_root, $"{recordingId:N}.{suffix}");
    }

    /// <summary>Removes files nobody has written to for <paramref name="olderThan"/> (left by a killed process).</summary>
    public int DeleteStale(TimeSpan olderThan)
    {
        if (!Directory.Exists(_root))
        {
            return 0;
        }

        var cutoff = time.GetUtcNow().UtcDateTime - olderThan;
        var deleted = 0;
        foreach (var file in new DirectoryInfo(_root).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < cutoff)
            {
                file.Delete();
                deleted++;
            }
        }

        return deleted;
    }
}
