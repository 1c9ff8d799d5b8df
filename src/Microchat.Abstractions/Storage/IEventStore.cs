namespace Microchat.Storage;

/// <summary>Persists the event log that streams are served and resumed from.</summary>
public interface IEventStore
{
    /// <summary>Appends events in order, each with the next id; returns them with their ids.</summary>
    ValueTask<IReadOnlyList<EventRecord>> AppendAsync(IReadOnlyList<EventRecord> events, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> events for a recipient with ids above <paramref name="afterId"/>, in id order.</summary>
    ValueTask<IReadOnlyList<EventRecord>> ReadAsync(long recipientId, long afterId, int max, CancellationToken cancellationToken);

    /// <summary>
    /// One bounded step of a replay: the recipient's events (at most <paramref name="max"/>) with ids
    /// above <paramref name="afterId"/>, and how far the log was examined, so a recipient with few
    /// events in a busy log moves forward without one read covering the whole log.
    /// </summary>
    ValueTask<EventPage> ReadPageAsync(long recipientId, long afterId, int max, CancellationToken cancellationToken);

    /// <summary>The smallest retained id and the largest id ever issued (0 and 0 when none).</summary>
    ValueTask<(long OldestId, long LastId)> GetBoundsAsync(CancellationToken cancellationToken);

    /// <summary>Removes events older than this time; the id sequence goes on regardless.</summary>
    ValueTask PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
