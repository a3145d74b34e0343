namespace CallVault.Infrastructure.Storage;

/// <summary>Where recording audio lives. Keys are built by <see cref="StorageKeys"/>, never from request text.</summary>
public interface IRecordingStorage
{
    string Name { get; }

    /// <summary>
    /// Writes the object so that it appears whole or not at all, then re-reads it and returns the
    /// size and SHA-256 of what storage now holds.
    /// </summary>
    Task<StoredObject> PutAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the file at <paramref name="path"/> under <paramref name="key"/> as <see cref="PutAsync"/> does. The
    /// file is the caller's scratch copy and the store may take it (disk moves it into place rather than copying
    /// hours of audio), so the caller must not use it afterwards; deleting it is still safe.
    /// </summary>
    async Task<StoredObject> PutFileAsync(string key, string path, CancellationToken cancellationToken)
    {
        await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 128 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await PutAsync(key, source, cancellationToken);
    }

    /// <summary>Size (and, when asked, the SHA-256 of the stored bytes), or null when absent.</summary>
    Task<StoredObject?> StatAsync(string key, bool computeHash, CancellationToken cancellationToken);

    /// <summary>A seekable read stream, or null when absent.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Every stored object whose key starts with <paramref name="prefix"/> (a prefix
    /// <see cref="StorageKeys.IsWellFormedPrefix"/> accepts, e.g. <see cref="StorageKeys.Root"/>),
    /// with its size and no hash, in ordinal key order. Only keys <see cref="StorageKeys"/> could have made are listed.
    /// </summary>
    Task<IReadOnlyList<StoredObject>> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// A URL that reads the object without credentials until <paramref name="expiresAt"/> (S3: a
    /// presigned GET), or null when the store has no such URLs (disk: the web layer signs its own route).
    /// </summary>
    Task<Uri?> GetReadUrlAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be written (readiness).</summary>
    Task CheckWritableAsync(CancellationToken cancellationToken);
}
