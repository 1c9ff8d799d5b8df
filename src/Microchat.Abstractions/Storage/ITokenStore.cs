namespace Microchat.Storage;

/// <summary>Persists bearer tokens by the hash of their secret.</summary>
public interface ITokenStore
{
    /// <summary>Stores a new token and returns it with its id.</summary>
    ValueTask<TokenRecord> CreateAsync(TokenRecord token, CancellationToken cancellationToken);

    /// <summary>The token whose secret has this hash, or null.</summary>
    ValueTask<TokenRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken);

    /// <summary>An owner's tokens, oldest first.</summary>
    ValueTask<IReadOnlyList<TokenRecord>> ListAsync(long ownerId, int offset, int count, CancellationToken cancellationToken);

    /// <summary>Records when a token was last used.</summary>
    ValueTask TouchAsync(long id, DateTimeOffset usedAt, CancellationToken cancellationToken);

    /// <summary>Removes one of an owner's tokens; false when the owner has no token with that id.</summary>
    ValueTask<bool> DeleteAsync(long ownerId, long id, CancellationToken cancellationToken);

    /// <summary>Removes every token of an owner.</summary>
    ValueTask DeleteAllAsync(long ownerId, CancellationToken cancellationToken);
}
