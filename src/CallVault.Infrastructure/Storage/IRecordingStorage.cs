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

    /// <summary>Size (and, when asked, the SHA-256 of the stored bytes), or null when absent.</summary>
    Task<StoredObject?> StatAsync(string key, bool computeHash, CancellationToken cancellationToken);

    /// <summary>A seekable read stream, or null when absent.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be written (readiness).</summary>
    Task CheckWritableAsync(CancellationToken cancellationToken);
}
