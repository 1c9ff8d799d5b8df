namespace Microchat.Storage;

/// <summary>
/// Finds users, bots and conferences by the words (<see cref="SearchWords"/>) of their alias and title
/// (a user's name and surname), from an index <see cref="IEntityStore"/> keeps in the same commit as the entity.
/// </summary>
public interface IEntitySearchStore
{
    /// <summary>The entities having, for every one of <paramref name="words"/>, an alias or title word that starts with it.</summary>
    ValueTask<IReadOnlyList<EntityRecord>> SearchAsync(IReadOnlyList<string> words, CancellationToken cancellationToken);
}
