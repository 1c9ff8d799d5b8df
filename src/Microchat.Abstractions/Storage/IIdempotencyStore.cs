namespace Microchat.Storage;

/// <summary>Persists first responses to POSTs sent with an Idempotency-Key.</summary>
public interface IIdempotencyStore
{
    /// <summary>The stored response for this key, or null.</summary>
    ValueTask<IdempotencyRecord?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores a response; a key stored already keeps its first response.</summary>
    ValueTask SaveAsync(IdempotencyRecord record, CancellationToken cancellationToken);

    /// <summary>Stores a response over any stored for its key (the exact bytes sent, after the unit of work recorded its result).</summary>
    ValueTask ReplaceAsync(IdempotencyRecord record, CancellationToken cancellationToken);

    /// <summary>Removes responses stored before this time.</summary>
    ValueTask PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
