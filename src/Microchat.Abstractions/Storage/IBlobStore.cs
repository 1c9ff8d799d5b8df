namespace Microchat.Storage;

/// <summary>Persists file bytes by their SHA-256, so the same bytes are kept once.</summary>
public interface IBlobStore
{
    /// <summary>Whether bytes with this hash are stored.</summary>
    ValueTask<bool> ExistsAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Stores the bytes read from <paramref name="content"/> under their hash; a no-op when already stored.</summary>
    ValueTask SaveAsync(string sha256, Stream content, CancellationToken cancellationToken);

    /// <summary>A seekable stream of the stored bytes, or null; the caller disposes it.</summary>
    ValueTask<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken);
}
