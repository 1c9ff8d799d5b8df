namespace Microchat.Storage;

/// <summary>Persists media metadata.</summary>
public interface IMediaStore
{
    /// <summary>Stores a new media record.</summary>
    ValueTask CreateAsync(MediaRecord media, CancellationToken cancellationToken);

    /// <summary>The media with this id, or null.</summary>
    ValueTask<MediaRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The media among these ids that exist.</summary>
    ValueTask<IReadOnlyList<MediaRecord>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}
