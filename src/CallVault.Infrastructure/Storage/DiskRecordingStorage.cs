using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Storage;

/// <summary>
/// Local disk: each object is written (or a scratch file moved) to <c>key.partial</c>, flushed to the device,
/// then renamed over the final name, so a reader never sees half a file. The partial name is fixed per key, so
/// a retry after a crash overwrites what the crash left behind.
/// </summary>
internal sealed class DiskRecordingStorage(IOptions<StorageOptions> options) : IRecordingStorage
{
    private const int BufferSize = 128 * 1024;
    private readonly string _root = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(options.Value.Path));

    public string Name => "disk";

    public Task<StoredObject> PutAsync(string key, Stream content, CancellationToken cancellationToken) =>
        PlaceAsync(key, async partial =>
        {
            await using var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            await content.CopyToAsync(file, BufferSize, cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }, cancellationToken);

    public Task<StoredObject> PutFileAsync(string key, string path, CancellationToken cancellationToken) =>
        PlaceAsync(key, partial =>
        {
            // With the temp folder on the same file system (the default: data/tmp beside data/recordings) this
            // is a rename, no copy; across file systems it copies. Either way the final name is only ever given
            // by the rename in PlaceAsync, after the bytes are on the device.
            File.Move(path, partial, overwrite: true);
            using var file = new FileStream(partial, FileMode.Open, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            file.Flush(flushToDisk: true);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Has <paramref name="writePartial"/> put the whole object, on the device, at the key's <c>.partial</c> name, then
    /// renames it over the key and re-reads it for its size and hash; a failure leaves no partial behind.
    /// </summary>
    private async Task<StoredObject> PlaceAsync(string key, Func<string, Task> writePartial, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        try
        {
            await writePartial(partial);
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }

        return await StatAsync(key, computeHash: true, cancellationToken)
            ?? throw new IOException($"Object {key} vanished right after it was written.");
    }

    public async Task<StoredObject?> StatAsync(string key, bool computeHash, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var hash = computeHash ? Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken)) : null;
        return new StoredObject(key, file.Length, hash);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        TryDelete(PathFor(key));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredObject>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!StorageKeys.IsWellFormedPrefix(prefix))
        {
            throw new ArgumentException("Not a CallVault storage key prefix.", nameof(prefix));
        }

        var folder = System.IO.Path.Combine(_root, prefix);
        if (!Directory.Exists(folder))
        {
            return Task.FromResult<IReadOnlyList<StoredObject>>([]);
        }

        var objects = new List<StoredObject>();
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = System.IO.Path.GetRelativePath(_root, file.FullName).Replace(System.IO.Path.DirectorySeparatorChar, '/');
            if (StorageKeys.IsWellFormed(key))
            {
                objects.Add(new StoredObject(key, file.Length, null));
            }
        }

        objects.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return Task.FromResult<IReadOnlyList<StoredObject>>(objects);
    }

    /// <summary>Disk has no URL of its own: the web layer signs a route to <c>/audio</c> instead.</summary>
    public Task<Uri?> GetReadUrlAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        _ = PathFor(key);
        return Task.FromResult<Uri?>(null);
    }

    public async Task CheckWritableAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        var probe = System.IO.Path.Combine(_root, ".readyz-probe");
        await File.WriteAllTextAsync(probe, "ok", cancellationToken);
        File.Delete(probe);
    }

    private string PathFor(string key)
    {
        if (!StorageKeys.IsWellFormed(key))
        {
            throw new ArgumentException("Not a CallVault storage key.", nameof(key));
        }

        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(_root, key));
        return path.StartsWith(_root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException("Storage key escapes the storage root.", nameof(key));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the next attempt, which overwrites the same partial name.
        }
    }
}
