using Microchat.Contracts;

namespace Microchat.Storage;

/// <summary>Persists users, bots and conferences, which share one id space and one alias space.</summary>
public interface IEntityStore
{
    /// <summary>Stores a new entity with a fresh id, or returns null when its alias is taken (case-insensitively); atomic.</summary>
    ValueTask<EntityRecord?> TryCreateAsync(EntityRecord entity, CancellationToken cancellationToken);

    /// <summary>The entity with this id, or null.</summary>
    ValueTask<EntityRecord?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>The entity with this alias, compared case-insensitively, or null.</summary>
    ValueTask<EntityRecord?> FindByAliasAsync(string alias, CancellationToken cancellationToken);

    /// <summary>The entities among these ids that exist, in no particular order.</summary>
    ValueTask<IReadOnlyList<EntityRecord>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>The entities of this type owned by this user.</summary>
    ValueTask<IReadOnlyList<EntityRecord>> ListOwnedAsync(long ownerId, EntityType type, CancellationToken cancellationToken);

    /// <summary>Replaces a stored entity's fields (its alias stays); false when it does not exist.</summary>
    ValueTask<bool> UpdateAsync(EntityRecord entity, CancellationToken cancellationToken);

    /// <summary>Removes an entity and frees its alias; false when it did not exist.</summary>
    ValueTask<bool> DeleteAsync(long id, CancellationToken cancellationToken);
}
