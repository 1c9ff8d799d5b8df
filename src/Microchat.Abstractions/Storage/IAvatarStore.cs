namespace Microchat.Storage;

/// <summary>Persists entities' avatars; the newest is the current one.</summary>
public interface IAvatarStore
{
    /// <summary>Stores a new avatar and returns it with its id.</summary>
    ValueTask<AvatarRecord> AddAsync(AvatarRecord avatar, CancellationToken cancellationToken);

    /// <summary>An entity's avatars, newest first.</summary>
    ValueTask<IReadOnlyList<AvatarRecord>> ListAsync(long entityId, int offset, int count, CancellationToken cancellationToken);

    /// <summary>One of an entity's avatars, or null.</summary>
    ValueTask<AvatarRecord?> GetAsync(long entityId, long id, CancellationToken cancellationToken);

    /// <summary>The current (newest) avatar of each of these entities that has one.</summary>
    ValueTask<IReadOnlyDictionary<long, AvatarRecord>> GetCurrentAsync(IReadOnlyCollection<long> entityIds, CancellationToken cancellationToken);

    /// <summary>Removes one of an entity's avatars; false when it did not exist.</summary>
    ValueTask<bool> DeleteAsync(long entityId, long id, CancellationToken cancellationToken);

    /// <summary>Removes every avatar of an entity.</summary>
    ValueTask DeleteAllAsync(long entityId, CancellationToken cancellationToken);
}
