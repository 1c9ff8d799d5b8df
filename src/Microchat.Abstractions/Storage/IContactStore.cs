namespace Microchat.Storage;

/// <summary>Persists users' contact lists.</summary>
public interface IContactStore
{
    /// <summary>Adds a contact; false when the owner already has this user. Atomic.</summary>
    ValueTask<bool> TryAddAsync(ContactRecord contact, CancellationToken cancellationToken);

    /// <summary>One contact of an owner, or null.</summary>
    ValueTask<ContactRecord?> GetAsync(long ownerId, long userId, CancellationToken cancellationToken);

    /// <summary>An owner's contacts ordered by name, then surname (both ignoring case, ordinally), then user id.</summary>
    ValueTask<IReadOnlyList<ContactRecord>> ListAsync(long ownerId, int offset, int count, CancellationToken cancellationToken);

    /// <summary>Replaces a contact's names; false when it does not exist.</summary>
    ValueTask<bool> UpdateAsync(ContactRecord contact, CancellationToken cancellationToken);

    /// <summary>Removes a contact; false when it did not exist.</summary>
    ValueTask<bool> DeleteAsync(long ownerId, long userId, CancellationToken cancellationToken);

    /// <summary>Removes every contact a user holds and every contact naming them.</summary>
    ValueTask DeleteUserAsync(long userId, CancellationToken cancellationToken);
}
